package org.consilium.notification.mail;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.event.TransportListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Spring Boot's mail sender, keeping its SMTP connections open between emails. {@link JavaMailSenderImpl} opens a
 * connection for every email: a TCP (and, on a real relay, TLS) handshake, EHLO and AUTH before each one. Against the
 * stack's GreenMail that alone was 45 ms of an email's ~60 ms on SMTP (its multi-line EHLO answer waits out the
 * client's delayed ACK); a relay across the internet adds round trips and a TLS handshake.
 * <p>
 * Only how a connection is found changes: Spring's own send loop, and so how a failure is reported
 * ({@link Mailer}'s "certainly not sent" against "may have been sent"), stays as it is. A kept connection is used again
 * only after the server answers a NOOP (the transport's own {@code isConnected()}), so one the server closed meanwhile
 * is replaced, never found broken half-way through an email. A connection any email failed on is closed, not kept.
 * Connections idle longer than {@code idleTimeout} (well under the usual servers' 5 minutes) or that carried
 * {@code maxEmails} are closed too: some relays limit emails per connection.
 */
public class SmtpConnectionPool extends JavaMailSenderImpl {
    private static final Logger log = LoggerFactory.getLogger(SmtpConnectionPool.class);

    private final MailConnections settings;
    private final Clock clock;
    /** Most recently used first: the connection least likely to have been closed by the server. */
    private final Deque<Kept> idle = new ArrayDeque<>();

    /** Takes over {@code configured}'s server, credentials and session (with its SSL settings). */
    public SmtpConnectionPool(JavaMailSenderImpl configured, MailConnections settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        setSession(configured.getSession());
        setProtocol(configured.getProtocol());
        setHost(configured.getHost());
        setPort(configured.getPort());
        setUsername(configured.getUsername());
        setPassword(configured.getPassword());
        setDefaultEncoding(configured.getDefaultEncoding());
        setDefaultFileTypeMap(configured.getDefaultFileTypeMap());
    }

    @Override
    protected Transport connectTransport() throws MessagingException {
        for (Kept kept = take(); kept != null; kept = take()) {
            if (kept.usable(clock.instant(), settings) && kept.transport().isConnected()) {
                return new Lease(kept.transport(), kept.emails());
            }
            closeQuietly(kept.transport());
        }
        return new Lease(super.connectTransport(), 0);
    }

    /** How many connections are open and waiting for the next email. */
    public int idleConnections() {
        synchronized (idle) {
            return idle.size();
        }
    }

    /** Closes the connections kept open (the service stops). */
    public void destroy() {
        List<Kept> open;
        synchronized (idle) {
            open = new ArrayList<>(idle);
            idle.clear();
        }
        open.forEach(kept -> closeQuietly(kept.transport()));
    }

    private Kept take() {
        synchronized (idle) {
            return idle.pollFirst();
        }
    }

    private void giveBack(Transport transport, int emails) {
        Instant now = clock.instant();
        List<Kept> stale = new ArrayList<>();
        boolean kept = false;
        synchronized (idle) {
            // the least recently used wait at the tail: those idle too long are closed now, not when next taken
            while (!idle.isEmpty() && !idle.peekLast().usable(now, settings)) {
                stale.add(idle.pollLast());
            }
            if (emails < settings.maxEmails() && idle.size() < settings.maxIdle()) {
                idle.addFirst(new Kept(transport, emails, now));
                kept = true;
            }
        }
        stale.forEach(old -> closeQuietly(old.transport()));
        if (!kept) {
            closeQuietly(transport);
        }
    }

    private static void closeQuietly(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException | RuntimeException e) {
            log.debug("closing an SMTP connection failed; it is dropped anyway: {}", e.toString());
        }
    }

    private record Kept(Transport transport, int emails, Instant since) {
        boolean usable(Instant now, MailConnections settings) {
            return Duration.between(since, now).compareTo(settings.idleTimeout()) < 0;
        }
    }

    /**
     * What Spring's send loop gets instead of the connection: closing it hands the connection back, unless an email
     * failed on it, in which case nobody knows the state of the SMTP conversation and it is really closed.
     */
    private final class Lease extends Transport {
        private final Transport connection;
        private int emails;
        private boolean failed;
        private boolean closed;

        Lease(Transport connection, int emails) {
            super(getSession(), null);
            this.connection = connection;
            this.emails = emails;
        }

        @Override
        public void sendMessage(Message message, Address[] addresses) throws MessagingException {
            try {
                connection.sendMessage(message, addresses);
                emails++;
            } catch (MessagingException | RuntimeException e) {
                failed = true;
                throw e;
            }
        }

        @Override
        public boolean isConnected() {
            return !closed && connection.isConnected();
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            if (failed) {
                closeQuietly(connection);
            } else {
                giveBack(connection, emails);
            }
        }

        @Override
        public synchronized void addTransportListener(TransportListener listener) {
            connection.addTransportListener(listener);
        }
    }
}
