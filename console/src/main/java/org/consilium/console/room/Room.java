package org.consilium.console.room;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.consilium.console.services.ServiceClients.Mdt;
import org.consilium.console.services.ServiceClients.Records;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What the specialist's room reads and writes, each call with the signed-in specialist's own token (ADR 16): their
 * sessions, agendas, reviews and meeting views from mdt-scheduler, the records from records-service. Each service
 * decides what this person may see — the console shows what it is given, and hides nothing of its own accord: the
 * rule that keeps the others' opinions from a member who has not given theirs is mdt-scheduler's.
 */
@Component
class Room {
    private static final int READS_AT_ONCE = 4;
    private final Mdt mdt;
    private final Records records;

    Room(Mdt mdt, Records records) {
        this.mdt = mdt;
        this.records = records;
    }

    Mono<MySchedule> schedule() {
        return mdt.client().get().uri("/specialists/me/sessions").accept(MediaType.APPLICATION_JSON).retrieve()
                .bodyToMono(MySchedule.class);
    }

    /** The agendas of these sessions, by session id, in the given order. */
    Mono<Map<String, Agenda>> agendas(List<String> sessionIds) {
        return Flux.fromIterable(sessionIds)
                .flatMapSequential(id -> mdt.client().get().uri("/sessions/{id}/agenda", id)
                        .accept(MediaType.APPLICATION_JSON).retrieve().bodyToMono(Agenda.class), READS_AT_ONCE)
                .collectMap(Agenda::sessionId);
    }

    Mono<ReviewFile> review(String caseId) {
        return mdt.client().get().uri("/reviews/{caseId}", caseId).accept(MediaType.APPLICATION_JSON).retrieve()
                .bodyToMono(ReviewFile.class);
    }

    Mono<Meeting> meeting(String caseId) {
        return mdt.client().get().uri("/reviews/{caseId}/meeting", caseId).accept(MediaType.APPLICATION_JSON).retrieve()
                .bodyToMono(Meeting.class);
    }

    Mono<Dossier> dossier(String caseId) {
        return records.client().get().uri("/cases/{caseId}/records", caseId).accept(MediaType.APPLICATION_JSON)
                .retrieve().bodyToMono(Dossier.class);
    }

    /** The member's opinion, under the form's key: sent twice, it is one opinion (mdt-scheduler keeps the key). */
    Mono<Void> giveOpinion(String caseId, Map<String, Object> body, String idempotencyKey) {
        return mdt.client().post().uri("/reviews/{caseId}/opinions", caseId).header("Idempotency-Key", idempotencyKey)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).retrieve().toBodilessEntity().then();
    }

    Mono<Void> signConsensus(String caseId, Map<String, Object> body) {
        return mdt.client().post().uri("/reviews/{caseId}/consensus", caseId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).retrieve().toBodilessEntity().then();
    }

    Mono<Void> answer(String caseId, String questionId, String chairId, String answer) {
        return mdt.client().post().uri("/reviews/{caseId}/questions/{questionId}/answer", caseId, questionId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("chairId", chairId, "answer", answer))
                .retrieve().toBodilessEntity().then();
    }

    static String newKey() {
        return UUID.randomUUID().toString();
    }
}
