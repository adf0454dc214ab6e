package org.consilium.intake.limits;

import org.consilium.support.security.ProblemResponses;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The JSON intake ({@code POST /cases}) is a questionnaire of bounded fields, a few tens of KB at
 * most: a body declared larger than {@code consilium.intake.max-json-intake-size} (default 256KB) is
 * refused with 413 before it is read. A body without a declared length, and every other body, is
 * held to {@code spring.codec.max-in-memory-size} (16MB: a FHIR Bundle may carry attachments inline)
 * by {@link BodyTooLarge}.
 */
@Component
class IntakeSizeLimit implements WebFilter {
    private final DataSize max;

    IntakeSizeLimit(@Value("${consilium.intake.max-json-intake-size:256KB}") DataSize max) {
        this.max = max;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var request = exchange.getRequest();
        long length = request.getHeaders().getContentLength();
        if (request.getMethod() == HttpMethod.POST && length > max.toBytes()
                && "/cases".equals(request.getPath().pathWithinApplication().value())) {
            return ProblemResponses.write(exchange, HttpStatus.PAYLOAD_TOO_LARGE, "request-too-large",
                    "the JSON intake may be at most " + max.toKilobytes() + " KB; this one is " + length
                            + " bytes (records go as FHIR attachments or uploads to records-service)");
        }
        return chain.filter(exchange);
    }
}
