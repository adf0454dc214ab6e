package org.consilium.console.upload;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Which files the upload pages take: medical records come as PDFs, scans and photos, DICOM images (often without
 * an extension), office documents and archives of them. Anything else (a program, a web page, a video) is refused
 * before a byte of it is sent, with the reason in words: records-service stores what it is given and would only
 * flag the mismatch for a coordinator, after the person had waited for a large upload to finish.
 */
final class DocumentTypes {
    static final String REFUSED = "unsupported-document-type";
    /** Also what the pages' file inputs offer ({@code accept}), so the chooser shows the same list. */
    static final Set<String> EXTENSIONS = Set.of("pdf", "jpg", "jpeg", "png", "tif", "tiff", "heic", "heif", "gif", "bmp",
            "webp", "dcm", "dicom", "zip", "doc", "docx", "odt", "rtf", "txt", "xml", "json", "csv", "xls", "xlsx");

    private DocumentTypes() {
    }

    /** The {@code accept} attribute of the pages' file inputs. */
    static String accept() {
        return String.join(",", EXTENSIONS.stream().sorted().map(e -> "." + e).toList());
    }

    /**
     * Why a tus creation's file may not be sent, from its {@code Upload-Metadata} filename; empty when it may (or
     * when the header is unreadable: records then refuses it naming the field, as it always did).
     */
    static Optional<String> refusal(String uploadMetadata) {
        String filename = filename(uploadMetadata);
        if (filename == null) {
            return Optional.empty();
        }
        int dot = filename.lastIndexOf('.');
        if (dot < 0 || dot == filename.length() - 1) {
            return Optional.empty(); // DICOM files from a scanner often have no extension: records reads their header
        }
        String extension = filename.substring(dot + 1).toLowerCase(Locale.ROOT);
        return EXTENSIONS.contains(extension) ? Optional.empty()
                : Optional.of("a ." + extension + " file is not a medical record this case can take: send PDFs, "
                + "scans or photos (JPEG, PNG, TIFF, HEIC), DICOM images, office documents or a ZIP of them");
    }

    /**
     * A tus creation ({@code POST}) goes on to records only with a file of a kind the case takes; else 415
     * problem+json naming the field ({@code filename}), which the page puts in words.
     */
    static Mono<Void> orRefuse(ServerWebExchange exchange, Supplier<Mono<Void>> relay) {
        Optional<String> refusal = refusal(exchange.getRequest().getHeaders().getFirst("Upload-Metadata"));
        if (refusal.isEmpty()) {
            return relay.get();
        }
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().set("Tus-Resumable", "1.0.0");
        ObjectNode problem = JsonNodeFactory.instance.objectNode()
                .put("type", "urn:consilium:problem:" + REFUSED).put("title", "Not a kind of file this case takes")
                .put("status", 415).put("detail", refusal.get()).put("field", "filename");
        problem.putArray("errors").addObject().put("field", "filename").put("message", refusal.get());
        return response.writeWith(Mono.just(response.bufferFactory().wrap(
                problem.toString().getBytes(StandardCharsets.UTF_8))));
    }

    private static String filename(String header) {
        if (header == null) {
            return null;
        }
        for (String pair : header.split(",")) {
            String[] parts = pair.trim().split(" ");
            if (parts.length == 2 && "filename".equals(parts[0])) {
                try {
                    return new String(Base64.getDecoder().decode(parts[1]), StandardCharsets.UTF_8).trim();
                } catch (IllegalArgumentException notBase64) {
                    return null;
                }
            }
        }
        return null;
    }
}
