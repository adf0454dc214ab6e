package org.consilium.support.security;

import java.util.function.Consumer;
import java.util.function.Function;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
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
 * The security chain of a signed link for someone without an account (records-service's upload link for a doctor,
 * mdt-scheduler's guest link for a guest specialist): requests that carry the link (its header, or {@code ?link=} as
 * in the mailed address) and no bearer token are judged here, ahead of the shared bearer-token chain. The link must
 * be valid (else 401 with the link's own problem slug) and opens only the doors its service names, each for the
 * link's own case (the case claim of the link's grant); everything else is 403 {@code not-your-case}. No session, no
 * CSRF (nothing is kept in a browser), frames denied, no referrer: the link is a secret in the address.
 *
 * @param name       what the link is, for the principal and the problems ("upload-link")
 * @param header     the header that may carry it
 * @param parameter  the query parameter that may carry it
 * @param caseClaim  the claim of the link's grant naming its one case
 * @param invalid    the 401 problem slug of a link that is not (or no longer) valid
 * @param onlyOpens  the 403 detail's start: what the link opens ("an upload link may only upload ... , not")
 */
public record SignedLinkChain(String name, String header, String parameter, String caseClaim, String invalid,
                              String onlyOpens) {

    /** The chain: {@code authenticate} turns a link into its grant; {@code doors} opens paths with {@link #ownCase()}. */
    public SecurityWebFilterChain build(ServerHttpSecurity http, Function<String, Mono<Authentication>> authenticate,
                                        Consumer<ServerHttpSecurity.AuthorizeExchangeSpec> doors) {
        ReactiveAuthenticationManager manager = credentials -> authenticate.apply((String) credentials.getCredentials());
        AuthenticationWebFilter authentication = new AuthenticationWebFilter(manager);
        authentication.setServerAuthenticationConverter(exchange -> Mono.justOrEmpty(link(exchange))
                .map(token -> new UsernamePasswordAuthenticationToken(name, token.trim())));
        authentication.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
        authentication.setAuthenticationFailureHandler(new ServerAuthenticationEntryPointFailureHandler(
                (exchange, e) -> problem(exchange, HttpStatus.UNAUTHORIZED, invalid, e.getMessage())));
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
                .authorizeExchange(exchanges -> {
                    doors.accept(exchanges);
                    exchanges.anyExchange().denyAll();
                })
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((exchange, e) -> problem(exchange, HttpStatus.UNAUTHORIZED, invalid,
                                e.getMessage()))
                        .accessDeniedHandler((exchange, e) -> problem(exchange, HttpStatus.FORBIDDEN, "not-your-case",
                                onlyOpens + " " + exchange.getRequest().getMethod() + " "
                                        + exchange.getRequest().getPath().value())))
                .build();
    }

    /** Passes a request whose {@code {caseId}} is the case of the link's grant. */
    public ReactiveAuthorizationManager<AuthorizationContext> ownCase() {
        return (authentication, context) -> {
            Object caseId = context.getVariables().get("caseId");
            return authentication
                    .map(a -> a instanceof JwtAuthenticationToken token && token.getToken().hasClaim(caseClaim)
                            && token.getToken().getClaimAsString(caseClaim).equals(caseId))
                    .defaultIfEmpty(false)
                    .map(AuthorizationDecision::new);
        };
    }

    /** A link, and no Authorization header: whoever has a token is judged by it, not by a link. */
    ServerWebExchangeMatcher linkWithoutBearer() {
        return exchange -> link(exchange) != null
                && !exchange.getRequest().getHeaders().containsKey(HttpHeaders.AUTHORIZATION)
                ? MatchResult.match() : MatchResult.notMatch();
    }

    private String link(ServerWebExchange exchange) {
        String value = exchange.getRequest().getHeaders().getFirst(header);
        return value != null ? value : exchange.getRequest().getQueryParams().getFirst(parameter);
    }

    private static Mono<Void> problem(ServerWebExchange exchange, HttpStatus status, String slug, String detail) {
        return ProblemResponses.write(exchange, status, slug, detail == null ? slug : detail);
    }
}
