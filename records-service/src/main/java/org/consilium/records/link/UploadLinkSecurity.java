package org.consilium.records.link;

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
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Requests that carry an upload link ({@code Upload-Link} header, or {@code ?link=} for a browser form)
 * and no bearer token are judged by this chain, ahead of the shared bearer-token chain: the link must be
 * valid (else 401), and it opens only the uploads of its own case: the multipart POST and the tus
 * discovery, create, HEAD and PATCH. Everything else, any other case included, is 403. Problems are
 * {@code application/problem+json} like everywhere else.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "consilium.security.enabled", havingValue = "true")
public class UploadLinkSecurity {
    public static final String HEADER = "Upload-Link";
    public static final String PARAMETER = "link";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    SecurityWebFilterChain uploadLinkChain(ServerHttpSecurity http, UploadLinks links) {
        ReactiveAuthenticationManager manager = credentials -> links.authenticate((String) credentials.getCredentials());
        AuthenticationWebFilter authentication = new AuthenticationWebFilter(manager);
        authentication.setServerAuthenticationConverter(tokenOf());
        authentication.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
        authentication.setAuthenticationFailureHandler(new ServerAuthenticationEntryPointFailureHandler(
                (exchange, e) -> problem(exchange, HttpStatus.UNAUTHORIZED, "invalid-upload-link", e.getMessage())));
        ReactiveAuthorizationManager<AuthorizationContext> ownCase = UploadLinkSecurity::ownCase;
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
                        .pathMatchers(HttpMethod.POST, "/cases/{caseId}/documents", "/cases/{caseId}/uploads").access(ownCase)
                        .pathMatchers(HttpMethod.OPTIONS, "/cases/{caseId}/uploads").access(ownCase)
                        .pathMatchers(HttpMethod.HEAD, "/cases/{caseId}/uploads/*").access(ownCase)
                        .pathMatchers(HttpMethod.PATCH, "/cases/{caseId}/uploads/*").access(ownCase)
                        .anyExchange().denyAll())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((exchange, e) -> problem(exchange, HttpStatus.UNAUTHORIZED,
                                "invalid-upload-link", e.getMessage()))
                        .accessDeniedHandler((exchange, e) -> problem(exchange, HttpStatus.FORBIDDEN, "not-your-case",
                                "an upload link may only upload documents to its own case, not "
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
                .map(token -> new UsernamePasswordAuthenticationToken("upload-link", token.trim()));
    }

    private static String link(ServerWebExchange exchange) {
        String header = exchange.getRequest().getHeaders().getFirst(HEADER);
        return header != null ? header : exchange.getRequest().getQueryParams().getFirst(PARAMETER);
    }

    private static Mono<AuthorizationDecision> ownCase(Mono<org.springframework.security.core.Authentication> authentication,
                                                       AuthorizationContext context) {
        Object caseId = context.getVariables().get("caseId");
        return authentication
                .map(a -> a instanceof JwtAuthenticationToken token
                        && token.getToken().hasClaim(UploadLinkGrant.CASE_CLAIM)
                        && token.getToken().getClaimAsString(UploadLinkGrant.CASE_CLAIM).equals(caseId))
                .defaultIfEmpty(false)
                .map(AuthorizationDecision::new);
    }

    private static Mono<Void> problem(ServerWebExchange exchange, HttpStatus status, String slug, String detail) {
        return ProblemResponses.write(exchange, status, slug, detail == null ? slug : detail);
    }
}
