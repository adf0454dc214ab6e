package org.consilium.console.upload;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * records-service's answers as the upload pages read them, on a real port (its own rules are records-service's
 * tests and the browser test's): one patient checklist, one upload link ({@value #GOOD_LINK}; any other is 401),
 * and tus creation, PATCH and HEAD, each request kept to be looked at.
 */
final class RecordsStandIn implements AutoCloseable {
    static final String GOOD_LINK = "good-link-token";
    final List<Seen> seen = new CopyOnWriteArrayList<>();
    final AtomicLong stored = new AtomicLong();
    private final DisposableServer server;

    /** A request as it arrived: method, path, headers, and how many body bytes came. */
    record Seen(String method, String path, HttpHeaders headers, long bytes) {
    }

    RecordsStandIn() {
        server = HttpServer.create().host("127.0.0.1").port(0).route(routes -> routes
                .get("/cases/c-1/records", (in, out) -> {
                    seen.add(new Seen("GET", "/" + in.path(), in.requestHeaders(), 0));
                    return out.header("Content-Type", "application/json").sendString(Mono.just("""
                            {"caseId":"c-1","status":"REQUESTED","items":[
                             {"code":"pathology-report","title":"Diagnostic pathology report","category":"PATHOLOGY",
                              "required":true,"status":"RECEIVED","recencyDays":null,"documents":[{"filename":"p.pdf"}]},
                             {"code":"pet-ct","title":"PET-CT: report and images","category":"IMAGING","required":true,
                              "status":"STALE","recencyDays":30,"documents":[{"filename":"old.pdf"}]},
                             {"code":"brain-mri","title":"Brain MRI (stage II or higher)","category":"IMAGING",
                              "required":false,"status":"MISSING","recencyDays":30,"documents":[]}]}"""));
                })
                .get("/upload-link/checklist", (in, out) -> {
                    seen.add(new Seen("GET", "/" + in.path(), in.requestHeaders(), 0));
                    if (!GOOD_LINK.equals(in.requestHeaders().get("Upload-Link"))) {
                        return out.status(401).header("Content-Type", "application/problem+json").sendString(Mono.just(
                                "{\"type\":\"urn:consilium:problem:invalid-upload-link\",\"status\":401,"
                                        + "\"detail\":\"the upload link was revoked\"}"));
                    }
                    return out.header("Content-Type", "application/json").sendString(Mono.just("""
                            {"caseId":"c-9","label":"Dr Tan, Mercy Hospital","expiresAt":"2026-12-13T10:00:00Z","items":[
                             {"code":"brain-mri","title":"Brain MRI (stage II or higher)","category":"IMAGING",
                              "required":false,"status":"MISSING","recencyDays":30}]}"""));
                })
                .post("/cases/{caseId}/uploads", (in, out) -> {
                    seen.add(new Seen("POST", "/" + in.path(), in.requestHeaders(), 0));
                    return out.status(HttpResponseStatus.CREATED).header("Tus-Resumable", "1.0.0")
                            .header("Upload-Offset", "0")
                            .header("Location", "/cases/" + in.param("caseId") + "/uploads/u-1").send();
                })
                .route(request -> request.method().name().equals("PATCH"), (in, out) -> in.receive()
                        .map(buffer -> (long) buffer.readableBytes()).reduce(0L, Long::sum)
                        .flatMap(bytes -> {
                            seen.add(new Seen("PATCH", "/" + in.path(), in.requestHeaders(), bytes));
                            long offset = stored.addAndGet(bytes);
                            return out.status(HttpResponseStatus.NO_CONTENT).header("Tus-Resumable", "1.0.0")
                                    .header("Upload-Offset", String.valueOf(offset)).send().then();
                        }))
                .route(request -> request.method().name().equals("HEAD"), (in, out) -> {
                    seen.add(new Seen("HEAD", "/" + in.path(), in.requestHeaders(), 0));
                    return out.status(200).header("Tus-Resumable", "1.0.0")
                            .header("Upload-Offset", String.valueOf(stored.get())).header("Upload-Length", "9").send();
                }))
                .bindNow();
    }

    String url() {
        return "http://127.0.0.1:" + server.port();
    }

    List<Seen> seen(String method) {
        return seen.stream().filter(s -> s.method().equals(method)).toList();
    }

    Map<String, String> lastHeaders(String method) {
        List<Seen> of = seen(method);
        HttpHeaders headers = of.get(of.size() - 1).headers();
        return Map.of("Authorization", String.valueOf(headers.get("Authorization")),
                "Upload-Link", String.valueOf(headers.get("Upload-Link")),
                "Upload-Metadata", String.valueOf(headers.get("Upload-Metadata")));
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
