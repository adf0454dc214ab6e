package org.consilium.intake.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.consilium.intake.request.CaseIntake;
import org.consilium.intake.request.CaseRequests;
import org.consilium.events.text.JsonTreeText;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code POST /fhir}: a Bundle checked three ways before anything is stored (readable JSON, valid
 * against the R4 base profiles, holding what intake needs), then opened as a case through the
 * same path, validation and {@code CaseSubmitted} event as {@code POST /cases}. A hospital's Bundle
 * with no Consent and no QuestionnaireResponse opens a case that waits for the patient's part
 * ({@link PatientPart}) instead, and publishes nothing until the patient gives it.
 */
@Service
public class FhirImport {
    private final FhirContext fhir;
    private final FhirValidation validation;
    private final Validator intakeValidator;
    private final CaseRequests requests;
    private final Clock clock;
    /** One document and nothing after it, as for every JSON body (service-support's StrictJsonCodecs). */
    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    public FhirImport(FhirContext fhir, FhirValidation validation, Validator intakeValidator, CaseRequests requests,
                      Clock clock) {
        this.fhir = fhir;
        this.validation = validation;
        this.intakeValidator = intakeValidator;
        this.requests = requests;
        this.clock = clock;
    }

    public Mono<CaseRequests.Submission> importBundle(String body, String idempotencyKey) {
        // Validation is CPU-bound and blocking: keep it off the event loop.
        return Mono.fromCallable(() -> read(body)).subscribeOn(Schedulers.boundedElastic())
                .flatMap(read -> read.awaited().isEmpty()
                        ? requests.submit(read.bundle().intake(), read.bundle().records(), read.bundle().content(),
                        idempotencyKey)
                        : requests.awaitPatient(read.bundle().intake(), read.bundle().records(), read.bundle().content(),
                        idempotencyKey, read.awaited()));
    }

    /** @param awaited what a hospital's Bundle left for the patient to give; empty when the Bundle was complete */
    record Read(BundleIntake.Result bundle, List<String> awaited) {
    }

    Read read(String body) {
        JsonNode tree;
        try {
            tree = json.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            // a body past the parser's limits (nesting, number length) is refused with no location
            String where = e.getLocation() == null ? "Bundle"
                    : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new FhirRejection(HttpStatus.BAD_REQUEST, List.of(new FhirIssue(IssueSeverity.FATAL, IssueType.STRUCTURE,
                    where, "not JSON: " + e.getOriginalMessage())));
        }
        if (tree == null || !tree.isObject() || !"Bundle".equals(tree.path("resourceType").asText())) {
            throw new FhirRejection(HttpStatus.BAD_REQUEST, List.of(FhirIssue.error(IssueType.STRUCTURE, "resourceType",
                    "expected a Bundle (transaction or collection), got " + (tree == null || !tree.isObject() ? "no resource"
                            : "'" + tree.path("resourceType").asText() + "'"))));
        }
        // the same characters refused as in every other body, before the validator or the report ever sees them
        List<FhirIssue> unsafe = JsonTreeText.problems(tree).stream()
                .map(p -> FhirIssue.error(IssueType.INVALID, p.field(), p.message())).toList();
        if (!unsafe.isEmpty()) {
            throw new FhirRejection(HttpStatus.BAD_REQUEST, unsafe);
        }
        List<FhirIssue> found = ValidatorIssues.of(validation.messages(body), tree);
        // warnings never refuse, but a refused Bundle is told about them too, after its errors
        List<FhirIssue> warnings = found.stream().filter(i -> !i.isError()).toList();
        List<FhirIssue> invalid = found.stream().filter(FhirIssue::isError).toList();
        if (!invalid.isEmpty()) {
            throw new FhirRejection(HttpStatus.UNPROCESSABLE_ENTITY, concat(invalid, warnings));
        }
        Bundle bundle;
        try {
            IParser parser = fhir.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
            bundle = parser.parseResource(Bundle.class, body);
        } catch (DataFormatException e) {
            throw new FhirRejection(HttpStatus.UNPROCESSABLE_ENTITY,
                    List.of(FhirIssue.error(IssueType.STRUCTURE, "Bundle", e.getMessage())));
        }
        BundleIntake reader = new BundleIntake(bundle, LocalDate.now(clock));
        BundleIntake.Result read = reader.read();
        List<FhirIssue> issues = new ArrayList<>(read.issues());
        List<String> awaited = new ArrayList<>();
        intakeValidator.validate(read.intake()).stream()
                .filter(v -> !reader.reported(v.getPropertyPath().toString()))
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .forEach(v -> {
                    String path = v.getPropertyPath().toString();
                    if (read.fromHospital() && PatientPart.unanswered(path, v.getInvalidValue())) {
                        awaited.add(path);
                    } else {
                        issues.add(FhirIssue.error(v.getInvalidValue() == null ? IssueType.REQUIRED : IssueType.INVALID,
                                reader.locate(path), message(v)));
                    }
                });
        if (!issues.isEmpty()) {
            throw new FhirRejection(HttpStatus.UNPROCESSABLE_ENTITY, concat(issues, warnings));
        }
        return new Read(read, List.copyOf(awaited));
    }

    private static List<FhirIssue> concat(List<FhirIssue> errors, List<FhirIssue> warnings) {
        List<FhirIssue> all = new ArrayList<>(errors);
        all.addAll(warnings);
        return all;
    }

    private static String message(ConstraintViolation<CaseIntake> violation) {
        String path = violation.getPropertyPath().toString();
        if (violation.getInvalidValue() == null && !path.contains(".")) {
            return "intake " + path + ": missing (" + violation.getMessage() + ")";
        }
        return "intake " + path + ": " + violation.getMessage();
    }
}
