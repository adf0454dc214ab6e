package org.consilium.intake.access;

import org.consilium.events.Roles;
import org.consilium.support.security.EndpointRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call what here (issue 6), by role; which case a caller may see or change is checked
 * against the case itself ({@code request.CaseGate}). Submitting is for the patient's side, a
 * referrer and coordinators (whose intake they may submit: {@code request.Submitter}). Reading a case
 * is for anyone with a token, then for the case's audience only. Consent and withdrawal are the
 * patient's side's and the coordinator's, and so is the patient's part of a case a hospital sent
 * ({@code /questionnaire}). The queue of cases by stage is the coordinators'. The attachments' content
 * is for records-service (role {@code service}) and coordinators. A patient's or caregiver's unfinished request
 * ({@code /drafts/mine}) is theirs alone. Operators get no case content anywhere.
 */
@Configuration(proxyBeanMethods = false)
public class IntakeAccess {
    static final String[] SUBMITTERS = {Roles.PATIENT, Roles.CAREGIVER, Roles.REFERRER, Roles.COORDINATOR};

    @Bean
    EndpointRules intakeEndpoints() {
        return exchanges -> exchanges
                .pathMatchers(HttpMethod.POST, "/cases", "/fhir").hasAnyRole(SUBMITTERS)
                .pathMatchers(HttpMethod.POST, "/cases/*/consent", "/cases/*/withdraw", "/cases/*/questionnaire")
                .hasAnyRole(Roles.PATIENT, Roles.CAREGIVER, Roles.COORDINATOR)
                .pathMatchers(HttpMethod.GET, "/cases/*/attachments/*").hasAnyRole(Roles.SERVICE, Roles.COORDINATOR)
                // "my cases": the caller's own, as patient or caregiver (request.CaseRequests.ofPatientSide)
                .pathMatchers(HttpMethod.GET, "/cases/mine").hasAnyRole(Roles.PATIENT, Roles.CAREGIVER)
                // the queues by stage hold every patient's cases: coordinators only
                .pathMatchers(HttpMethod.GET, "/cases").hasRole(Roles.COORDINATOR)
                // an unfinished request is its writer's own (draft.IntakeDrafts: keyed by the token's user)
                .pathMatchers("/drafts/mine").hasAnyRole(Roles.PATIENT, Roles.CAREGIVER)
                .pathMatchers(HttpMethod.GET, "/cases/*", "/cases/*/$export", "/fhir/ServiceRequest/*").authenticated()
                // the form itself holds no one's data, but like every API it is for signed-in callers
                .pathMatchers(HttpMethod.GET, "/questionnaire").authenticated()
                // nothing else is served here: any other method or path is refused, not left to fall through
                .pathMatchers("/cases/**", "/fhir/**", "/drafts/**").denyAll();
    }
}
