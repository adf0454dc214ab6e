package org.consilium.bpmn.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import java.util.List;

/**
 * Who is using the webapps, for Camunda's {@code ContainerBasedAuthenticationFilter}: the user Spring
 * Security signed in over OIDC ({@code preferred_username}), with the Camunda groups of their roles
 * ({@link CamundaGroups}); Camunda then decides which apps they get from the groups' authorizations. Camunda's
 * webapps only accept a user its identity service knows, so a signed-in staff member gets a record there
 * ({@link EngineUsers}). The
 * filter creates this class by name, so it has no Spring dependencies of its own.
 */
public class WebappAuthenticationProvider implements AuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || !(authentication.getPrincipal() instanceof OidcUser user)) {
            return AuthenticationResult.unsuccessful();
        }
        List<String> groups = CamundaGroups.of(authentication);
        if (groups.isEmpty()) {
            return AuthenticationResult.unsuccessful();
        }
        String username = RolesClaim.username(user.getClaims(), user.getSubject());
        EngineUsers.provision(engine.getIdentityService(), username, user);
        AuthenticationResult result = new AuthenticationResult(username, true);
        result.setGroups(groups);
        result.setTenants(List.of());
        return result;
    }

    @Override
    public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
        // Spring Security already sent the browser to the identity provider; nothing to add
    }
}
