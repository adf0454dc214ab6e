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
 * refused with 413 before it is read. A FHIR Bundle ({@code POST /fhir}) declared larger than
 * {@code spring.codec.max-in-memory-size} (16MB: it may carry attachments inline) is refused the same
 * way: read first, 16MB were buffered for nothing, and the refusal came with the rest of the body
 * unread, so a client still sending lost the answer to the closed connection (e2e's HostileInputTest
 * saw no answer to 20MB); refused before reading, a client that sent {@code Expect: 100-continue}
 * never sends the body at all. A body without a declared length is held to the codec's limit by
 * {@link BodyTooLarge}.
 */
@Component
class IntakeSizeLimit implements WebFilter {
    private final DataSize max;
    private final DataSize maxBundle;

    IntakeSizeLimit(@Value("${consilium.intake.max-json-intake-size:256KB}") DataSize max,
                    @Value("${spring.codec.max-in-memory-size:16MB}") DataSize maxBundle) {
        this.max = max;
        this.maxBundle = maxBundle;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var request = exchange.getRequest();
        long length = request.getHeaders().getContentLength();
        String path = request.getPath().pathWithinApplication().value();
        if (request.getMethod() == HttpMethod.POST && length > max.toBytes() && "/cases".equals(path)) {
            return ProblemResponses.write(exchange, HttpStatus.PAYLOAD_TOO_LARGE, "request-too-large",
                    "the JSON intake may be at most " + max.toKilobytes() + " KB; this one is " + length
                            + " bytes (records go as FHIR attachments or uploads to records-service)");
        }
        if (request.getMethod() == HttpMethod.PUT && length > max.toBytes() && "/drafts/mine".equals(path)) {
            // a draft is the same questionnaire, as typed so far
            return ProblemResponses.write(exchange, HttpStatus.PAYLOAD_TOO_LARGE, "request-too-large",
                    "a draft may be at most " + max.toKilobytes() + " KB, as the intake itself; this one is " + length
                            + " bytes");
        }
        if (request.getMethod() == HttpMethod.POST && length > maxBundle.toBytes() && "/fhir".equals(path)) {
            return ProblemResponses.write(exchange, HttpStatus.PAYLOAD_TOO_LARGE, "request-too-large",
                    "a FHIR Bundle may be at most " + maxBundle.toMegabytes() + " MB; this one is " + length
                            + " bytes (large records go to records-service's resumable uploads)");
        }
        return chain.filter(exchange);
    }
}
