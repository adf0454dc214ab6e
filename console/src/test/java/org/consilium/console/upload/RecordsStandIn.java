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
public final class RecordsStandIn implements AutoCloseable {
    static final String GOOD_LINK = "good-link-token";
    /** A PDF as records serves it (as an attachment: the console decides how a page shows it). */
    public static final String PDF = "doc-pdf";
    /** An HTML file someone uploaded: never shown in the console's origin. */
    public static final String HTML = "doc-html";
    public final List<Seen> seen = new CopyOnWriteArrayList<>();
    /** The last body sent to each path (the decisions and links are JSON). */
    public final Map<String, String> bodies = new java.util.concurrent.ConcurrentHashMap<>();
    final AtomicLong stored = new AtomicLong();
    private final DisposableServer server;

    /** A request as it arrived: method, path, headers, and how many body bytes came. */
    public record Seen(String method, String path, HttpHeaders headers, long bytes) {
    }

    public RecordsStandIn() {
        server = HttpServer.create().host("127.0.0.1").port(0).route(routes -> routes
                // a waiver or an override: records' validation problem for a blank reason, else done
                .route(request -> request.method().name().equals("POST") && request.uri().contains("/records/"), (in, out) -> in.receive().aggregate().asString()
                        .defaultIfEmpty("").flatMap(body -> {
                            seen.add(new Seen("POST", "/" + in.path(), in.requestHeaders(), body.length()));
                            bodies.put("/" + in.path(), body);
                            if (body.contains("\"reason\":\"\"")) {
                                return out.status(400).header("Content-Type", "application/problem+json")
                                        .sendString(Mono.just("{\"type\":\"urn:consilium:problem:validation\",\"title\":"
                                                + "\"Invalid request content\",\"status\":400,\"errors\":[{\"field\":"
                                                + "\"reason\",\"message\":\"must not be blank\"}]}")).then();
                            }
                            if (in.path().endsWith("override")) {
                                return out.status(409).header("Content-Type", "application/problem+json")
                                        .sendString(Mono.just("{\"type\":\"urn:consilium:problem:records-complete\","
                                                + "\"title\":\"Conflict\",\"status\":409,\"detail\":\"the records of "
                                                + "case c-1 are complete since 2026-12-06T10:00:00Z\"}")).then();
                            }
                            return out.header("Content-Type", "application/json").sendString(Mono.just("{}")).then();
                        }))
                .get("/cases/{caseId}/upload-links", (in, out) -> {
                    seen.add(new Seen("GET", "/" + in.path(), in.requestHeaders(), 0));
                    return out.header("Content-Type", "application/json").sendString(Mono.just("""
                            [{"id":"l-1","label":"Dr Tan, Mercy Hospital","state":"ACTIVE","createdBy":"cora.nolan",
                              "createdAt":"2026-12-06T10:00:00Z","expiresAt":"2026-12-13T10:00:00Z"}]"""));
                })
                .post("/cases/{caseId}/upload-links", (in, out) -> in.receive().aggregate().asString()
                        .defaultIfEmpty("").flatMap(body -> {
                            seen.add(new Seen("POST", "/" + in.path(), in.requestHeaders(), body.length()));
                            bodies.put("/" + in.path(), body);
                            return out.status(201).header("Content-Type", "application/json").sendString(Mono.just("""
                                    {"id":"l-2","url":"http://localhost:8090/upload/secret-token","token":"secret-token",
                                     "expiresAt":"2026-12-09T10:00:00Z","label":"Dr Lim"}""")).then();
                        }))
                .delete("/cases/{caseId}/upload-links/{linkId}", (in, out) -> {
                    seen.add(new Seen("DELETE", "/" + in.path(), in.requestHeaders(), 0));
                    return "l-1".equals(in.param("linkId")) ? out.status(204).send()
                            : out.status(404).header("Content-Type", "application/problem+json").sendString(Mono.just(
                            "{\"type\":\"urn:consilium:problem:not-found\",\"title\":\"Not Found\",\"status\":404,"
                                    + "\"detail\":\"upload link " + in.param("linkId") + " not found\"}"));
                })
                .get("/cases/{caseId}/documents/{documentId}", (in, out) -> {
                    seen.add(new Seen("GET", "/" + in.path(), in.requestHeaders(), 0));
                    boolean pdf = PDF.equals(in.param("documentId"));
                    return out.header("Content-Type", pdf ? "application/pdf" : "text/html")
                            .header("Content-Disposition", "attachment; filename=\"" + (pdf ? "pathology.pdf" : "page.html") + "\"")
                            .sendString(Mono.just(pdf ? "%PDF-1.4 not really" : "<script>alert(1)</script>"));
                })
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

    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    public List<Seen> seen(String method) {
        return seen.stream().filter(s -> s.method().equals(method)).toList();
    }

    public Map<String, String> lastHeaders(String method) {
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
