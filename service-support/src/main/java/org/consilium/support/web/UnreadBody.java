package org.consilium.support.web;

import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * Reads and drops a request body that will not be used, before a refusal is written. The server
 * closes every connection after its response ({@link OneRequestPerConnection}); closing while the
 * client is still sending an upload makes the client see a reset and lose the answer — a doctor with
 * an expired link would get a network error instead of "this link has expired". Bounded: after
 * {@value #MAX_BYTES} bytes or {@link #MAX_TIME} the answer goes out anyway.
 */
public final class UnreadBody {
    static final long MAX_BYTES = 64L * 1024 * 1024;
    static final Duration MAX_TIME = Duration.ofSeconds(10);

    private UnreadBody() {
    }

    public static Mono<Void> discard(ServerHttpRequest request) {
        HttpHeaders headers = request.getHeaders();
        if (headers.getContentLength() <= 0 && !headers.containsKey(HttpHeaders.TRANSFER_ENCODING)) {
            return Mono.empty();
        }
        long[] seen = {0};
        // a body something already read cannot be read again: that error means there is nothing left
        return request.getBody()
                .doOnNext(buffer -> {
                    seen[0] += buffer.readableByteCount();
                    DataBufferUtils.release(buffer);
                })
                .takeUntil(buffer -> seen[0] >= MAX_BYTES)
                .timeout(MAX_TIME)
                .onErrorResume(error -> Mono.empty())
                .then();
    }
}
