package org.consilium.records.link;

import org.consilium.records.RecordsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * The key upload links are signed with: {@code RECORDS_LINK_SECRET} (at least 32 bytes). With security
 * on, the service does not start without one, so no link is ever signed with a key anyone could know;
 * a development run may ask for a random key per start ({@code RECORDS_LINK_RANDOM_SECRET=true}), and
 * with security off (no token is checked anyway) one is made up.
 */
@Configuration(proxyBeanMethods = false)
public class UploadLinkKey {
    static final int MIN_BYTES = 32;
    private static final Logger log = LoggerFactory.getLogger(UploadLinkKey.class);

    @Bean
    UploadLinkSigner uploadLinkSigner(RecordsProperties properties,
                                      @Value("${consilium.security.enabled:false}") boolean securityEnabled) {
        RecordsProperties.UploadLinks links = properties.uploadLinks();
        String secret = links.secret();
        if (secret != null && !secret.isBlank()) {
            byte[] key = secret.getBytes(StandardCharsets.UTF_8);
            if (key.length < MIN_BYTES) {
                throw new IllegalStateException("consilium.records.upload-links.secret (RECORDS_LINK_SECRET) must be at "
                        + "least " + MIN_BYTES + " bytes");
            }
            return new UploadLinkSigner(key);
        }
        if (securityEnabled && !links.randomSecret()) {
            throw new IllegalStateException("RECORDS_LINK_SECRET (consilium.records.upload-links.secret) is required "
                    + "when consilium.security.enabled=true: the key signed upload links are checked with. For development "
                    + "only, RECORDS_LINK_RANDOM_SECRET=true makes a random one per start.");
        }
        log.warn("upload links are signed with a random key made at start: they stop working when the service restarts");
        byte[] key = new byte[MIN_BYTES];
        new SecureRandom().nextBytes(key);
        return new UploadLinkSigner(key);
    }
}
