package org.consilium.notification.bounce;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** Builds delivery status notifications as a mail server (Postfix-style) returns them to the sender. */
public final class Dsn {
    private Dsn() {
    }

    /** A DSN for {@code messageId}; {@code action} failed/delayed, {@code status} e.g. 5.1.1, headers or full message returned. */
    public static MimeMessage of(String messageId, String action, String status, boolean fullMessage) {
        try {
            MimeMessage dsn = new MimeMessage(Session.getInstance(new Properties()));
            dsn.setFrom(new InternetAddress("MAILER-DAEMON@mx.example.org"));
            dsn.setRecipients(MimeMessage.RecipientType.TO, "bounces@consilium.local");
            dsn.setSubject("Undelivered Mail Returned to Sender");
            MimeMultipart report = new MimeMultipart("report; report-type=delivery-status");
            MimeBodyPart human = new MimeBodyPart();
            human.setText("I'm sorry to have to inform you that your message could not be delivered.", "UTF-8");
            report.addBodyPart(human);
            report.addBodyPart(part("Reporting-MTA: dns; mx.example.org\r\n\r\n"
                    + "Final-Recipient: rfc822; siti@example.org\r\n"
                    + "Action: " + action + "\r\n"
                    + "Status: " + status + "\r\n"
                    + "Diagnostic-Code: smtp; 550 5.1.1 <siti@example.org>: Recipient address\r\n"
                    + "    rejected: User unknown in virtual mailbox table\r\n", "message/delivery-status"));
            String headers = "From: care-team@consilium.local\r\nTo: siti@example.org\r\nSubject: Your case\r\n"
                    + "Message-ID: " + messageId + "\r\n";
            report.addBodyPart(fullMessage ? part(headers + "\r\nHello Siti\r\n", "message/rfc822")
                    : part(headers, "text/rfc822-headers"));
            dsn.setContent(report);
            dsn.saveChanges();
            return dsn;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MimeBodyPart part(String content, String type) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(content.getBytes(StandardCharsets.US_ASCII), type)));
        part.setHeader("Content-Type", type);
        return part;
    }
}
