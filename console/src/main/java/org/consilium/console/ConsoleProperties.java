package org.consilium.console;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code consilium.console.*}: where the provider and the services are, and the console's own client.
 *
 * @param issuerUri     the identity provider ({@code CONSILIUM_ISSUER_URI}); its discovery document is read at the
 *                      first sign-in, so the console starts before the provider answers
 * @param clientId      {@code consilium-console} at the embedded provider and in the Keycloak realm
 * @param clientSecret  {@code CONSOLE_CLIENT_SECRET}; the default is the embedded provider's dev default
 * @param engineUrl     bpmn, whose {@code /engine-rest} holds the user tasks
 * @param intakeUrl     intake-service, which owns the case
 * @param recordsUrl    records-service, which owns the checklist a coordinator verifies the dossier against
 * @param mdtUrl        mdt-scheduler, whose report desk holds the reports waiting for approval and release
 * @param notificationUrl notification-service, which holds the deliveries an operator must settle
 * @param callTimeout   how long one call to a service may take before the page says so
 * @param worklistLimit the most open tasks one case page's engine reads may list
 * @param coordinators  whom the worklist offers to assign a task to (the identity provider's coordinators)
 */
@ConfigurationProperties("consilium.console")
public record ConsoleProperties(
        URI issuerUri,
        @DefaultValue("consilium-console") String clientId,
        @DefaultValue("consilium-console-secret") String clientSecret,
        URI engineUrl,
        URI intakeUrl,
        URI recordsUrl,
        URI mdtUrl,
        URI notificationUrl,
        @DefaultValue("10s") Duration callTimeout,
        @DefaultValue("200") int worklistLimit,
        @DefaultValue({"cora.nolan", "ana.okafor"}) java.util.List<String> coordinators) {
}
