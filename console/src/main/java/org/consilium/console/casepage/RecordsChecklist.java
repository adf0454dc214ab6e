package org.consilium.console.casepage;

import org.consilium.console.services.ServiceClients.Records;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The checklist from records-service, read with the signed-in user's token (on the case's audit trail there): the
 * coordinator's case page and the patient's window both show it.
 */
@Component
public class RecordsChecklist {
    private final Records records;

    public RecordsChecklist(Records records) {
        this.records = records;
    }

    public Mono<Checklist> of(String caseId) {
        return records.client().get().uri("/cases/{id}/records", caseId).accept(MediaType.APPLICATION_JSON)
                .retrieve().bodyToMono(Checklist.class);
    }
}
