package org.consilium.notification.mail;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.consilium.events.Envelope;
import org.consilium.events.Recipient;
import org.eclipse.angus.mail.util.MailConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

import java.io.UnsupportedEncodingException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.regex.Pattern;

/**
 * Sends one rendered email over SMTP as {@code multipart/alternative} (plain text, then HTML), wrapped in
 * {@code multipart/mixed} with the attachments when it has any; over a connection kept open from the email before
 * when there is one ({@link SmtpConnectionPool}).
 */
@Component
public class Mailer implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(Mailer.class);
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]{1,200}");
    private static final String UTF_8 = StandardCharsets.UTF_8.name();
    /** How {@code JavaMailSenderImpl} reports that it could not even open the connection. */
    private static final String CONNECTION_FAILED = "Mail server connection failed";

    private final JavaMailSender sender;
    private final MailSettings settings;
    private final Clock clock;

    public Mailer(JavaMailSender sender, MailSettings settings, MailConnections connections, Clock clock) {
        this.sender = sender instanceof JavaMailSenderImpl configured && !(sender instanceof SmtpConnectionPool)
                ? new SmtpConnectionPool(configured, connections, clock) : sender;
        this.settings = settings;
        this.clock = clock;
    }

    /** Closes the connections kept open. */
    @Override
    public void destroy() {
        if (sender instanceof SmtpConnectionPool pool) {
            pool.destroy();
        }
    }

    /**
     * The Message-ID of the email answering a command: derived from the command id only, so a
     * resend of the same command carries the same id and receivers can deduplicate too.
     */
    public String messageId(String commandId) {
        String local = SAFE_ID.matcher(commandId).matches() ? commandId : Envelope.derivedId("message", commandId);
        return "<" + local + "@" + settings.domain() + ">";
    }

    /** Returns once the server accepted the email; throws {@link SmtpFailure} otherwise. */
    public void send(String messageId, String caseId, Recipient to, RenderedMail mail) {
        try {
            sender.send(message -> prepare(message, messageId, caseId, to, mail));
        } catch (MailSendException e) {
            if (e.getFailedMessages().isEmpty()) {
                // Spring reports a failure to close the connection after every message went through.
                log.warn("email {} accepted, closing the SMTP connection failed: {}", messageId, e.toString());
                return;
            }
            throw new SmtpFailure("SMTP did not accept email " + messageId + ": " + rootMessage(e), e, neverAccepted(e));
        } catch (MailAuthenticationException | MailPreparationException | MailParseException e) {
            throw new SmtpFailure("email " + messageId + " was not sent: " + rootMessage(e), e, true);
        } catch (MailException e) {
            throw new SmtpFailure("email " + messageId + " may not have been sent: " + rootMessage(e), e, false);
        }
    }

    private void prepare(MimeMessage message, String messageId, String caseId, Recipient to, RenderedMail mail)
            throws MessagingException, UnsupportedEncodingException {
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.text(), UTF_8, "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.html(), UTF_8, "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        if (mail.attachments().isEmpty()) {
            message.setContent(alternative);
        } else {
            // multipart/mixed: the readable bodies first, then each file
            MimeMultipart mixed = new MimeMultipart("mixed");
            MimeBodyPart body = new MimeBodyPart();
            body.setContent(alternative);
            mixed.addBodyPart(body);
            for (Attachment attachment : mail.attachments()) {
                mixed.addBodyPart(part(attachment));
            }
            message.setContent(mixed);
        }
        message.setFrom(new InternetAddress(settings.from(), settings.fromName(), UTF_8));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to.email(), to.name(), UTF_8));
        message.setSubject(mail.subject(), UTF_8);
        message.setSentDate(Date.from(clock.instant()));
        message.setHeader("Message-ID", messageId);
        message.setHeader("Content-Language", mail.language());
        message.setHeader("Auto-Submitted", "auto-generated");
        message.setHeader("X-Consilium-Case-Id", caseId);
    }

    private static MimeBodyPart part(Attachment attachment) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment.content(), attachment.contentType())));
        part.setFileName(attachment.fileName());
        part.setDisposition(Part.ATTACHMENT);
        return part;
    }

    /** True when no failed message can have reached the server's queue: no connection, or an explicit refusal. */
    private static boolean neverAccepted(MailSendException e) {
        return CONNECTION_FAILED.equals(e.getMessage())
                || e.getFailedMessages().values().stream().allMatch(Mailer::neverAccepted);
    }

    private static boolean neverAccepted(Exception failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof MailConnectException || t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException || t instanceof SendFailedException) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root + ")";
        return message.strip().replaceAll("\\s+", " ");
    }
}
