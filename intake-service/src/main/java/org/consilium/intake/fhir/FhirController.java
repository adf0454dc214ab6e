package org.consilium.intake.fhir;

import ca.uhn.fhir.context.FhirContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.consilium.intake.request.CaseGate;
import org.consilium.intake.request.CaseRequests;
import org.consilium.support.audit.AuditAction;
import org.consilium.support.problem.ProblemHandlers;
import org.consilium.support.problem.DomainProblem;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.util.List;

/** The intake in FHIR R4: import a Bundle, read the request back as FHIR, and the questionnaire. */
@RestController
public class FhirController {
    public static final String FHIR_JSON = "application/fhir+json";
    public static final MediaType FHIR_JSON_TYPE = MediaType.parseMediaType(FHIR_JSON);

    private final FhirContext fhir;
    private final FhirImport fhirImport;
    private final CaseGate gate;
    private final CaseAsFhir asFhir;
    private final ObjectMapper json;

    public FhirController(FhirContext fhir, FhirImport fhirImport, CaseGate gate, CaseAsFhir asFhir, ObjectMapper json) {
        this.fhir = fhir;
        this.fhirImport = fhirImport;
        this.gate = gate;
        this.asFhir = asFhir;
        this.json = json;
    }

    @PostMapping(path = "/fhir", consumes = {FHIR_JSON, MediaType.APPLICATION_JSON_VALUE}, produces = FHIR_JSON)
    @Operation(summary = "Request a second opinion with a FHIR R4 Bundle (transaction or collection)",
            description = "Patient, mCODE primary cancer Condition, optional RelatedPerson (caregiver), Consent per purpose, "
                    + "the QuestionnaireResponse to GET /questionnaire, and DocumentReference / DiagnosticReport / "
                    + "ImagingStudy / MedicationStatement metadata. 201 with the ServiceRequest; 400/422 with an "
                    + "OperationOutcome naming every issue and its location; nothing is stored then.")
    public Mono<ResponseEntity<String>> importBundle(@RequestBody(required = false) String body,
            @Parameter(description = "Any unique string; repeating a request with the same key returns the same case")
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey, ServerHttpRequest request) {
        return fhirImport.importBundle(body, idempotencyKey).flatMap(s -> gate.recordSubmission(request, s))
                .map(s -> ResponseEntity
                .status(s.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/cases/" + s.request().id()))
                .header(HttpHeaders.CONTENT_LOCATION, "/fhir/ServiceRequest/" + s.request().id())
                .contentType(FHIR_JSON_TYPE)
                .body(encode(asFhir.serviceRequest(s.request()))));
    }

    @GetMapping(path = "/fhir/ServiceRequest/{caseId}", produces = {FHIR_JSON, MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "The case as a FHIR ServiceRequest; its status follows the case's stage")
    public Mono<ResponseEntity<String>> serviceRequest(@PathVariable String caseId, ServerHttpRequest request) {
        return gate.read(request, caseId, CaseGate.Entry.ofCase(AuditAction.READ, "fhir-service-request", caseId,
                "the case as a FHIR ServiceRequest")).map(c -> fhirOk(asFhir.serviceRequest(c)));
    }

    @GetMapping(path = "/cases/{caseId}/$export", produces = {FHIR_JSON, MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "The whole intake as a FHIR collection Bundle",
            description = "Patient, RelatedPerson (caregiver), a Consent per purpose, Condition, ServiceRequest, QuestionnaireResponse.")
    public Mono<ResponseEntity<String>> export(@PathVariable String caseId, ServerHttpRequest request) {
        return gate.read(request, caseId, CaseGate.Entry.ofCase(AuditAction.READ, "fhir-export", caseId,
                "the whole intake as a FHIR Bundle (patient, caregiver, consents, questionnaire answers)"))
                .map(c -> fhirOk(asFhir.export(c)));
    }

    @GetMapping(path = "/questionnaire", produces = {FHIR_JSON, MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "The versioned intake Questionnaire whose linkIds POST /fhir reads")
    public ResponseEntity<String> questionnaire() {
        return fhirOk(IntakeQuestionnaire.build());
    }

    @ExceptionHandler(FhirRejection.class)
    public ResponseEntity<String> rejected(FhirRejection rejection) {
        return outcome(rejection.status(), rejection.issues());
    }

    /**
     * A refusal (403 {@code not-your-case}, {@code not-your-intake}) is problem+json here too, like the
     * 401 and 403 of the token gate in front of these paths: a client tells refusals apart the same
     * way on every path. What is wrong with a Bundle or a missing case stays an OperationOutcome.
     */
    @ExceptionHandler(DomainProblem.class)
    public ResponseEntity<String> domainProblem(DomainProblem problem) throws JsonProcessingException {
        if (problem.status() == HttpStatus.FORBIDDEN) {
            ProblemDetail body = ProblemDetail.forStatusAndDetail(problem.status(), problem.getMessage());
            body.setType(ProblemHandlers.type(problem.slug()));
            body.setTitle(problem.status().getReasonPhrase());
            return ResponseEntity.status(problem.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(json.writeValueAsString(body));
        }
        IssueType type = problem.status() == HttpStatus.NOT_FOUND ? IssueType.NOTFOUND
                : problem.status() == HttpStatus.CONFLICT ? IssueType.CONFLICT : IssueType.PROCESSING;
        return outcome(problem.status(), List.of(new FhirIssue(IssueSeverity.ERROR, type, null, problem.getMessage())));
    }

    private ResponseEntity<String> outcome(HttpStatus status, List<FhirIssue> issues) {
        OperationOutcome outcome = new OperationOutcome();
        for (FhirIssue issue : issues) {
            OperationOutcome.OperationOutcomeIssueComponent component = outcome.addIssue()
                    .setSeverity(issue.severity()).setCode(issue.code()).setDiagnostics(issue.message());
            if (issue.location() != null) {
                component.addLocation(issue.location());
                if (issue.code() != IssueType.STRUCTURE || issue.location().startsWith("Bundle")) {
                    component.addExpression(issue.location());
                }
            }
        }
        return ResponseEntity.status(status).contentType(FHIR_JSON_TYPE).body(encode(outcome));
    }

    private ResponseEntity<String> fhirOk(IBaseResource resource) {
        return ResponseEntity.ok().contentType(FHIR_JSON_TYPE).body(encode(resource));
    }

    private String encode(IBaseResource resource) {
        return fhir.newJsonParser().setPrettyPrint(true).encodeResourceToString(resource);
    }
}
