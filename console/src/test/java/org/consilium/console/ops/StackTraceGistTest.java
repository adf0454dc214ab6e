package org.consilium.console.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The gist of an engine job's stack trace: what failed, the innermost cause, and where in Consilium's own code. */
class StackTraceGistTest {

    @Test
    void namesTheFailureItsInnermostCauseAndOurFirstFrame() {
        String trace = """
                org.camunda.bpm.engine.ProcessEngineException: could not send ScheduleReview
                \tat org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd.execute(ExecuteJobsCmd.java:110)
                \tat org.consilium.bpmn.commands.CommandSender.send(CommandSender.java:42)
                Caused by: java.util.concurrent.ExecutionException: timeout
                \t... 12 more
                Caused by: org.apache.kafka.common.errors.TimeoutException: Topic consilium.mdt.commands not present
                \t... 30 more
                """;

        assertThat(EngineIncidents.StackTraceGist.of(trace)).isEqualTo(
                "org.camunda.bpm.engine.ProcessEngineException: could not send ScheduleReview — caused by "
                        + "org.apache.kafka.common.errors.TimeoutException: Topic consilium.mdt.commands not present — at "
                        + "org.consilium.bpmn.commands.CommandSender.send(CommandSender.java:42)");
    }

    @Test
    void aTraceWithoutCausesOrOurCodeIsItsFirstLineCutToALine() {
        assertThat(EngineIncidents.StackTraceGist.of("java.lang.IllegalStateException: " + "x".repeat(400)))
                .hasSize(301).endsWith("…");
        assertThat(EngineIncidents.StackTraceGist.of("")).isEmpty();
        assertThat(EngineIncidents.StackTraceGist.of(null)).isEmpty();
    }
}
