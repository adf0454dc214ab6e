package org.consilium.bpmn.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.consilium.bpmn.support.TestIdentity;
import org.consilium.events.Roles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authorisation matrix of bpmn's bearer-token side: every endpoint group × every role. Allowed roles get
 * past the gate (any status but 401/403), the others get 403 problem+json; no, expired, forged or foreign
 * tokens get 401 problem+json. Plus: a task completed over REST carries the token's user into the history.
 */
class EngineRestAccessTest extends SecuredTestSupport {
    private static final List<String> ALL_ROLES = List.of(Roles.PATIENT, Roles.CAREGIVER, Roles.REFERRER,
            Roles.COORDINATOR, Roles.SPECIALIST, Roles.OPS, Roles.SERVICE);
    private static final Set<String> ENGINE = Set.of(Roles.COORDINATOR, Roles.OPS, Roles.SERVICE);
    private static final Set<String> OPS = Set.of(Roles.OPS);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    AuthorizationService authorizations;

    record Endpoint(String method, String path, Set<String> allowed) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** Every endpoint of bpmn behind a token: representative engine REST calls, its own API, the actuator. */
    static List<Endpoint> endpoints() {
        return List.of(
                new Endpoint("GET", "/engine-rest/engine", ENGINE),
                new Endpoint("GET", "/engine-rest/task", ENGINE),
                new Endpoint("POST", "/engine-rest/task/no-such-task/complete", ENGINE),
                new Endpoint("GET", "/engine-rest/process-instance", ENGINE),
                new Endpoint("GET", "/engine-rest/history/process-instance", ENGINE),
                new Endpoint("GET", "/api/inbox", OPS),
                new Endpoint("POST", "/api/inbox/no-such-event/replay", OPS),
                new Endpoint("GET", "/actuator/prometheus", OPS),
                new Endpoint("GET", "/actuator/metrics", OPS));
    }

    static Stream<Arguments> everyEndpointAndRole() {
        return endpoints().stream().flatMap(endpoint -> ALL_ROLES.stream().map(role -> Arguments.of(endpoint, role)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyEndpointAndRole")
    void onlyTheAllowedRolesGetPastTheGate(Endpoint endpoint, String role) {
        HttpResponse<String> response = call(endpoint, TestIdentity.bearer("user-" + role, role));

        if (endpoint.allowed().contains(role)) {
            assertThat(response.statusCode()).as(response.body()).isNotIn(401, 403);
        } else {
            assertProblem(response, 403, "urn:consilium:problem:forbidden");
        }
    }

    static Stream<Arguments> everyEndpointAndBadToken() {
        return endpoints().stream().flatMap(endpoint -> Stream.of(
                Arguments.of(endpoint, "none", null),
                Arguments.of(endpoint, "expired", TestIdentity.expired("ops.kim", Roles.OPS, Roles.COORDINATOR)),
                Arguments.of(endpoint, "forged", TestIdentity.forged("ops.kim", Roles.OPS, Roles.COORDINATOR)),
                Arguments.of(endpoint, "foreign", TestIdentity.foreign("ops.kim", Roles.OPS, Roles.COORDINATOR)),
                Arguments.of(endpoint, "another client's", TestIdentity.ofAnotherClient("ops.kim", Roles.OPS, Roles.COORDINATOR)),
                Arguments.of(endpoint, "garbage", "Bearer not-a-jwt")));
    }

    @ParameterizedTest(name = "{0} with {1} token")
    @MethodSource("everyEndpointAndBadToken")
    void withoutAValidTokenEveryEndpointAnswers401(Endpoint endpoint, String kind, String authorization) {
        assertProblem(call(endpoint, authorization), 401, "urn:consilium:problem:unauthorized");
    }

    @Test
    void healthInfoAndApiDocsStayOpen() {
        for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/info", "/v3/api-docs")) {
            assertThat(send(client(), request("GET", path, null).build()).statusCode()).as(path).isEqualTo(200);
        }
    }

    @Test
    void healthShowsItsComponentsOnlyToOps() throws Exception {
        for (String role : ALL_ROLES) {
            HttpResponse<String> health = send(client(), request("GET", "/actuator/health",
                    TestIdentity.bearer("user-" + role, role)).build());
            assertThat(health.statusCode()).as(role).isIn(200, 503);
            if (role.equals(Roles.OPS)) {
                assertThat(JSON.readTree(health.body()).path("components").has("db")).as(health.body()).isTrue();
            } else {
                assertThat(health.body()).as(role).doesNotContain("components");
            }
        }
        HttpResponse<String> anonymous = send(client(), request("GET", "/actuator/health", null).build());
        assertThat(anonymous.body()).contains("\"status\"").doesNotContain("components");
    }

    @Test
    void aTaskCompletedOverRestIsLoggedUnderTheTokensUser() throws Exception {
        repository.createDeployment().addModelInstance("rest-complete.bpmn", Bpmn.createExecutableProcess("rest-complete")
                .startEvent().userTask("Work").camundaCandidateGroups("coordinator").endEvent().done()).deploy();
        String instance = runtime.startProcessInstanceByKey("rest-complete").getId();
        String coordinator = TestIdentity.bearer("cora.nolan", Roles.COORDINATOR);

        HttpResponse<String> tasks = send(client(),
                request("GET", "/engine-rest/task?processInstanceId=" + instance, coordinator).build());
        assertThat(tasks.statusCode()).as(tasks.body()).isEqualTo(200);
        JsonNode found = JSON.readTree(tasks.body());
        assertThat(found).as("the coordinator sees the task through the group's authorizations").hasSize(1);
        String taskId = found.get(0).get("id").asText();
        // through EngineAccess's grant on every task, not a row per task that every query of a signed-in user scans
        assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(taskId).list())
                .as("authorization rows of the task (TaskAuthorizations)")
                .noneMatch(row -> "coordinator".equals(row.getGroupId()));

        HttpResponse<String> refused = send(client(), request("POST", "/engine-rest/task/" + taskId + "/complete",
                TestIdentity.bearer("dr-emily-carter", Roles.SPECIALIST)).build());
        assertProblem(refused, 403, "urn:consilium:problem:forbidden");

        HttpResponse<String> done = send(client(), request("POST", "/engine-rest/task/" + taskId + "/complete",
                coordinator).build());
        assertThat(done.statusCode()).as(done.body()).isEqualTo(204);

        UserOperationLogEntry completion = history.createUserOperationLogQuery().taskId(taskId)
                .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).singleResult();
        assertThat(completion.getUserId()).isEqualTo("cora.nolan");
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance).singleResult().getState())
                .isEqualTo("COMPLETED");
    }

    private HttpResponse<String> call(Endpoint endpoint, String authorization) {
        return send(client(), request(endpoint.method(), endpoint.path(), authorization).build());
    }

    static void assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                contentType -> assertThat(contentType).startsWith("application/problem+json"));
        try {
            assertThat(JSON.readTree(response.body()).get("type").asText()).isEqualTo(type);
        } catch (Exception e) {
            throw new AssertionError("not a problem document: " + response.body(), e);
        }
    }
}
