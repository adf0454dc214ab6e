package org.consilium.intake.limits;

import org.consilium.support.security.ProblemResponses;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * The public submission endpoints ({@code POST /cases}, {@code POST /fhir}) are limited per caller
 * (issue 6): a token bucket (Bucket4j, in memory) per token subject, or per client address where
 * tokens are not enforced. It runs after the token gate (so only callers allowed to submit are
 * counted) and before the body is read: a flood of invalid Bundles must not keep the FHIR validator
 * busy either. Over the limit: 429 problem {@code too-many-submissions} with {@code Retry-After}.
 * One instance's memory: behind several instances each counts alone (the limit is per instance).
 */
@Component
@EnableConfigurationProperties(RateLimitProperties.class)
class SubmissionRateLimit implements WebFilter {
    private static final Set<String> PATHS = Set.of("/cases", "/fhir");

    private final RateLimitProperties properties;
    private final Cache<String, Bucket> buckets;

    SubmissionRateLimit(RateLimitProperties properties) {
        this.properties = properties;
        this.buckets = Caffeine.newBuilder().expireAfterAccess(properties.per()).maximumSize(properties.maxCallers())
                .build();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!properties.enabled() || request.getMethod() != HttpMethod.POST
                || !PATHS.contains(request.getPath().pathWithinApplication().value())) {
            return chain.filter(exchange);
        }
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(context -> context.getAuthentication() instanceof JwtAuthenticationToken token ? token : null)
                .map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(token -> {
                    if (token.isPresent() && exempt(token.get())) {
                        return chain.filter(exchange);
                    }
                    String caller = token.map(t -> "sub:" + t.getToken().getSubject()).orElseGet(() -> "ip:" + address(request));
                    ConsumptionProbe probe = buckets.get(caller, key -> bucket()).tryConsumeAndReturnRemaining(1);
                    if (probe.isConsumed()) {
                        return chain.filter(exchange);
                    }
                    long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
                    exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
                    return ProblemResponses.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "too-many-submissions",
                            "at most " + properties.submissions() + " submissions per " + properties.per()
                                    + " per caller; try again in " + seconds + " s");
                });
    }

    private boolean exempt(JwtAuthenticationToken token) {
        return token.getAuthorities().stream()
                .anyMatch(a -> properties.exemptRoles().stream().anyMatch(role -> a.getAuthority().equals("ROLE_" + role)));
    }

    private Bucket bucket() {
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(properties.submissions())
                .refillGreedy(properties.submissions(), properties.per()).build()).build();
    }

    private static String address(ServerHttpRequest request) {
        return request.getRemoteAddress() == null ? "unknown" : request.getRemoteAddress().getAddress().getHostAddress();
    }
}
