package org.consilium.console.casepage;

import java.util.Map;

import org.consilium.console.services.ServiceClients.Mdt;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The case's panel at mdt-scheduler, with the coordinator's token: the review (on its audit trail as a read of the
 * review), the session's agenda (read only on its own page: mdt puts every case on it on that case's trail), and a
 * swap of one discipline's seat, which mdt-scheduler checks against the panel's rules (licensure, conflicts of
 * interest, capacity, a member who already gave an opinion).
 */
@Component
class PanelDesk {
    private final Mdt mdt;

    PanelDesk(Mdt mdt) {
        this.mdt = mdt;
    }

    Mono<PanelFile> review(String caseId) {
        return mdt.client().get().uri("/reviews/{caseId}", caseId).accept(MediaType.APPLICATION_JSON).retrieve()
                .bodyToMono(PanelFile.class);
    }

    Mono<SessionAgenda> agenda(String sessionId) {
        return mdt.client().get().uri("/sessions/{id}/agenda", sessionId).accept(MediaType.APPLICATION_JSON).retrieve()
                .bodyToMono(SessionAgenda.class);
    }

    Mono<Void> swap(String caseId, String discipline, String specialistId, String reason) {
        return mdt.client().put().uri("/reviews/{caseId}/panel/{discipline}", caseId, discipline)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("specialistId", specialistId, "reason", reason))
                .retrieve().toBodilessEntity().then();
    }
}
