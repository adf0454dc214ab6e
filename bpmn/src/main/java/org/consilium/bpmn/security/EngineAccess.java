package org.consilium.bpmn.security;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

import java.security.SecureRandom;
import java.util.Base64;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;

/**
 * With security on, the engine checks authorizations (camunda.bpm.authorization.enabled): this gives the
 * groups of {@link CamundaGroups} what their users need, at every start and idempotently (grants are added,
 * never taken away, so what ops add in Admin stays).
 * <ul>
 * <li>coordinators: the Tasklist app; read and work every task; read definitions, instances, history,
 * filters (the "All tasks" filter), users and groups (names in Tasklist).</li>
 * <li>services: the same over REST, no app.</li>
 * <li>camunda-admin: everything, as Camunda's own admin set-up grants (Cockpit, Admin).</li>
 * </ul>
 * It also locks the configured demo admin ({@code camunda.bpm.admin-user}, demo/demo, which the starter
 * creates for the security-off mode): with security on its password becomes a random one nobody knows, at
 * every start. It is kept rather than deleted because Camunda sends every webapp visitor to its "create the
 * first admin" page while no user is in camunda-admin. (Camunda's password login and that set-up API are
 * closed in {@link BpmnSecurity} anyway.)
 */
final class EngineAccess implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(EngineAccess.class);
    static final String TASKLIST = "tasklist";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final CamundaBpmProperties camunda;

    EngineAccess(IdentityService identity, AuthorizationService authorizations, CamundaBpmProperties camunda) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.camunda = camunda;
    }

    @Override
    public void run(ApplicationArguments args) {
        lockDemoAdmin();
        group(CamundaGroups.COORDINATORS, "Coordinators", "WORKFLOW");
        group(CamundaGroups.SERVICES, "Consilium services", "SYSTEM");
        group(CamundaGroups.ADMINS, "Camunda administrators", "SYSTEM");
        grant(CamundaGroups.COORDINATORS, Resources.APPLICATION, TASKLIST, Permissions.ACCESS);
        for (String worker : new String[] {CamundaGroups.COORDINATORS, CamundaGroups.SERVICES}) {
            grant(worker, Resources.TASK, ANY, Permissions.READ, Permissions.UPDATE);
            grant(worker, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, ProcessDefinitionPermissions.READ_TASK,
                    ProcessDefinitionPermissions.UPDATE_TASK, ProcessDefinitionPermissions.READ_INSTANCE,
                    ProcessDefinitionPermissions.READ_HISTORY);
            grant(worker, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
            grant(worker, Resources.FILTER, ANY, Permissions.READ);
            grant(worker, Resources.USER, ANY, Permissions.READ);
            grant(worker, Resources.GROUP, ANY, Permissions.READ);
        }
        for (Resources resource : Resources.values()) {
            grant(CamundaGroups.ADMINS, resource, ANY, Permissions.ALL);
        }
    }

    private void lockDemoAdmin() {
        String admin = camunda.getAdminUser() == null ? null : camunda.getAdminUser().getId();
        User user = admin == null ? null : identity.createUserQuery().userId(admin).singleResult();
        if (user != null) {
            byte[] secret = new byte[32];
            RANDOM.nextBytes(secret);
            user.setPassword(Base64.getEncoder().encodeToString(secret));
            identity.saveUser(user);
            log.info("locked the password of {}: with security on, the webapps sign in at the identity provider", admin);
        }
    }

    private void group(String id, String name, String type) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType(type);
            identity.saveGroup(group);
            log.info("created group {}", id);
        }
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = authorizations.createAuthorizationQuery().groupIdIn(groupId)
                .resourceType(resource).resourceId(resourceId).list().stream()
                .filter(existing -> existing.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT)
                .findFirst().orElse(null);
        if (authorization == null) {
            authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            authorization.setGroupId(groupId);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        boolean changed = authorization.getId() == null;
        for (Permission permission : permissions) {
            if (!authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                changed = true;
            }
        }
        if (changed) {
            authorizations.saveAuthorization(authorization);
        }
    }
}
