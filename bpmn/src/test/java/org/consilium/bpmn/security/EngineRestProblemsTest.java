package org.consilium.bpmn.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.consilium.bpmn.support.TestIdentity;
import org.consilium.events.Roles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine REST API answers the client's mistakes as 4xx problems (issue 11, section 2): a task
 * completed without the variable its form requires, or with a value of the wrong type, is a 400 naming
 * the variable (it used to pass, and fail with a 500 at the gateway that reads it); an unknown task is 404.
 */
class EngineRestProblemsTest extends SecuredTestSupport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COORDINATOR = TestIdentity.bearer("cora.nolan", Roles.COORDINATOR);
    private static final String PROCESS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                targetNamespace="http://consilium.org/test">
              <bpmn:process id="rest-form" isExecutable="true" camunda:historyTimeToLive="P30D">
                <bpmn:startEvent id="Start"/>
                <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Decide"/>
                <bpmn:userTask id="Decide" camunda:candidateGroups="coordinator">
                  <bpmn:extensionElements><camunda:formData>
                    <camunda:formField id="caseId" type="string"><camunda:validation><camunda:constraint name="readonly"/></camunda:validation></camunda:formField>
                    <camunda:formField id="accepted" type="boolean"><camunda:validation><camunda:constraint name="required"/></camunda:validation></camunda:formField>
                    <camunda:formField id="documentCount" type="long"/>
                    <camunda:formField id="note" type="string"/>
                    <camunda:formField id="declineReason" type="string"><camunda:properties><camunda:property id="requiredWhen" value="declined"/></camunda:properties></camunda:formField>
                    <camunda:formField id="declined" type="boolean"/>
                    <camunda:formField id="rejectionNote" type="string"><camunda:properties><camunda:property id="requiredWhen" value="accepted=false"/></camunda:properties></camunda:formField>
                  </camunda:formData></bpmn:extensionElements>
                </bpmn:userTask>
                <bpmn:sequenceFlow id="f2" sourceRef="Decide" targetRef="Gate"/>
                <bpmn:exclusiveGateway id="Gate"/>
                <bpmn:sequenceFlow id="yes" sourceRef="Gate" targetRef="Accepted">
                  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${accepted}</bpmn:conditionExpression>
                </bpmn:sequenceFlow>
                <bpmn:sequenceFlow id="no" sourceRef="Gate" targetRef="Declined">
                  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${!accepted}</bpmn:conditionExpression>
                </bpmn:sequenceFlow>
                <bpmn:endEvent id="Accepted"/>
                <bpmn:endEvent id="Declined"/>
              </bpmn:process>
            </bpmn:definitions>
            """;

    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;

    private String openTask() {
        if (repository.createProcessDefinitionQuery().processDefinitionKey("rest-form").count() == 0) {
            repository.createDeployment().addString("rest-form.bpmn", PROCESS).deploy();
        }
        String instance = runtime.startProcessInstanceByKey("rest-form").getId();
        return tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
    }

    private HttpResponse<String> complete(String taskId, String body) {
        return send(client(), HttpRequest.newBuilder(url("/engine-rest/task/" + taskId + "/complete"))
                .timeout(TIMEOUT).header("Authorization", COORDINATOR).header("Content-Type", "application/json")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    @Test
    void completingWithoutTheRequiredVariableIs400NamingIt() throws Exception {
        String taskId = openTask();
        HttpResponse<String> response = complete(taskId, "{}");
        EngineRestAccessTest.assertProblem(response, 400, "urn:consilium:problem:validation");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.at("/errors/0/field").asText()).isEqualTo("accepted");
        assertThat(problem.at("/errors/0/message").asText()).isEqualTo("is required");
        assertThat(tasks.createTaskQuery().taskId(taskId).count()).as("the task stays open").isEqualTo(1);
    }

    @Test
    void aValueOfTheWrongTypeIs400NamingTheVariable() throws Exception {
        String taskId = openTask();
        HttpResponse<String> response = complete(taskId, """
                {"variables": {"accepted": {"value": "perhaps", "type": "String"},
                               "documentCount": {"value": "many"}}}""");
        EngineRestAccessTest.assertProblem(response, 400, "urn:consilium:problem:validation");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.at("/errors/0/field").asText()).isEqualTo("accepted");
        assertThat(problem.at("/errors/1/field").asText()).isEqualTo("documentCount");
        assertThat(problem.get("detail").asText()).doesNotContain("java.", "org.camunda");
        assertThat(tasks.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
    }

    @Test
    void theRightVariablesCompleteTheTask() {
        String taskId = openTask();
        HttpResponse<String> response = complete(taskId, """
                {"variables": {"accepted": {"value": true, "type": "Boolean"}, "documentCount": {"value": 3},
                               "note": {"value": "all there"}}}""");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
        assertThat(tasks.createTaskQuery().taskId(taskId).count()).isZero();
    }

    @Test
    void aReasonAChoiceNeedsIsRequiredWhenTheChoiceIsMade() throws Exception {
        String taskId = openTask();
        HttpResponse<String> response = complete(taskId, """
                {"variables": {"accepted": {"value": true}, "declined": {"value": true}, "declineReason": {"value": "  "}}}""");
        EngineRestAccessTest.assertProblem(response, 400, "urn:consilium:problem:validation");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.at("/errors/0/field").asText()).isEqualTo("declineReason");
        assertThat(problem.at("/errors/0/message").asText()).isEqualTo("is required when declined is true");
        assertThat(tasks.createTaskQuery().taskId(taskId).count()).isEqualTo(1);

        assertThat(complete(taskId, """
                {"variables": {"accepted": {"value": true}, "declined": {"value": false}}}""").statusCode())
                .as("not declined: no reason needed").isEqualTo(204);
    }

    @Test
    void aReasonAChoiceNeedsWhenFalseIsRequiredWhenTheChoiceIsFalse() throws Exception {
        String taskId = openTask();
        HttpResponse<String> response = complete(taskId, """
                {"variables": {"accepted": {"value": false, "type": "Boolean"}}}""");
        EngineRestAccessTest.assertProblem(response, 400, "urn:consilium:problem:validation");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.at("/errors/0/field").asText()).isEqualTo("rejectionNote");
        assertThat(problem.at("/errors/0/message").asText()).isEqualTo("is required when accepted is false");
        assertThat(tasks.createTaskQuery().taskId(taskId).count()).isEqualTo(1);

        assertThat(complete(taskId, """
                {"variables": {"accepted": {"value": false}, "rejectionNote": {"value": "out of scope"}}}""").statusCode())
                .as("declined with its reason").isEqualTo(204);
    }

    @Test
    void claimingATaskSomeoneElseClaimedIs409SayingSo() throws Exception {
        String taskId = openTask();
        tasks.claim(taskId, "sam.other");
        HttpResponse<String> response = send(client(), HttpRequest.newBuilder(url("/engine-rest/task/" + taskId + "/claim"))
                .timeout(TIMEOUT).header("Authorization", COORDINATOR).header("Content-Type", "application/json")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"userId\": \"cora.nolan\"}")).build());
        EngineRestAccessTest.assertProblem(response, 409, "urn:consilium:problem:conflict");
        assertThat(JSON.readTree(response.body()).get("detail").asText()).contains("already claimed");
        assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo("sam.other");
    }

    @Test
    void anUnknownTaskIs404() {
        EngineRestAccessTest.assertProblem(complete("no-such-task", "{\"variables\": {}}"), 404,
                "urn:consilium:problem:not-found");
        EngineRestAccessTest.assertProblem(send(client(), request("GET", "/engine-rest/task/no-such-task", COORDINATOR)
                .build()), 404, "urn:consilium:problem:not-found");
    }
}
