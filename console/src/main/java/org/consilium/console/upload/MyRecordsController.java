package org.consilium.console.upload;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.consilium.console.patient.PatientCase;
import org.consilium.console.patient.PatientLanguage;
import org.consilium.console.patient.PatientServices;
import org.consilium.console.patient.PatientWords;
import org.consilium.console.upload.UploadClients.RecordsAsUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * The patient's and caregiver's page for sending records ({@code /my/cases/{caseId}/records}, issue 14): the
 * checklist in plain words, in the patient's language like their other pages, and resumable uploads relayed to
 * records-service with the signed-in person's own token, so records decides whether the case is theirs and its
 * trail names them.
 */
@Controller
class MyRecordsController implements UploadDoor {
    private final RecordsAsUser records;
    private final PatientServices patients;
    private final UploadPage page;

    MyRecordsController(RecordsAsUser records, PatientServices patients, UploadPage page) {
        this.records = records;
        this.patients = patients;
        this.page = page;
    }

    @GetMapping("/my/cases/{caseId}/records")
    Mono<Rendering> records(@PathVariable String caseId, ServerWebExchange exchange, WebSession session) {
        // the patient's own languages and zone, as on their case page; when intake cannot say just now, the page
        // still shows (in the language kept or the browser's): sending records does not wait for intake
        Mono<Optional<PatientCase>> theCase = patients.theCase(caseId).map(Optional::of)
                .onErrorReturn(Optional.empty());
        Mono<RecordItem.Checklist> checklist = records.reads().get().uri("/cases/{id}/records", caseId)
                .accept(MediaType.APPLICATION_JSON).retrieve().bodyToMono(RecordItem.Checklist.class);
        return Mono.zip(theCase, checklist).map(found -> {
            Optional<PatientCase> patient = found.getT1();
            RecordItem.Checklist items = found.getT2();
            PatientWords w = PatientWords.in(PatientLanguage.forRequest(exchange, session,
                            patient.map(PatientCase::languages).orElse(List.of())),
                    patient.map(PatientCase::patient).map(PatientCase.Patient::timeZone).orElse(null));
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("caseId", caseId);
            model.put("items", items.items().stream().map(item -> ItemCard.of(item, w)).toList());
            // the summary counts what the panel cannot do without; optional items say so on their card
            model.put("wanted", items.items().stream().filter(i -> i.wanted() && i.required()).count());
            model.put("complete", "COMPLETE".equals(items.status()));
            model.put("endpoint", UriComponentsBuilder.fromPath(TusEndpoints.MINE).buildAndExpand(caseId).encode()
                    .toUriString());
            return page.render("my-records", "send.title", HttpStatus.OK, exchange, w, model);
        });
    }

    @Override
    public Mono<Void> relay(String caseId, String uploadId, ServerWebExchange exchange) {
        return TusRelay.relayToCase(records.relay(), exchange, caseId, uploadId,
                id -> UriComponentsBuilder.fromPath(TusEndpoints.MY_UPLOAD).buildAndExpand(caseId, id).encode()
                        .toUriString(), headers -> { });
    }
}
