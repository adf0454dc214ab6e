package org.consilium.console.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
    private final ObjectMapper json;

    public IntakeCases(Intake intake, ObjectMapper json) {
        this.intake = intake;
        this.json = json;
    }

    public Mono<CaseHeader> header(String caseId) {
        return intake.client().get().uri("/cases/{id}", caseId).accept(MediaType.APPLICATION_JSON)
                .retrieve().bodyToMono(JsonNode.class)
                .map(view -> withPatientName(json.convertValue(view, CaseHeader.class),
                        view.path("patient").path("name").asText("")));
    }

    /** The case view names the patient (intake, ADR 15): one read per case, on the case's audit trail once. */
    private static CaseHeader withPatientName(CaseHeader c, String name) {
        return new CaseHeader(c.caseId(), name, c.stage(), c.urgency(), c.cancerType(), c.questionForPanel(),
                c.plannedTreatmentStart(), c.submittedAt(), c.disciplines(), c.consents(), c.history(), c.patient(),
                c.diagnosis(), c.firstOpinion(), c.consentHistory());
    }
}
