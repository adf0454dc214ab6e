package org.consilium.mdt.access;

import org.consilium.events.Roles;
import org.consilium.support.security.EndpointRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call what here (issue 6), by role. Coordinators run the desk: the sessions, panel swaps,
 * the report's edits, approval and release. Specialists read the cases on their panels, give their
 * own opinion and, as chair, sign the consensus and answer follow-up questions; which case they may
 * touch is checked per case in {@code review.ReviewGate}. A follow-up question is the patient's: they ask it
 * themselves for their own case (the parties of its CaseSubmitted, {@code review.PatientQuestions}), or a coordinator or
 * another service relays it. Patients and caregivers read their own review's status, released report and the chair's
 * answers ({@code /for-patient}, same check); referrers get the released report through delivery, and
 * operators no case content: nothing here is theirs. Coordinators invite guest specialists and revoke or renew
 * their links; a guest's own endpoints ({@code /reviews/{caseId}/guest}, {@code .../guest/opinion}) take a guest
 * link, never a bearer token ({@code guest.GuestLinkSecurity}), so they are refused here to every role. Any other
 * method on these paths is refused.
 */
@Configuration(proxyBeanMethods = false)
public class MdtAccess {

    @Bean
    EndpointRules mdtEndpoints() {
        return exchanges -> exchanges
                .pathMatchers(HttpMethod.GET, "/specialists").hasAnyRole(Roles.COORDINATOR, Roles.SPECIALIST)
                // a specialist's own sessions: only the cases their seats open to them (review.MySessionsEndpoint)
                .pathMatchers(HttpMethod.GET, "/specialists/me/sessions").hasRole(Roles.SPECIALIST)
                .pathMatchers(HttpMethod.GET, "/sessions").hasRole(Roles.COORDINATOR)
                .pathMatchers(HttpMethod.GET, "/sessions/*/agenda").hasAnyRole(Roles.COORDINATOR, Roles.SPECIALIST)
                .pathMatchers(HttpMethod.PUT, "/reviews/*/panel/*", "/reviews/*/report").hasRole(Roles.COORDINATOR)
                .pathMatchers(HttpMethod.POST, "/reviews/*/report/approve", "/reviews/*/report/release",
                        "/reviews/*/schedule", "/reviews/*/guests", "/reviews/*/guests/*/link")
                .hasRole(Roles.COORDINATOR)
                .pathMatchers(HttpMethod.DELETE, "/reviews/*/guests/*/link").hasRole(Roles.COORDINATOR)
                .pathMatchers(HttpMethod.POST, "/reviews/*/opinions", "/reviews/*/consensus",
                        "/reviews/*/questions/*/answer").hasRole(Roles.SPECIALIST)
                // the patient or caregiver asks themselves, for their own case only (review.PatientQuestions)
                .pathMatchers(HttpMethod.POST, "/reviews/*/questions").hasAnyRole(Roles.COORDINATOR, Roles.SERVICE,
                        Roles.PATIENT, Roles.CAREGIVER)
                // the patient's own window: their case only, checked against its parties (review.PatientQuestions)
                .pathMatchers(HttpMethod.GET, "/reviews/*/for-patient").hasAnyRole(Roles.COORDINATOR, Roles.PATIENT,
                        Roles.CAREGIVER)
                .pathMatchers(HttpMethod.GET, "/reviews/*", "/reviews/*/meeting", "/reviews/*/report",
                        "/reviews/*/report/composition").hasAnyRole(Roles.COORDINATOR, Roles.SPECIALIST)
                .pathMatchers("/specialists/**", "/sessions/**", "/reviews/**").denyAll();
    }
}
