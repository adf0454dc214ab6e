package org.consilium.notification.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.consilium.events.DeliverReport;
import org.consilium.events.Recipient;
import org.consilium.events.Roles;
import org.consilium.notification.casefile.CaseContacts;
import org.consilium.notification.casefile.CaseFacts;
import org.consilium.notification.mail.Attachment;
import org.consilium.support.input.InvalidInput;
import org.consilium.support.problem.DomainProblem;
import org.consilium.support.security.Caller;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.util.regex.Pattern;

/**
 * The released report's PDFs on demand (issue 14), the same two renderings the report's e-mail carries: the plain one
 * in the reader's language and the clinician one, rendered from the newest version released (kept here from
 * {@code ReportReleased}). For the case's patient and the caregiver acting for her (by the token's e-mail, as the
 * case's {@code CaseSubmitted} named them) and coordinators; not the doctor, who gets the report only through delivery
 * with the patient's consent. Nothing is stored: a download is a rendering.
 */
@RestController
class ReportDownloads {
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*");
    private final CaseFacts facts;
    private final ReportPdfs pdfs;
    private final Clock clock;

    ReportDownloads(CaseFacts facts, ReportPdfs pdfs, Clock clock) {
        this.facts = facts;
        this.pdfs = pdfs;
        this.clock = clock;
    }

    @GetMapping(value = "/cases/{caseId}/report.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The released report as PDF: plain language in the reader's language, or the clinician version")
    @ApiResponse(responseCode = "400", description = "rendering not plain or clinician, or a language that is no tag")
    @ApiResponse(responseCode = "403", description = "not the case's patient or caregiver (not-your-case)")
    @ApiResponse(responseCode = "404", description = "no report released for the case (report-not-released)")
    Mono<ResponseEntity<byte[]>> pdf(@PathVariable String caseId,
                                     @Parameter(description = "plain or clinician") @RequestParam(defaultValue = "plain") String rendering,
                                     @Parameter(description = "BCP 47, e.g. zh-Hans; English where no text exists")
                                     @RequestParam(required = false) String language) {
        if (!rendering.equals("plain") && !rendering.equals("clinician")) {
            throw InvalidInput.of("rendering", "must be plain or clinician");
        }
        if (language != null && !LANGUAGE.matcher(language).matches()) {
            throw InvalidInput.of("language", "must be a language tag such as en or zh-Hans");
        }
        return admitted(caseId).flatMap(contacts -> facts.latestReport(caseId)
                .switchIfEmpty(Mono.error(() -> new DomainProblem(HttpStatus.NOT_FOUND, "report-not-released",
                        "no report of case " + caseId + " is released yet")))
                .publishOn(Schedulers.boundedElastic()) // openhtmltopdf blocks and takes the CPU: never the event loop
                .map(released -> {
                    Recipient reader = new Recipient(contacts.patient() == null ? "" : contacts.patient().name(), "",
                            language == null ? "en" : language);
                    DeliverReport report = new DeliverReport(caseId, reader, contacts.questionForPanel(),
                            contacts.firstOpinion(), released.content(), contacts.timeZone(), released.version(),
                            contacts.patient() == null ? null : contacts.patient().name(), false);
                    java.time.Instant issued = released.releasedAt() == null ? clock.instant() : released.releasedAt();
                    Attachment pdf = rendering.equals("plain") ? pdfs.plain(report, issued) : pdfs.clinician(report, issued);
                    return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                            .header("Content-Disposition", ContentDisposition.attachment().filename(pdf.fileName()).build().toString())
                            .header("Cache-Control", "no-store")
                            .body(pdf.content());
                }));
    }

    /** The case's people, once the caller is staff or its patient or caregiver; 403 not-your-case otherwise. */
    private Mono<CaseContacts> admitted(String caseId) {
        Mono<CaseContacts> contacts = facts.contacts(caseId).filter(CaseContacts::submitted);
        return Caller.current().flatMap(caller -> {
            if (caller.has(Roles.COORDINATOR)) {
                return contacts.switchIfEmpty(Mono.error(() -> DomainProblem.notFound("case", caseId)));
            }
            return contacts.filter(c -> isParty(caller, Roles.PATIENT, c.patient()) || isParty(caller, Roles.CAREGIVER, c.caregiver()))
                    .switchIfEmpty(Mono.error(() -> new DomainProblem(HttpStatus.FORBIDDEN, "not-your-case",
                            caller.username() + " may not read the report of case " + caseId)));
        }).switchIfEmpty(contacts);
    }

    private static boolean isParty(Caller caller, String role, Recipient person) {
        return caller.has(role) && person != null && caller.isPerson(person.email());
    }
}
