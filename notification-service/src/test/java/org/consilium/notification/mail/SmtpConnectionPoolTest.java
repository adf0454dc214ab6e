package org.consilium.notification.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Transport;
import org.consilium.events.Recipient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import javax.net.SocketFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The mail sender keeps its SMTP connections between emails: the connections are counted where Jakarta Mail opens
 * them (a socket factory of the session), the emails where a real SMTP server (GreenMail) received them.
 */
class SmtpConnectionPoolTest {
    private static final RenderedMail MAIL = new RenderedMail("en", "Your MDT review", "Dear Ana, …", "<p>Dear Ana, …</p>");
    /** Counts the connections opened by every session of this test class (Jakarta Mail takes an instance by class name). */
    private static final AtomicInteger OPENED = new AtomicInteger();

    private final int port = freePort();
    private GreenMail smtp;
    private SmtpConnectionPool pool;
    private Mailer mailer;

    @BeforeEach
    void start() {
        OPENED.set(0);
        startServer();
    }

    /** A real SMTP server on the test's port (again, after a stop: the mailer's connections point there). */
    private void startServer() {
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterEach
    void stop() {
        if (mailer != null) {
            mailer.destroy();
        }
        smtp.stop();
    }

    @Test
    void emailsOneAfterAnotherShareOneConnection() {
        mailer = mailer(new MailConnections(4, Duration.ofSeconds(30), 100));
        for (int n = 0; n < 5; n++) {
            send(n);
        }
        assertThat(smtp.getReceivedMessages()).hasSize(5);
        assertThat(OPENED).hasValue(1);
    }

    @Test
    void aConnectionTheServerClosedMeanwhileIsReplacedNotFoundBroken() {
        mailer = mailer(new MailConnections(4, Duration.ofSeconds(30), 100));
        send(1);
        smtp.stop(); // drops the kept connection
        startServer();
        send(2);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(OPENED).hasValue(2);
    }

    @Test
    void withTheServerDownAnEmailCertainlyFailedAndTheNextOneFindsItBack() {
        mailer = mailer(new MailConnections(4, Duration.ofSeconds(30), 100));
        send(1);
        smtp.stop();
        assertThatThrownBy(() -> send(2)).isInstanceOfSatisfying(SmtpFailure.class,
                failure -> assertThat(failure.definite()).as("no connection: certainly not sent").isTrue());
        startServer();
        send(3);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void connectionsAreClosedWhenIdleTooLongOrAfterTheirLastEmail() {
        mailer = mailer(new MailConnections(4, Duration.ZERO, 100));
        send(1);
        send(2);
        assertThat(OPENED).as("idle timeout 0: none reused").hasValue(2);

        mailer.destroy();
        OPENED.set(0);
        mailer = mailer(new MailConnections(4, Duration.ofSeconds(30), 2));
        for (int n = 0; n < 5; n++) {
            send(n);
        }
        assertThat(OPENED).as("two emails a connection").hasValue(3);
        assertThat(smtp.getReceivedMessages()).hasSize(7);
    }

    @Test
    void aConnectionLeftIdleTooLongIsClosedWhenAnotherComesBackNotKeptOpen() throws Exception {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-07T09:00:00Z"));
        mailer = mailer(new MailConnections(4, Duration.ofSeconds(10), 100), new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        });
        Transport first = pool.connectTransport();
        Transport second = pool.connectTransport();
        first.close();
        assertThat(pool.idleConnections()).isEqualTo(1);
        now.set(now.get().plusSeconds(11));
        second.close();
        assertThat(pool.idleConnections()).as("the first, idle 11 s, closed; the second kept").isEqualTo(1);
        send(1);
        assertThat(OPENED).as("the email went over the second").hasValue(2);
    }

    @Test
    void threadsSendingAtOnceGetAConnectionEachAndKeepNoMoreThanMaxIdle() throws Exception {
        mailer = mailer(new MailConnections(2, Duration.ofSeconds(30), 100));
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int n = 0; n < 40; n++) {
                int number = n;
                sent.add(threads.submit(() -> send(number)));
            }
            for (Future<?> one : sent) {
                one.get();
            }
        } finally {
            threads.shutdown();
        }
        assertThat(smtp.getReceivedMessages()).hasSize(40);
        assertThat(OPENED.get()).as("at most one a thread, plus those closed above max-idle").isBetween(1, 40);
        assertThat(pool.idleConnections()).isBetween(1, 2);
    }

    private void send(int number) {
        mailer.send("<mail-" + number + "@consilium.local>", "case-1",
                new Recipient("Ana Okafor", "ana" + number + "@example.org", "en"), MAIL);
    }

    private Mailer mailer(MailConnections connections) {
        return mailer(connections, Clock.systemUTC());
    }

    private Mailer mailer(MailConnections connections, Clock clock) {
        JavaMailSenderImpl configured = new JavaMailSenderImpl();
        configured.setHost("127.0.0.1");
        configured.setPort(port);
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.socketFactory.class", CountingSocketFactory.class.getName());
        properties.setProperty("mail.smtp.socketFactory.fallback", "false");
        configured.setJavaMailProperties(properties);
        pool = new SmtpConnectionPool(configured, connections, clock);
        return new Mailer(pool, new MailSettings("care-team@consilium.local", "Consilium care team",
                "classpath:/mail/", "en"), connections, clock);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Jakarta Mail's hook for how it opens sockets: the default factory, counted. */
    public static class CountingSocketFactory extends SocketFactory {
        private static final SocketFactory PLAIN = SocketFactory.getDefault();

        public static SocketFactory getDefault() {
            return new CountingSocketFactory();
        }

        private static Socket opened(Socket socket) {
            OPENED.incrementAndGet();
            return socket;
        }

        @Override
        public Socket createSocket() throws IOException {
            return opened(PLAIN.createSocket());
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return opened(PLAIN.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
            return opened(PLAIN.createSocket(host, port, local, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return opened(PLAIN.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress local, int localPort) throws IOException {
            return opened(PLAIN.createSocket(address, port, local, localPort));
        }
    }
}
