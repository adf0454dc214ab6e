package org.consilium.mdt.guest;

import org.consilium.support.security.ProblemResponses;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Requests that carry a guest link ({@code Guest-Link} header, or {@code ?link=} as in the mailed address) and no
 * bearer token are judged by this chain, ahead of the shared bearer-token chain, as records-service judges its
 * upload links: the link must be valid (else 401 {@code invalid-guest-link}), and it opens only its own case's guest
 * endpoints: the brief and the guest's opinion. Everything else (the review, the meeting view, the consensus, the
 * report, another case) is 403. Problems are {@code application/problem+json} like everywhere else.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "consilium.security.enabled", havingValue = "true")
class GuestLinkSecurity {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    SecurityWebFilterChain guestLinkChain(ServerHttpSecurity http, GuestLinks links) {
        ReactiveAuthenticationManager manager = credentials -> links.authenticate((String) credentials.getCredentials());
        AuthenticationWebFilter authentication = new AuthenticationWebFilter(manager);
        authentication.setServerAuthenticationConverter(tokenOf());
        authentication.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
        authentication.setAuthenticationFailureHandler(new ServerAuthenticationEntryPointFailureHandler(
                (exchange, e) -> problem(exchange, HttpStatus.UNAUTHORIZED, "invalid-guest-link", e.getMessage())));
        return http
                .securityMatcher(linkWithoutBearer())
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .headers(headers -> headers
                        .frameOptions(frame -> frame.mode(XFrameOptionsServerHttpHeadersWriter.Mode.DENY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .addFilterAt(authentication, SecurityWebFiltersOrder.AUTHENTICATION)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(HttpMethod.GET, "/reviews/{caseId}/guest").access(GuestLinkSecurity::ownCase)
                        .pathMatchers(HttpMethod.POST, "/reviews/{caseId}/guest/opinion").access(GuestLinkSecurity::ownCase)
                        .anyExchange().denyAll())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((exchange, e) -> problem(exchange, HttpStatus.UNAUTHORIZED,
                                "invalid-guest-link", e.getMessage()))
                        .accessDeniedHandler((exchange, e) -> problem(exchange, HttpStatus.FORBIDDEN, "not-your-case",
                                "a guest link opens only its own case's brief and takes only its guest's opinion, not "
                                        + exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath().value())))
                .build();
    }

    /** A link, and no Authorization header: whoever has a token is judged by it, not by a link. */
    static ServerWebExchangeMatcher linkWithoutBearer() {
        return exchange -> link(exchange) != null
                && !exchange.getRequest().getHeaders().containsKey(HttpHeaders.AUTHORIZATION)
                ? MatchResult.match() : MatchResult.notMatch();
    }

    private static ServerAuthenticationConverter tokenOf() {
        return exchange -> Mono.justOrEmpty(link(exchange))
                .map(token -> new UsernamePasswordAuthenticationToken("guest-link", token.trim()));
    }

    static String link(ServerWebExchange exchange) {
        String header = exchange.getRequest().getHeaders().getFirst(GuestLinks.HEADER);
        return header != null ? header : exchange.getRequest().getQueryParams().getFirst(GuestLinks.PARAMETER);
    }

    private static Mono<AuthorizationDecision> ownCase(Mono<Authentication> authentication, AuthorizationContext context) {
        Object caseId = context.getVariables().get("caseId");
        return authentication
                .map(a -> a instanceof JwtAuthenticationToken token
                        && token.getToken().hasClaim(GuestLinkGrant.CASE_CLAIM)
                        && token.getToken().getClaimAsString(GuestLinkGrant.CASE_CLAIM).equals(caseId))
                .defaultIfEmpty(false)
                .map(AuthorizationDecision::new);
    }

    private static Mono<Void> problem(ServerWebExchange exchange, HttpStatus status, String slug, String detail) {
        return ProblemResponses.write(exchange, status, slug, detail == null ? slug : detail);
    }
}
