package org.consilium.records.access;

import org.consilium.events.Roles;
import org.consilium.support.security.EndpointRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call what here (issue 6), by role; which case they may touch is checked per case in
 * {@link RecordsGate}. The case's people (patient, caregiver, a referrer with consent) and its panel
 * see the checklist and documents; everyone of them but the panel adds documents; decisions about
 * the checklist (waivers, the override, assigning an intake document, asking for a translation) are
 * a coordinator's. Upload links are made by a coordinator or the patient's side. Another service may
 * read. Operators get metrics and the audit trail, no case content. Anything else under
 * {@code /cases} is refused. A request with an upload link and no token is judged by
 * {@code link.UploadLinkSecurity} instead: it may only upload.
 */
@Configuration(proxyBeanMethods = false)
public class RecordsAccess {
    static final String[] VIEWERS = {Roles.COORDINATOR, Roles.PATIENT, Roles.CAREGIVER, Roles.REFERRER,
            Roles.SPECIALIST, Roles.SERVICE};
    static final String[] CONTRIBUTORS = {Roles.COORDINATOR, Roles.PATIENT, Roles.CAREGIVER, Roles.REFERRER};
    static final String[] LINK_MAKERS = {Roles.COORDINATOR, Roles.PATIENT, Roles.CAREGIVER};

    @Bean
    EndpointRules recordsEndpoints() {
        return exchanges -> exchanges
                .pathMatchers(HttpMethod.GET, "/cases/*/records", "/cases/*/documents/*", "/cases/*/intake-documents")
                .hasAnyRole(VIEWERS)
                .pathMatchers(HttpMethod.POST, "/cases/*/records/items/*/waiver", "/cases/*/records/override",
                        "/cases/*/documents/*/translation-needed").hasRole(Roles.COORDINATOR)
                .pathMatchers(HttpMethod.PUT, "/cases/*/intake-documents/*").hasRole(Roles.COORDINATOR)
                .pathMatchers(HttpMethod.POST, "/cases/*/documents", "/cases/*/uploads").hasAnyRole(CONTRIBUTORS)
                .pathMatchers(HttpMethod.OPTIONS, "/cases/*/uploads").hasAnyRole(CONTRIBUTORS)
                .pathMatchers(HttpMethod.HEAD, "/cases/*/uploads/*").hasAnyRole(CONTRIBUTORS)
                .pathMatchers(HttpMethod.PATCH, "/cases/*/uploads/*").hasAnyRole(CONTRIBUTORS)
                .pathMatchers(HttpMethod.DELETE, "/cases/*/uploads/*").hasAnyRole(CONTRIBUTORS)
                .pathMatchers(HttpMethod.POST, "/cases/*/upload-links").hasAnyRole(LINK_MAKERS)
                .pathMatchers(HttpMethod.GET, "/cases/*/upload-links").hasAnyRole(LINK_MAKERS)
                .pathMatchers(HttpMethod.DELETE, "/cases/*/upload-links/*").hasAnyRole(LINK_MAKERS)
                .pathMatchers("/cases/**").denyAll()
                // an upload link's own door (link.LinkChecklistController): never for a bearer token
                .pathMatchers("/upload-link/**").denyAll();
    }
}
