package org.consilium.bpmn.engine;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.consilium.bpmn.followup.StartFollowUpAdapter;
import org.consilium.bpmn.inbox.CaseCorrelation;
import org.consilium.bpmn.support.ProcessTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** What a fresh engine must offer: the coordinator group, the task filter, history, a drawable model. */
class EngineSetupTest extends ProcessTestSupport {
    @Autowired
    IdentityService identity;
    @Autowired
    FilterService filters;
    @Autowired
    RepositoryService repository;
    @Autowired
    CoordinatorGroup coordinatorGroup;

    @Test
    void demoIsACoordinatorAndStaysOneAcrossRestarts() {
        coordinatorGroup.ensureExists(); // a second start-up
        assertThat(identity.createGroupQuery().groupId(CoordinatorGroup.ID).count()).isOne();
        assertThat(identity.createUserQuery().userId("demo").memberOfGroup(CoordinatorGroup.ID).count()).isOne();
        assertThat(filters.createFilterQuery().filterName("All tasks").count()).isOne();
    }

    @Test
    void historyIsFullAndJobsRetryOnACycle() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getHistory()).isEqualTo("full");
        assertThat(configuration.getFailedJobRetryTimeCycle()).isEqualTo("R10/PT30S");
    }

    @ParameterizedTest
    @ValueSource(strings = {CaseCorrelation.PROCESS_KEY, StartFollowUpAdapter.PROCESS_KEY})
    void everyElementOfTheProcessHasADiagramShapeOrEdge(String processKey) {
        ProcessDefinition definition = repository.createProcessDefinitionQuery()
                .processDefinitionKey(processKey).latestVersion().singleResult();
        assertThat(definition.getHistoryTimeToLive()).isNotNull();
        BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());

        Set<String> drawn = model.getModelElementsByType(BpmnShape.class).stream()
                .map(shape -> shape.getBpmnElement().getId()).collect(Collectors.toSet());
        Set<String> edges = model.getModelElementsByType(BpmnEdge.class).stream()
                .map(edge -> edge.getBpmnElement().getId()).collect(Collectors.toSet());
        assertThat(drawn).containsAll(ids(model.getModelElementsByType(FlowNode.class)))
                .containsAll(ids(model.getModelElementsByType(SubProcess.class)));
        assertThat(edges).containsAll(ids(model.getModelElementsByType(SequenceFlow.class)));
        assertThat(model.getModelElementsByType(FlowNode.class))
                .hasSizeGreaterThan(processKey.equals(CaseCorrelation.PROCESS_KEY) ? 30 : 5);
    }

    private static Set<String> ids(java.util.Collection<? extends BaseElement> elements) {
        return elements.stream().map(BaseElement::getId).collect(Collectors.toSet());
    }
}
