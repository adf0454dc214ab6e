package org.consilium.console.upload;

import java.util.LinkedHashMap;
import java.util.Map;

import org.consilium.console.patient.PatientLanguage;
import org.consilium.console.patient.PatientWords;
import org.consilium.console.upload.UploadClients.RecordsAsUser;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * The coordinator's door ({@code /cases/{caseId}/uploads}): files sent for the case from the case page, on the
 * patient's behalf (a hospital mailed a CD, the patient emailed a scan). Relayed exactly as the patient's own, but with
 * the coordinator's token: records decides whether they may add to the case, and its trail names them as the
 * uploader. The case page draws the drop zones with {@link #pageModel}; only coordinators reach {@code /cases/**}.
 */
@Component
public class StaffUploads implements UploadDoor {
    private final RecordsAsUser records;
    private final UploadPage page;

    StaffUploads(RecordsAsUser records, UploadPage page) {
        this.records = records;
        this.page = page;
    }

    /**
     * What the case page adds to its model for drop zones: the tus address of this case, the script and its words
     * (in English), the file types offered.
     */
    public Map<String, Object> pageModel(String caseId) {
        return pageModel(caseId, PatientLanguage.EN);
    }

    /** The same, the script's words in the desk's language (the upload words exist in English and Chinese). */
    public Map<String, Object> pageModel(String caseId, PatientLanguage language) {
        Map<String, Object> model = new LinkedHashMap<>(page.assets(PatientWords.in(language, null)));
        model.put("uploadsEndpoint", UriComponentsBuilder.fromPath(TusEndpoints.STAFF).buildAndExpand(caseId).encode()
                .toUriString());
        return model;
    }

    @Override
    public Mono<Void> relay(String caseId, String uploadId, ServerWebExchange exchange) {
        return TusRelay.relayToCase(records.relay(), exchange, caseId, uploadId,
                id -> UriComponentsBuilder.fromPath(TusEndpoints.STAFF_UPLOAD).buildAndExpand(caseId, id).encode()
                        .toUriString(), headers -> { });
    }
}
