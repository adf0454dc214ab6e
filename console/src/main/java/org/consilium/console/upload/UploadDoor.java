package org.consilium.console.upload;

import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * One way in for resumable uploads, as {@link TusEndpoints} serves them: the patient's or caregiver's own (their token,
 * their case) or the treating doctor's upload link (the link as the credential). Each relays one tus request to
 * records-service as records wants to see it from that person; records decides what they may send.
 */
interface UploadDoor {

    /**
     * @param key      the case id (the patient's pages) or the link's token (the doctor's page), as in the address
     * @param uploadId the upload's id, empty for the collection (OPTIONS, POST)
     */
    Mono<Void> relay(String key, String uploadId, ServerWebExchange exchange);
}
