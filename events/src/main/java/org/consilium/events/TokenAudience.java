package org.consilium.events;

import java.util.List;

/**
 * Which applications' tokens Consilium takes: a token counts only when the provider issued it to one of these
 * clients, named by its {@code aud} (the embedded provider puts the client id there) or its {@code azp} (Keycloak's
 * authorized party; its {@code aud} is absent or {@code account}). A token the same provider issued to another
 * application of the realm has the right signature and issuer and is still refused (issue 12). The one rule for the
 * services and the engine, which share nothing else; each wraps it in its own token validator.
 *
 * @param clientIds {@code consilium.security.token-clients}; empty turns the check off
 */
public record TokenAudience(List<String> clientIds) {

    public TokenAudience {
        clientIds = clientIds == null ? List.of() : clientIds.stream().map(String::trim).filter(id -> !id.isEmpty()).toList();
    }

    /** Whether a token with this audience and authorized party was issued to one of Consilium's clients. */
    public boolean accepts(List<String> audience, String authorizedParty) {
        if (clientIds.isEmpty()) {
            return true;
        }
        return (audience != null && audience.stream().anyMatch(clientIds::contains))
                || authorizedParty != null && clientIds.contains(authorizedParty);
    }
}
