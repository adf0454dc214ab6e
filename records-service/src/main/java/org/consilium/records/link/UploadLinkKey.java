package org.consilium.records.link;

import org.consilium.records.RecordsProperties;
import org.consilium.support.link.LinkSigner;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The key upload links are signed with (the shared {@link LinkSigner}): {@code RECORDS_LINK_SECRET} (at least 32 bytes). With security
 * on, the service does not start without one, so no link is ever signed with a key anyone could know;
 * a development run may ask for a random key per start ({@code RECORDS_LINK_RANDOM_SECRET=true}), and
 * with security off (no token is checked anyway) one is made up.
 */
@Configuration(proxyBeanMethods = false)
public class UploadLinkKey {
    @Bean
    LinkSigner uploadLinkSigner(RecordsProperties properties,
                                @Value("${consilium.security.enabled:false}") boolean securityEnabled) {
        RecordsProperties.UploadLinks links = properties.uploadLinks();
        return LinkSigner.fromSecret(links.secret(), links.randomSecret(), securityEnabled,
                "RECORDS_LINK_SECRET (consilium.records.upload-links.secret)", "RECORDS_LINK_RANDOM_SECRET");
    }
}
