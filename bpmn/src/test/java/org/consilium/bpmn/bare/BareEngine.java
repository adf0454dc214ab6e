package org.consilium.bpmn.bare;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.consilium.bpmn.casefile.PanelConsent;
import org.consilium.bpmn.clock.CaseClock;
import org.consilium.bpmn.clock.ClockProperties;
import org.consilium.bpmn.followup.StartFollowUpAdapter;
import org.consilium.bpmn.triage.PanelDisciplines;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plain Camunda engine in this JVM, without Spring, Kafka, the inbox, the task outbox or any of the application's
 * engine plugins: the process models of {@code src/main/resources/processes} deployed unchanged, on in-memory H2,
 * history {@code full} as application.yaml has it, no job executor (the driver runs each job itself, as the process
 * tests do). Every delegate the models name is a no-op, read from the models themselves, so a new adapter cannot be
 * missed; a class, expression or listener the models gain makes the start fail instead of being measured as nothing.
 */
final class BareEngine {
    static final List<String> RESOURCES = List.of("processes/second-opinion-case.bpmn",
            "processes/case-follow-up.bpmn", "processes/triage.dmn");
    private static final Pattern BEAN = Pattern.compile("\\$\\{(\\w+)}");
    private static final JavaDelegate NO_OP = execution -> { };

    private BareEngine() {
    }

    /**
     * @param startFollowUp true: Start follow-up is the application's own adapter, which only starts the follow-up
     *                      process through the engine (engine work the stack's case does too); false: a no-op as well
     */
    static ProcessEngine start(boolean startFollowUp) {
        Map<Object, Object> beans = new HashMap<>();
        for (String resource : RESOURCES) {
            if (resource.endsWith(".bpmn")) {
                delegates(resource).forEach(name -> beans.put(name, NO_OP));
            }
        }
        if (startFollowUp) {
            beans.put("startFollowUpAdapter", new StartFollowUpAdapter());
        }
        // the beans the model's expressions call for a value (gateways, timers, the disciplines' output mapping):
        // the application's own, pure functions of the case's variables
        beans.put("clock", new CaseClock(new ClockProperties(null, null, null, null, null, null, null, null)));
        beans.put("panelConsent", new PanelConsent());
        beans.put("panelDisciplines", new PanelDisciplines());

        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setProcessEngineName("bare-" + UUID.randomUUID());
        configuration.setJdbcUrl("jdbc:h2:mem:bare-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        configuration.setDatabaseSchemaUpdate("create-drop");
        configuration.setHistory("full");
        configuration.setJobExecutorActivate(false);
        // the Spring Boot starter's id generator (the stand-alone default hands out id blocks from a table)
        configuration.setIdGenerator(new StrongUuidGenerator());
        configuration.setBeans(beans);
        ProcessEngine engine = configuration.buildProcessEngine();

        var deployment = engine.getRepositoryService().createDeployment().name("bare-engine-benchmark");
        RESOURCES.forEach(deployment::addClasspathResource);
        deployment.deploy();
        return engine;
    }

    /** The beans a model's delegate expressions name; fails on any other kind of Java the engine would call. */
    static List<String> delegates(String resource) {
        BpmnModelInstance model;
        try (InputStream in = BareEngine.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("not on the class path: " + resource);
            }
            model = Bpmn.readModelFromStream(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (var listenerType : List.of(CamundaExecutionListener.class, CamundaTaskListener.class)) {
            if (!model.getModelElementsByType(listenerType).isEmpty()) {
                throw new IllegalStateException(resource + " has " + listenerType.getSimpleName()
                        + "s: give them a no-op stand-in here");
            }
        }
        for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
            if (task.getCamundaDecisionRef() == null) {
                throw new IllegalStateException(resource + ": " + task.getId() + " calls Java, not a decision");
            }
        }
        return model.getModelElementsByType(ServiceTask.class).stream().map(task -> {
            Matcher bean = BEAN.matcher(String.valueOf(task.getCamundaDelegateExpression()));
            if (task.getCamundaClass() != null || task.getCamundaExpression() != null || !bean.matches()) {
                throw new IllegalStateException(resource + ": " + task.getId()
                        + " is not a ${bean} delegate expression: give it a no-op stand-in here");
            }
            return bean.group(1);
        }).distinct().toList();
    }
}
