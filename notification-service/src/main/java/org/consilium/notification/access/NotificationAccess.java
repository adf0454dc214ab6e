package org.consilium.notification.access;

import org.consilium.support.security.Caller;
import org.consilium.support.security.EndpointRules;
import org.consilium.events.Roles;
import org.consilium.support.problem.DomainProblem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Mono;

/**
 * Who may call what here (issue 6): deliveries are for coordinators and operators, bounces are
 * reported by operators or another service, webhooks are an operator's business, an inbox is
 * its owner's alone (the token's e-mail is the inbox's user), checked in the controller, and the released report's
 * PDFs are the case's patient's and caregiver's (and coordinators'), checked against the case's people.
 */
@Configuration(proxyBeanMethods = false)
public class NotificationAccess {

    @Bean
    EndpointRules notificationEndpoints() {
        return exchanges -> exchanges
                .pathMatchers(HttpMethod.POST, "/deliveries/bounces").hasAnyRole(Roles.OPS, Roles.SERVICE)
                .pathMatchers("/deliveries", "/deliveries/**").hasAnyRole(Roles.COORDINATOR, Roles.OPS)
                .pathMatchers("/webhooks", "/webhooks/**", "/webhook-deliveries").hasRole(Roles.OPS)
                .pathMatchers("/inbox/**").authenticated()
                // the released report's PDFs: the case's patient and caregiver (checked in report.ReportDownloads)
                .pathMatchers(HttpMethod.GET, "/cases/*/report.pdf").hasAnyRole(Roles.COORDINATOR, Roles.PATIENT,
                        Roles.CAREGIVER);
    }

    /**
     * Completes when the caller owns the inbox of {@code user}; a 403 problem otherwise. Without a
     * caller (tokens not enforced in this service) it lets the request through.
     */
    public static Mono<Void> checkInboxOwner(String user) {
        return Caller.current()
                .filter(caller -> !caller.isPerson(user))
                .flatMap(caller -> Mono.<Void>error(new DomainProblem(HttpStatus.FORBIDDEN, "not-your-inbox",
                        "the inbox of " + user + " is its owner's alone; the token is " + caller.username()
                                + "'s")))
                .then();
    }
}
