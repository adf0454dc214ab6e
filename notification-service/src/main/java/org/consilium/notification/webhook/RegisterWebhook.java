package org.consilium.notification.webhook;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.consilium.notification.delivery.DeliveryPurpose;

import java.util.Set;

/** The body of {@code POST /webhooks}. */
public record RegisterWebhook(
        @NotBlank @Size(max = 2000)
        @Pattern(regexp = "(?i)https?://[^\\s/?#@]+([/?#]\\S*)?", message = "must be an absolute http or https URL without credentials")
        @Schema(description = "Where events are posted", example = "https://hospital.example.org/consilium/events")
        String url,
        @NotBlank @Size(min = 16, max = 256)
        @Schema(description = "The HMAC-SHA256 key for the signature header; stored, never returned", writeOnly = true)
        String secret,
        @Size(max = 200) String description,
        @Schema(description = "Only these purposes; empty or absent for all") Set<DeliveryPurpose> purposes) {
}
