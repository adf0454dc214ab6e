package org.consilium.mdt.guest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;

/**
 * Guest specialists' signed links.
 *
 * @param secret        the HMAC-SHA256 key links are signed with (env {@code MDT_LINK_SECRET}, at least 32 bytes);
 *                      required when security is on, never a constant in code
 * @param randomSecret  development only: without a secret, a random one per start (links die with the process)
 * @param publicUrl     this service as the guest's browser reaches it (the link's address)
 * @param defaultExpiry a link's life when the invitation names none: a routine panel's clock and a week
 * @param maxExpiry     the longest life a link may be given
 */
@ConfigurationProperties("consilium.mdt.guest-links")
public record GuestLinkProperties(String secret,
                                  @DefaultValue("false") boolean randomSecret,
                                  @DefaultValue("http://localhost:8083") URI publicUrl,
                                  @DefaultValue("21d") Duration defaultExpiry,
                                  @DefaultValue("60d") Duration maxExpiry) {
}
