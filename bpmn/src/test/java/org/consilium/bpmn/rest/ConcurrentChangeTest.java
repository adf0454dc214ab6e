package org.consilium.bpmn.rest;

import jakarta.ws.rs.core.Response.Status;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12: completing a task while a job of the same case ran answered 500 (Camunda's optimistic lock, wrapped by
 * the REST API as "Cannot complete task ..."); it is a 409 to try again. Other engine failures stay what they were.
 */
class ConcurrentChangeTest {
    private static final String LOST_RACE = "ENGINE-03005 Execution of 'UPDATE ExecutionEntity[4711]' failed. "
            + "Entity was updated by another transaction concurrently.";

    @Test
    void theEnginesOptimisticLockIsAConcurrentChange() {
        assertThat(EngineRestProblems.concurrentChange(ExceptionDto.fromException(new OptimisticLockingException(LOST_RACE))))
                .isTrue();
    }

    @Test
    void soIsItWrappedAsTheTaskResourceWrapsIt() {
        RestException wrapped = new RestException(Status.INTERNAL_SERVER_ERROR, new OptimisticLockingException(LOST_RACE),
                "Cannot complete task 42: " + LOST_RACE);
        assertThat(EngineRestProblems.concurrentChange(ExceptionDto.fromException(wrapped))).isTrue();
    }

    @Test
    void otherEngineFailuresAreNot() {
        assertThat(EngineRestProblems.concurrentChange(ExceptionDto.fromException(
                new ProcessEngineException("Cannot find task with id 42: task is null")))).isFalse();
        assertThat(EngineRestProblems.concurrentChange(ExceptionDto.fromException(new RestException(
                Status.INTERNAL_SERVER_ERROR, new ProcessEngineException("Unknown property used in expression"),
                "Cannot complete task 42: Unknown property used in expression")))).isFalse();
    }
}
