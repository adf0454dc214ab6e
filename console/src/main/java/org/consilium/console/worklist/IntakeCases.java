package org.consilium.console.worklist;

import com.fasterxml.jackson.databind.JsonNode;
import org.consilium.console.services.ServiceClients.Intake;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The case from intake-service, read with the user's token, so intake's own per-case check and audit trail apply
 * (ADR 11): every read the console makes is on the case's audit trail under the coordinator's name.
 */
@Component
public class IntakeCases {
    private final Intake intake;

    public IntakeCases(Intake intake) {
        this.intake = intake;
    }

    public Mono<CaseHeader> header(String caseId) {
        Mono<CaseHeader> view = intake.client().get().uri("/cases/{id}", caseId).accept(MediaType.APPLICATION_JSON)
                .retrieve().bodyToMono(CaseHeader.class);
        return Mono.zip(view, patientName(caseId), (c, name) -> new CaseHeader(c.caseId(), name, c.stage(),
                c.urgency(), c.cancerType(), c.questionForPanel(), c.plannedTreatmentStart(), c.submittedAt(),
                c.disciplines(), c.consents(), c.history()));
    }

    /** The ServiceRequest's subject: the only place intake's API names the patient without the whole export. */
    private Mono<String> patientName(String caseId) {
        return intake.client().get().uri("/fhir/ServiceRequest/{id}", caseId).accept(MediaType.APPLICATION_JSON)
                .retrieve().bodyToMono(JsonNode.class)
                .map(request -> request.path("subject").path("display").asText(""))
                .onErrorReturn("")
                .defaultIfEmpty("");
    }
}
