package org.consilium.console.patient;

import java.util.List;
import java.util.Map;

import org.consilium.console.casepage.Checklist;
import org.consilium.console.casepage.RecordsChecklist;
import org.consilium.console.services.ServiceClients.Intake;
import org.consilium.console.services.ServiceClients.Mdt;
import org.consilium.console.services.ServiceClients.Notification;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What the patient's window reads and writes, each call with the signed-in patient's or caregiver's own token (ADR
 * 16): their cases and each case from intake, its records from records-service, the review and the report from
 * mdt-scheduler, their inbox and the report's PDFs from notification-service. Each service decides whose case this
 * is; the console adds no rule of its own.
 */
@Component
public class PatientServices {
    private final Intake intake;
    private final RecordsChecklist records;
    private final Mdt mdt;
    private final Notification notification;

    PatientServices(Intake intake, RecordsChecklist records, Mdt mdt, Notification notification) {
        this.intake = intake;
        this.records = records;
        this.mdt = mdt;
        this.notification = notification;
    }

    Mono<List<MyCaseRow>> myCases() {
        return intake.client().get().uri("/cases/mine").accept(MediaType.APPLICATION_JSON).retrieve()
                .bodyToMono(new ParameterizedTypeReference<List<MyCaseRow>>() {
                });
    }

    /** Their unfinished request, if any (intake's 404 when none): /my offers to continue it. */
    Mono<UnfinishedRequest> unfinishedRequest() {
        return intake.client().get().uri("/drafts/mine").accept(MediaType.APPLICATION_JSON).retrieve()
                .bodyToMono(UnfinishedRequest.class);
    }

    public Mono<PatientCase> theCase(String caseId) {
        return intake.client().get().uri("/cases/{id}", caseId).accept(MediaType.APPLICATION_JSON).retrieve()
                .bodyToMono(PatientCase.class);
    }

    Mono<Checklist> records(String caseId) {
        return records.of(caseId);
    }

    Mono<PatientReview> review(String caseId) {
        return mdt.client().get().uri("/reviews/{id}/for-patient", caseId).accept(MediaType.APPLICATION_JSON).retrieve()
                .bodyToMono(PatientReview.class);
    }

    Mono<PatientInbox> inbox(String email) {
        return notification.client().get().uri("/inbox/{user}", email).accept(MediaType.APPLICATION_JSON).retrieve()
                .bodyToMono(PatientInbox.class);
    }

    Mono<Void> markRead(String email, String messageId) {
        return notification.client().post().uri("/inbox/{user}/{id}/read", email, messageId).retrieve()
                .toBodilessEntity().then();
    }

    /** The question goes to the chair; the answer to whoever asks (mdt-scheduler checks the address is theirs). */
    Mono<Void> ask(String caseId, String question, String name, String email, String language) {
        return mdt.client().post().uri("/reviews/{id}/questions", caseId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("question", question, "replyTo", Map.of("name", name, "email", email,
                        "language", language)))
                .retrieve().toBodilessEntity().then();
    }

    /** A released report's PDF ({@code plain} in a language, or {@code clinician}), as notification-service renders it. */
    Mono<ResponseEntity<Flux<DataBuffer>>> reportPdf(String caseId, String rendering, String language) {
        return notification.client().get()
                .uri(b -> b.path("/cases/{id}/report.pdf").queryParam("rendering", rendering)
                        .queryParam("language", language).build(caseId))
                .accept(MediaType.APPLICATION_PDF).retrieve().toEntityFlux(DataBuffer.class);
    }

    /** One purpose's consent given or withdrawn (intake records it with its time, and tells the services). */
    Mono<Void> decideConsent(String caseId, String purpose, boolean granted) {
        return intake.client().post().uri("/cases/{id}/consent", caseId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("purpose", purpose, "granted", granted)).retrieve().toBodilessEntity().then();
    }

    /** The whole case withdrawn: everything in flight stops, and the people involved are told (intake). */
    Mono<Void> withdraw(String caseId, String reason) {
        return intake.client().post().uri("/cases/{id}/withdraw", caseId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", reason)).retrieve().toBodilessEntity().then();
    }
}
