package org.consilium.mdt.guest;

import org.consilium.support.link.LinkSigner;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The key guest links are signed with: this service's own ({@code MDT_LINK_SECRET}), checked as records' is. */
@Configuration(proxyBeanMethods = false)
class GuestLinkKey {

    @Bean
    LinkSigner guestLinkSigner(GuestLinkProperties properties,
                               @Value("${consilium.security.enabled:false}") boolean securityEnabled) {
        return LinkSigner.fromSecret(properties.secret(), properties.randomSecret(), securityEnabled,
                "MDT_LINK_SECRET (consilium.mdt.guest-links.secret)", "MDT_LINK_RANDOM_SECRET");
    }
}
