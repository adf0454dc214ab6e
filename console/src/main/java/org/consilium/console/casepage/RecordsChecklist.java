package org.consilium.console.casepage;

import org.consilium.console.services.ServiceClients.Records;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The checklist from records-service, read with the coordinator's token (on the case's audit trail there). */
@Component
class RecordsChecklist {
    private final Records records;

    RecordsChecklist(Records records) {
        this.records = records;
    }

    Mono<Checklist> of(String caseId) {
        return records.client().get().uri("/cases/{id}/records", caseId).accept(MediaType.APPLICATION_JSON)
                .retrieve().bodyToMono(Checklist.class);
    }
}
