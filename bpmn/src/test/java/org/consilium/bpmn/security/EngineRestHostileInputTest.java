package org.consilium.bpmn.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.consilium.bpmn.support.TestIdentity;
import org.consilium.events.Roles;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What e2e's HostileInputTest found in the engine REST API (issue 12): a body of {@code null} made the
 * message endpoint fail with a 500, so did a variable set on a process instance that does not exist,
 * and JSON that does not parse was answered in plain text. Each is the client's mistake: a 4xx problem.
 */
class EngineRestHostileInputTest extends SecuredTestSupport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COORDINATOR = TestIdentity.bearer("cora.nolan", Roles.COORDINATOR);

    private HttpResponse<String> send(String method, String path, String body) {
        return send(client(), HttpRequest.newBuilder(url(path)).timeout(TIMEOUT).header("Authorization", COORDINATOR)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build());
    }

    @Test
    void aBodyThatIsNotAnObjectIs400NamingTheBody() throws Exception {
        for (String body : new String[]{"null", "42", "\"text\""}) {
            HttpResponse<String> response = send("POST", "/engine-rest/message", body);
            EngineRestAccessTest.assertProblem(response, 400, "urn:consilium:problem:validation");
            JsonNode problem = JSON.readTree(response.body());
            assertThat(problem.at("/errors/0/field").asText()).isEqualTo("body");
            assertThat(problem.at("/errors/0/message").asText()).isEqualTo("must be a JSON object");
        }
    }

    /** Refused by Spring Security's firewall (an encoded percent) and by Tomcat itself (an encoded slash, a NUL). */
    @Test
    void aUrlTheServerRefusesIsAValidationProblemNamingThePath() throws Exception {
        for (String path : new String[]{"/engine-rest/task/a%25b", "/engine-rest/task/a%2Fb", "/engine-rest/task/a%00b"}) {
            HttpResponse<String> response = send("GET", path, "");
            EngineRestAccessTest.assertProblem(response, 400, "urn:consilium:problem:validation");
            assertThat(JSON.readTree(response.body()).at("/errors/0/field").asText()).as(path).isEqualTo("path");
        }
    }

    @Test
    void aVariableOfAnInstanceThatDoesNotExistIs404() {
        HttpResponse<String> response = send("PUT", "/engine-rest/process-instance/no-such-instance/variables/note",
                "{\"value\": \"x\", \"type\": \"String\"}");
        EngineRestAccessTest.assertProblem(response, 404, "urn:consilium:problem:not-found");
    }

    @Test
    void jsonThatDoesNotParseIsAProblemSayingSo() throws Exception {
        HttpResponse<String> response = send("PUT", "/engine-rest/process-instance/no-such-instance/variables/note",
                "{\"value\": ");
        EngineRestAccessTest.assertProblem(response, 400, "urn:consilium:problem:unreadable-request");
        String detail = JSON.readTree(response.body()).get("detail").asText();
        assertThat(detail).startsWith("the body is not valid JSON").doesNotContain("Source:", "com.fasterxml");
    }

    /** ADR 14's rule, which the engine did not keep: a reason with U+0007 would reach the patient's mail. */
    @Test
    void aControlOrBidiCharacterInABodyIs400NamingTheField() throws Exception {
        HttpResponse<String> response = send("POST", "/engine-rest/task/no-such-task/complete",
                "{\"variables\": {\"declineReason\": {\"value\": \"not \\u0007 for us\"}}}");
        EngineRestAccessTest.assertProblem(response, 400, "urn:consilium:problem:validation");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.at("/errors/0/field").asText()).isEqualTo("variables.declineReason.value");
        assertThat(problem.at("/errors/0/message").asText()).contains("U+0007");
    }

    @Test
    void aControlOrBidiCharacterInTheUrlIs400NamingTheParameter() throws Exception {
        HttpResponse<String> query = send("GET", "/engine-rest/task?processInstanceBusinessKey=case-%E2%80%AE1", "");
        EngineRestAccessTest.assertProblem(query, 400, "urn:consilium:problem:validation");
        assertThat(JSON.readTree(query.body()).at("/errors/0/field").asText()).isEqualTo("processInstanceBusinessKey");
        HttpResponse<String> path = send("GET", "/engine-rest/task/task-%07", "");
        EngineRestAccessTest.assertProblem(path, 400, "urn:consilium:problem:validation");
        assertThat(JSON.readTree(path.body()).at("/errors/0/field").asText()).isEqualTo("path");
    }
}
