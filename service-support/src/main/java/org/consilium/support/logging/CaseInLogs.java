package org.consilium.support.logging;

import io.micrometer.context.ContextRegistry;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.http.server.PathContainer;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Puts the case a request is about into the log's MDC as {@code caseId}, as the consumers do for the events they
 * apply (InboundMessages), so every line a request logs names its case. A WebFlux request hops threads: the id
 * travels in the Reactor context, and the accessor registered here lets Reactor's automatic context propagation
 * ({@code spring.reactor.context-propagation=auto}) set and clear the MDC entry on whichever thread runs the next
 * step. Only an id-shaped path segment is taken: the path is the caller's text and lands in a log line.
 */
public class CaseInLogs implements WebFilter, Ordered {
    public static final String MDC_KEY = "caseId";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final List<PathPattern> CASE_PATHS = List.of(
            PathPatternParser.defaultInstance.parse("/cases/{caseId}/**"),
            PathPatternParser.defaultInstance.parse("/reviews/{caseId}/**"));

    static {
        ContextRegistry.getInstance().registerThreadLocalAccessor(MDC_KEY, () -> MDC.get(MDC_KEY),
                value -> MDC.put(MDC_KEY, value), () -> MDC.remove(MDC_KEY));
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Optional<String> caseId = caseOf(exchange.getRequest().getPath().pathWithinApplication());
        return caseId.isEmpty() ? chain.filter(exchange)
                : chain.filter(exchange).contextWrite(context -> context.put(MDC_KEY, caseId.get()));
    }

    static Optional<String> caseOf(PathContainer path) {
        return CASE_PATHS.stream().map(pattern -> pattern.matchAndExtract(path)).filter(match -> match != null)
                .map(match -> match.getUriVariables().get(MDC_KEY)).filter(id -> ID.matcher(id).matches()).findFirst();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }
}
