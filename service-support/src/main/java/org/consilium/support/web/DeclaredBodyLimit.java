package org.consilium.support.web;

import org.consilium.support.security.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A JSON body declared larger than the service's {@code spring.codec.max-in-memory-size} is refused with 413
 * {@code request-too-large} before any of it is read. Read first, the codec buffers up to its limit and then refuses
 * with the rest of the body unread: the connection closes while the client is still sending, and the client loses
 * the answer (e2e HostileInputTest: a 1 MiB JSON body to records' {@code translation-needed} got no answer at all,
 * as intake's FHIR endpoint once did). Refused before reading, a client that sent {@code Expect: 100-continue} never
 * sends the body. Uploads (tus, multipart, raw bytes) are not JSON and keep their own limits.
 */
public record DeclaredBodyLimit(DataSize max) implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long length = exchange.getRequest().getHeaders().getContentLength();
        MediaType type = exchange.getRequest().getHeaders().getContentType();
        if (length > max.toBytes() && type != null && (MediaType.APPLICATION_JSON.isCompatibleWith(type)
                || type.getSubtype().endsWith("+json"))) {
            return ProblemResponses.write(exchange, HttpStatus.PAYLOAD_TOO_LARGE, "request-too-large",
                    "a JSON body may be at most " + max.toKilobytes() + " KB here; this one is " + length + " bytes");
        }
        return chain.filter(exchange);
    }
}
