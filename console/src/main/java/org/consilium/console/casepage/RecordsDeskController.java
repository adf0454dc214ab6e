package org.consilium.console.casepage;

import org.consilium.console.language.StaffWords;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.consilium.console.documents.ShownDocument;
import org.consilium.console.pages.Refusals;
import org.consilium.console.services.ServiceProblem;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The case page's records section and its upload links: waive an item, override completeness, make and revoke a link,
 * and each document shown in the page. Every write answers 303 to the case page's section (Post/Redirect/Get): done,
 * with a confirmation; refused by records, with its words next to the form and what was typed kept
 * ({@link SectionAttempt}). Records decides every one of them; the console adds no rule of its own.
 */
@Controller
class RecordsDeskController {
    /** How long a new link may last: records' default is 7 days, its maximum 30. */
    static final Map<String, String> EXPIRY = linked("P1D", "1 day", "P3D", "3 days", "P7D", "7 days", "P14D",
            "14 days", "P30D", "30 days");
    private final RecordsDesk desk;
    private final ShownDocument documents;
    private final Refusals refusals;
    private final IssuedLinks issued;

    RecordsDeskController(RecordsDesk desk, ShownDocument documents, Refusals refusals, IssuedLinks issued) {
        this.desk = desk;
        this.documents = documents;
        this.refusals = refusals;
        this.issued = issued;
    }

    /** A document in the page (a PDF's frame, an image) or to download: the coordinator's read, on records' trail. */
    @GetMapping("/cases/{caseId}/documents/{documentId}")
    Mono<ResponseEntity<Flux<DataBuffer>>> document(@PathVariable String caseId, @PathVariable String documentId) {
        return documents.of(caseId, documentId);
    }

    @PostMapping("/cases/{caseId}/records/items/{code}/waiver")
    Mono<Rendering> waive(@PathVariable String caseId, @PathVariable String code, ServerWebExchange exchange,
                          java.util.Locale locale) {
        StaffWords w = StaffWords.in(locale);
        return exchange.getFormData().flatMap(form -> {
            String reason = text(form, "reason");
            String title = text(form, "title").isEmpty() ? code : text(form, "title");
            return desk.waive(caseId, code, reason)
                    .then(Mono.fromSupplier(() -> back(caseId, "records", w.say("records.waived", title), "item-" + code)))
                    .onErrorResume(ServiceProblem.class, problem -> refused(exchange, caseId,
                            new SectionAttempt("waive-" + code, Map.of("reason", reason), w.say("records.notWaived", words(problem)), problem.fieldErrors(), problem.status())));
        });
    }

    @PostMapping("/cases/{caseId}/records/override")
    Mono<Rendering> override(@PathVariable String caseId, ServerWebExchange exchange, java.util.Locale locale) {
        StaffWords w = StaffWords.in(locale);
        return exchange.getFormData().flatMap(form -> {
            String reason = text(form, "reason");
            return desk.override(caseId, reason)
                    .then(Mono.fromSupplier(() -> back(caseId, "records", w.say("records.overridden"), "records")))
                    .onErrorResume(ServiceProblem.class, problem -> refused(exchange, caseId,
                            new SectionAttempt("override", Map.of("reason", reason), w.say("records.notOverridden", words(problem)), problem.fieldErrors(), problem.status())));
        });
    }

    @PostMapping("/cases/{caseId}/upload-links")
    Mono<Rendering> createLink(@PathVariable String caseId, ServerWebExchange exchange, java.util.Locale locale) {
        StaffWords w = StaffWords.in(locale);
        return exchange.getFormData().flatMap(form -> {
            String label = text(form, "label");
            String expiresIn = EXPIRY.containsKey(text(form, "expiresIn")) ? text(form, "expiresIn") : "P7D";
            return desk.createLink(caseId, label, expiresIn)
                    .flatMap(link -> issued.keep(exchange, link))
                    .map(key -> Rendering.redirectTo(page(caseId) + "?" + IssuedLinks.PARAMETER + "=" + key
                            + "#upload-links").build())
                    .onErrorResume(ServiceProblem.class, problem -> refused(exchange, caseId,
                            new SectionAttempt("link-create", Map.of("label", label, "expiresIn", expiresIn),
                                    w.say("links.notMade", words(problem)), problem.fieldErrors(), problem.status())));
        });
    }

    @PostMapping("/cases/{caseId}/upload-links/{linkId}/revoke")
    Mono<Rendering> revoke(@PathVariable String caseId, @PathVariable String linkId, ServerWebExchange exchange,
                           java.util.Locale locale) {
        StaffWords w = StaffWords.in(locale);
        return exchange.getFormData().flatMap(form -> {
            String label = text(form, "label").isEmpty() ? w.say("links.theLink") : w.say("links.theLinkFor", text(form, "label"));
            return desk.revokeLink(caseId, linkId)
                    .then(Mono.fromSupplier(() -> back(caseId, "links", w.say("links.revoked", label), "upload-links")))
                    .onErrorResume(ServiceProblem.class, problem -> refused(exchange, caseId,
                            new SectionAttempt("revoke-" + linkId, Map.of(), w.say("links.notRevoked", words(problem)),
                                    problem.fieldErrors(), problem.status())));
        });
    }

    private Mono<Rendering> refused(ServerWebExchange exchange, String caseId, SectionAttempt attempt) {
        return refusals.keep(exchange, attempt).map(key -> Rendering.redirectTo(page(caseId) + "?" + Refusals.PARAMETER
                + "=" + key + "#" + attempt.form()).build());
    }

    private static String words(ServiceProblem problem) {
        return problem.title() + (problem.detail() == null || problem.detail().isBlank() ? "" : ": " + problem.detail());
    }

    private static Rendering back(String caseId, String parameter, String text, String anchor) {
        return Rendering.redirectTo(page(caseId) + "?" + parameter + "="
                + UriUtils.encodeQueryParam(text, StandardCharsets.UTF_8) + "#" + anchor).build();
    }

    private static String page(String caseId) {
        return "/cases/" + UriUtils.encodePathSegment(caseId, StandardCharsets.UTF_8);
    }

    /** A form's text, trimmed and bounded (records bounds a reason at 2,000 and a label at 200 characters). */
    private static String text(MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        value = value == null ? "" : value.strip();
        return value.length() > 4000 ? value.substring(0, 4000) : value;
    }

    private static Map<String, String> linked(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
