package org.consilium.bpmn.security;

import org.camunda.bpm.engine.authorization.Groups;
import org.consilium.bpmn.engine.CoordinatorGroup;
import org.consilium.events.Roles;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Consilium role → Camunda group, the one mapping for the engine REST API and the webapps. The identity
 * provider owns the users; the engine's own user table stays empty (no passwords in two places).
 * <ul>
 * <li>{@code coordinator} → {@value CoordinatorGroup#ID}, the candidate group of every user task: Tasklist.</li>
 * <li>{@code ops} → {@code camunda-admin}, Camunda's admin group: Cockpit and Admin, everything.</li>
 * <li>{@code service} → {@value #SERVICES}: machine callers (the system tests) work tasks over REST like a
 * coordinator, but get no webapp.</li>
 * </ul>
 */
public final class CamundaGroups {
    public static final String COORDINATORS = CoordinatorGroup.ID;
    public static final String ADMINS = Groups.CAMUNDA_ADMIN;
    public static final String SERVICES = "services";   // engine ids are [a-zA-Z0-9]+ by default
    private static final Map<String, String> BY_ROLE = Map.of(
            Roles.COORDINATOR, COORDINATORS,
            Roles.OPS, ADMINS,
            Roles.SERVICE, SERVICES);

    private CamundaGroups() {
    }

    /** The Camunda groups of an authenticated caller, from its {@code ROLE_<role>} authorities. */
    public static List<String> of(Authentication authentication) {
        return authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("ROLE_"))
                .map(authority -> BY_ROLE.get(authority.substring("ROLE_".length())))
                .filter(Objects::nonNull)
                .distinct()
                .toList();
    }
}
