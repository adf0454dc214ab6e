package org.consilium.bpmn.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * No authorization row per open task for the coordinators (issue 16). With authorizations on, Camunda's default
 * provider writes one to {@code ACT_RU_AUTHORIZATION} for each task's candidate group, and every model's user tasks
 * have the candidate group {@code coordinator}: the table grows with the open tasks. Each query a signed-in user makes
 * first reads the distinct groups of the whole table ({@code SELECT distinct(GROUP_ID_) FROM ACT_RU_AUTHORIZATION},
 * an index-only scan of every row: 18 ms on PostgreSQL at 100,000 open tasks), so the coordinator's task query of one
 * case (the console's {@code GET /task?processInstanceBusinessKey=}) took p50 16.5 ms at 100,000 open cases against
 * 3.9 ms at 10,000, and 0.9 ms without these rows (bpmn TaskQueryAtScaleBenchmark). The rows grant nothing:
 * {@link EngineAccess} gives the coordinators READ and UPDATE on every task. So none is written for them; a task's
 * other candidate groups (none in the models today) and its assignee, owner and candidate users still get theirs,
 * and removing a link still takes away what a row written before this change grants (rows of tasks opened before it
 * go when their tasks end).
 */
@Component
public class TaskAuthorizations extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setResourceAuthorizationProvider(new Provider());
    }

    static final class Provider extends DefaultAuthorizationProvider {
        @Override
        public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String identityLinkType) {
            return CamundaGroups.COORDINATORS.equals(groupId) ? null
                    : super.newTaskGroupIdentityLink(task, groupId, identityLinkType);
        }
    }
}
