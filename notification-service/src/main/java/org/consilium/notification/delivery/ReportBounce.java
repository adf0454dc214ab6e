package org.consilium.notification.delivery;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /deliveries/bounces}: what a DSN (RFC 3464) or a mail provider says about one of
 * our emails. Only permanent failures (status 5.x.x) are bounces; a delay (4.x.x) is not reported here.
 */
public record ReportBounce(
        @NotBlank @Size(max = 300)
        @Schema(description = "The bounced email's Message-ID (the DSN's Original-Message-ID), with or without <>",
                example = "<6f1c0b8e-2d7a-4c59-a3a5-0b9e3f7c1d2e@consilium.local>") String messageId,
        @Pattern(regexp = "5\\.\\d{1,3}\\.\\d{1,3}", message = "must be a permanent DSN status, 5.x.x")
        @Schema(description = "The DSN Status field, e.g. 5.1.1 (no such mailbox)", example = "5.1.1") String status,
        @NotBlank @Size(max = 1000) @Schema(description = "The Diagnostic-Code or the provider's reason") String reason) {

    String normalizedMessageId() {
        String id = messageId.strip();
        return id.startsWith("<") ? id : "<" + id + ">";
    }

    String describe() {
        return "bounced" + (status == null ? "" : " (" + status + ")") + ": " + reason.strip();
    }
}
