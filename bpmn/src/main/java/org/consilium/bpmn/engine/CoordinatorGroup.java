package org.consilium.bpmn.engine;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The candidate group of every user task. Created at start-up if absent, with the admin user as a
 * member, so that a fresh engine has someone who can work the coordinator task list.
 */
@Component
public class CoordinatorGroup implements ApplicationRunner {
    public static final String ID = "coordinator";
    private static final Logger log = LoggerFactory.getLogger(CoordinatorGroup.class);

    private final IdentityService identity;
    private final CamundaBpmProperties camunda;

    public CoordinatorGroup(IdentityService identity, CamundaBpmProperties camunda) {
        this.identity = identity;
        this.camunda = camunda;
    }

    @Override
    public void run(ApplicationArguments args) {
        ensureExists();
    }

    void ensureExists() {
        if (identity.createGroupQuery().groupId(ID).count() == 0) {
            Group group = identity.newGroup(ID);
            group.setName("Coordinators");
            group.setType("WORKFLOW");
            identity.saveGroup(group);
            log.info("created group {}", ID);
        }
        String admin = camunda.getAdminUser() == null ? null : camunda.getAdminUser().getId();
        if (admin != null && identity.createUserQuery().userId(admin).count() > 0
                && identity.createUserQuery().userId(admin).memberOfGroup(ID).count() == 0) {
            identity.createMembership(admin, ID);
            log.info("added {} to group {}", admin, ID);
        }
    }
}
