package org.consilium.console.casepage;

import java.util.List;
import java.util.Map;

import org.consilium.console.services.ServiceClients.Records;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The coordinator's decisions on a case's records, each sent to records-service with the coordinator's own token
 * (records decides, names them on its trail, and refuses with problem+json): waive an item, override completeness,
 * and the signed upload links a treating doctor sends files with. Who decides is the token's user: no {@code by} is
 * sent, so records cannot be told a name other than the signed-in one.
 */
@Component
class RecordsDesk {
    private static final ParameterizedTypeReference<List<UploadLink>> LINKS = new ParameterizedTypeReference<>() {
    };
    private final Records records;

    RecordsDesk(Records records) {
        this.records = records;
    }

    Mono<Void> waive(String caseId, String itemCode, String reason) {
        return records.client().post().uri("/cases/{caseId}/records/items/{code}/waiver", caseId, itemCode)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", reason))
                .retrieve().toBodilessEntity().then();
    }

    Mono<Void> override(String caseId, String reason) {
        return records.client().post().uri("/cases/{caseId}/records/override", caseId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", reason))
                .retrieve().toBodilessEntity().then();
    }

    Mono<List<UploadLink>> links(String caseId) {
        return records.client().get().uri("/cases/{caseId}/upload-links", caseId).accept(MediaType.APPLICATION_JSON)
                .retrieve().bodyToMono(LINKS);
    }

    /** @param expiresIn an ISO-8601 duration ({@code P7D}); records refuses one over its maximum */
    Mono<UploadLink.Issued> createLink(String caseId, String label, String expiresIn) {
        return records.client().post().uri("/cases/{caseId}/upload-links", caseId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("label", label, "expiresIn", expiresIn))
                .retrieve().bodyToMono(UploadLink.Issued.class);
    }

    Mono<Void> revokeLink(String caseId, String linkId) {
        return records.client().delete().uri("/cases/{caseId}/upload-links/{linkId}", caseId, linkId)
                .retrieve().toBodilessEntity().then();
    }
}
