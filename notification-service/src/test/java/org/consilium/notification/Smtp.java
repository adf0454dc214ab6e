package org.consilium.notification;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.awaitility.Awaitility.await;

/**
 * A real SMTP server (GreenMail) on a port fixed for the test JVM, so that one Spring context can
 * point {@code spring.mail.port} at it while tests stop and restart it to simulate an outage.
 */
final class Smtp {
    private Smtp() {
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static GreenMailExtension server(int port) {
        return new GreenMailExtension(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    static List<MimeMessage> mailsTo(GreenMailExtension smtp, String email) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> addressedTo(m, email)).toList();
    }

    static MimeMessage awaitOneMailTo(GreenMailExtension smtp, String email) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(smtp, email), l -> !l.isEmpty()).get(0);
    }

    private static boolean addressedTo(MimeMessage message, String email) {
        try {
            Address[] to = message.getRecipients(Message.RecipientType.TO);
            return to != null && Arrays.stream(to).anyMatch(a -> a.toString().contains(email));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text of the first part of the given type, e.g. {@code text/plain} in a multipart/alternative. */
    static String part(MimeMessage message, String type) {
        try {
            return find(message, type);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The part's text with every run of whitespace as one space, as a reader sees it. */
    static String text(MimeMessage message, String type) {
        return part(message, type).replaceAll("\\s+", " ");
    }

    /** A file attached to a received email. */
    record File(String name, String contentType, byte[] content) {
    }

    /** The parts with an attachment disposition, in order. */
    static List<File> attachments(MimeMessage message) {
        try {
            List<File> files = new java.util.ArrayList<>();
            collect(message, files);
            return files;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void collect(Part part, List<File> files) throws MessagingException, IOException {
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            try (var in = part.getInputStream()) {
                files.add(new File(part.getFileName(), part.getContentType(), in.readAllBytes()));
            }
        } else if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), files);
            }
        }
    }

    private static String find(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type)) {
            return part.getContent().toString();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = find(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
