package org.consilium.notification.bounce;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetHeaders;
import org.consilium.notification.delivery.ReportBounce;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a DSN (RFC 3464: {@code multipart/report; report-type=delivery-status}) as a bounce of one of our
 * emails: the per-recipient fields say {@code Action: failed} with a permanent {@code Status: 5.x.x}, and the
 * returned headers ({@code text/rfc822-headers} or the whole {@code message/rfc822}) carry our Message-ID.
 * Anything else (a delay, a success notice, an auto-reply, spam) is not a bounce.
 */
final class DeliveryStatusNotification {
    private static final Pattern ACTION_FAILED = Pattern.compile("(?im)^Action:\\s*failed\\s*$");
    private static final Pattern STATUS = Pattern.compile("(?im)^Status:\\s*(5\\.\\d{1,3}\\.\\d{1,3})");
    private static final Pattern DIAGNOSTIC = Pattern.compile("(?im)^Diagnostic-Code:\\s*(.+(?:\\r?\\n[ \\t]+.+)*)");

    private DeliveryStatusNotification() {
    }

    static Optional<ReportBounce> bounce(Part message) throws MessagingException, IOException {
        if (!message.isMimeType("multipart/report") || !(message.getContent() instanceof Multipart report)) {
            return Optional.empty();
        }
        String status = null;
        String diagnostic = null;
        String messageId = null;
        for (int i = 0; i < report.getCount(); i++) {
            BodyPart part = report.getBodyPart(i);
            if (part.isMimeType("message/delivery-status")) {
                String fields = text(part);
                Matcher s = STATUS.matcher(fields);
                if (ACTION_FAILED.matcher(fields).find() && s.find()) {
                    status = s.group(1);
                    Matcher d = DIAGNOSTIC.matcher(fields);
                    diagnostic = d.find() ? d.group(1).replaceAll("\\s+", " ").strip() : "no diagnostic given";
                }
            } else if (part.isMimeType("text/rfc822-headers") || part.isMimeType("message/rfc822")) {
                try (InputStream in = part.getInputStream()) {
                    messageId = new InternetHeaders(in).getHeader("Message-ID", null);
                }
            }
        }
        if (status == null || messageId == null) {
            return Optional.empty();
        }
        return Optional.of(new ReportBounce(messageId.strip(), status, diagnostic));
    }

    /** The raw text, whatever content handler the mail library has (or lacks) for the type. */
    private static String text(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }
}
