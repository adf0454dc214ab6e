package org.consilium.console.upload;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * Relays one tus request (OPTIONS, POST, HEAD, PATCH, DELETE) to records-service and its answer back, streaming: the
 * PATCH body goes on buffer by buffer as the browser sends it (never a whole file in the heap), and when the
 * browser's connection drops the cut reaches records, which keeps what arrived (the next HEAD says how much).
 * Only the protocol's headers cross, both ways; records' {@code Location} is turned into the console's own address
 * of the upload, so the browser never learns records' address nor needs to reach it.
 */
final class TusRelay {
    private static final Logger log = LoggerFactory.getLogger(TusRelay.class);
    private static final List<String> REQUEST_HEADERS = List.of("Tus-Resumable", "Upload-Length", "Upload-Offset",
            "Upload-Metadata", HttpHeaders.CONTENT_TYPE, HttpHeaders.CONTENT_LENGTH);
    private static final List<String> RESPONSE_HEADERS = List.of("Tus-Resumable", "Tus-Version", "Tus-Extension",
            "Tus-Max-Size", "Upload-Offset", "Upload-Length", "Document-Id", HttpHeaders.CONTENT_TYPE,
            HttpHeaders.CACHE_CONTROL);

    private TusRelay() {
    }

    /**
     * One tus request for records' {@code /cases/{caseId}/uploads[/{uploadId}]} (no upload id: the collection).
     *
     * @param address the console's address of an upload of the case, from its id
     */
    static Mono<Void> relayToCase(WebClient records, ServerWebExchange exchange, String caseId, String uploadId,
                                  UnaryOperator<String> address, Consumer<HttpHeaders> extra) {
        String target = UriComponentsBuilder.fromPath(uploadId.isEmpty() ? "/cases/{c}/uploads" : "/cases/{c}/uploads/{u}")
                .buildAndExpand(caseId, uploadId).encode().toUriString();
        return relay(records, exchange, target, stored -> {
            String id = uploadId(stored, caseId);
            return id == null ? null : address.apply(id);
        }, extra);
    }

    /**
     * @param target   records' path, e.g. {@code /cases/{caseId}/uploads/{id}} expanded
     * @param location records' {@code Location} (its path) → the console's address of the same upload; null if foreign
     * @param extra    headers of the console's own to add (the doctor's link)
     */
    static Mono<Void> relay(WebClient records, ServerWebExchange exchange, String target,
                            UnaryOperator<String> location, Consumer<HttpHeaders> extra) {
        ServerHttpRequest in = exchange.getRequest();
        HttpMethod method = in.getMethod();
        WebClient.RequestBodySpec out = records.method(method).uri(target).headers(headers -> {
            REQUEST_HEADERS.forEach(name -> {
                String value = in.getHeaders().getFirst(name);
                if (value != null) {
                    headers.set(name, value);
                }
            });
            extra.accept(headers);
        });
        WebClient.RequestHeadersSpec<?> request = HttpMethod.PATCH.equals(method)
                ? out.body(BodyInserters.fromDataBuffers(in.getBody())) : out;
        ServerHttpResponse response = exchange.getResponse();
        return request.exchangeToMono(answer -> {
            response.setStatusCode(answer.statusCode());
            HttpHeaders from = answer.headers().asHttpHeaders();
            RESPONSE_HEADERS.forEach(name -> {
                List<String> values = from.get(name);
                if (values != null) {
                    response.getHeaders().put(name, values);
                }
            });
            String stored = from.getFirst(HttpHeaders.LOCATION);
            String mine = stored == null ? null : location.apply(java.net.URI.create(stored).getPath());
            if (mine != null) {
                response.getHeaders().set(HttpHeaders.LOCATION, mine);
            }
            return response.writeWith(answer.bodyToFlux(DataBuffer.class));
        }).onErrorResume(error -> response.isCommitted() ? Mono.error(error) : unreachable(response, error));
    }

    /** records did not answer (down, or too slow): a 502 problem, which tus-js-client retries. */
    private static Mono<Void> unreachable(ServerHttpResponse response, Throwable error) {
        log.warn("records-service did not answer an upload request: {}", error.getClass().getSimpleName());
        return problem(response, 502, "urn:consilium:problem:service-unavailable", "records-service did not answer");
    }

    /** A problem+json answer of the console's own (the page's script reads its {@code type}). */
    static Mono<Void> problem(ServerHttpResponse response, int status, String type, String title) {
        response.setStatusCode(HttpStatus.valueOf(status));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().set("Tus-Resumable", "1.0.0");
        byte[] body = JsonNodeFactory.instance.objectNode().put("type", type).put("title", title).put("status", status)
                .toString().getBytes(StandardCharsets.UTF_8);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    /** The upload's id from records' {@code /cases/{caseId}/uploads/{id}}, if it is that case's upload; else null. */
    static String uploadId(String recordsPath, String caseId) {
        String prefix = "/cases/" + caseId + "/uploads/";
        if (recordsPath == null || !recordsPath.startsWith(prefix)) {
            return null;
        }
        String id = recordsPath.substring(prefix.length());
        return id.isEmpty() || id.contains("/") ? null : id;
    }
}
