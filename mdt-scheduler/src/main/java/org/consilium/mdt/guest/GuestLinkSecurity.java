package org.consilium.mdt.guest;

import org.consilium.support.security.SignedLinkChain;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * Requests that carry a guest link ({@code Guest-Link} header, or {@code ?link=} as in the mailed address) and no
 * bearer token are judged by this chain ({@link SignedLinkChain}, as records-service judges its upload links): the
 * link must be valid (else 401 {@code invalid-guest-link}), and it opens only its own case's guest endpoints: the
 * brief and the guest's opinion. Everything else (the review, the meeting view, the consensus, the report, another
 * case) is 403.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "consilium.security.enabled", havingValue = "true")
class GuestLinkSecurity {
    static final SignedLinkChain GUEST_LINK = new SignedLinkChain("guest-link", GuestLinks.HEADER, GuestLinks.PARAMETER,
            GuestLinkGrant.CASE_CLAIM, "invalid-guest-link",
            "a guest link opens only its own case's brief and takes only its guest's opinion, not");

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    SecurityWebFilterChain guestLinkChain(ServerHttpSecurity http, GuestLinks links) {
        return GUEST_LINK.build(http, links::authenticate, doors -> doors
                .pathMatchers(HttpMethod.GET, "/reviews/{caseId}/guest").access(GUEST_LINK.ownCase())
                .pathMatchers(HttpMethod.POST, "/reviews/{caseId}/guest/opinion").access(GUEST_LINK.ownCase()));
    }
}
