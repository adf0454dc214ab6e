package org.consilium.bpmn.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.consilium.bpmn.inbox.InboxStatus;
import org.consilium.bpmn.inbox.InboxStore;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Gauges the engine has none of: open incidents, executable jobs, open user tasks per task
 * definition key, and inbox rows that need attention. Refreshed on a schedule (a few count queries),
 * never on the scrape thread.
 */
@Component
public class EngineGauges {
    private final RuntimeService runtime;
    private final ManagementService management;
    private final TaskService tasks;
    private final RepositoryService repository;
    private final InboxStore inbox;
    private final AtomicLong openIncidents = new AtomicLong();
    private final AtomicLong executableJobs = new AtomicLong();
    private final Map<InboxStatus, AtomicLong> inboxCounts = new EnumMap<>(InboxStatus.class);
    private final MultiGauge openTasks;
    private final MultiGauge oldestTasks;

    public EngineGauges(RuntimeService runtime, ManagementService management, TaskService tasks,
                        RepositoryService repository, InboxStore inbox, MeterRegistry meters) {
        this.runtime = runtime;
        this.management = management;
        this.tasks = tasks;
        this.repository = repository;
        this.inbox = inbox;
        Gauge.builder("consilium.engine.incidents.open", openIncidents, AtomicLong::get)
                .description("open incidents (jobs out of retries, ...)").register(meters);
        Gauge.builder("consilium.engine.jobs.executable", executableJobs, AtomicLong::get)
                .description("jobs due and with retries left").register(meters);
        for (InboxStatus status : List.of(InboxStatus.PENDING, InboxStatus.EXPIRED, InboxStatus.DEAD)) {
            AtomicLong count = new AtomicLong();
            inboxCounts.put(status, count);
            Gauge.builder("consilium.inbox.events", count, AtomicLong::get).tag("status", status.name().toLowerCase(Locale.ROOT))
                    .description("inbox events by status").register(meters);
        }
        this.openTasks = MultiGauge.builder("consilium.engine.tasks.open").description("open user tasks")
                .register(meters);
        // how long the oldest open task of each kind has waited: a count that stays flat can hide one task forgotten
        this.oldestTasks = MultiGauge.builder("consilium.engine.tasks.oldest.age").baseUnit("seconds")
                .description("age of the oldest open user task, per task; 0 when none is open").register(meters);
    }

    @Scheduled(fixedDelayString = "${consilium.metrics.refresh-interval:10s}", initialDelayString = "${consilium.metrics.initial-delay:5s}")
    public void refresh() {
        openIncidents.set(runtime.createIncidentQuery().count());
        executableJobs.set(management.createJobQuery().executable().count());
        inbox.unfinishedCounts().forEach((status, count) -> inboxCounts.get(status).set(count));
        TreeSet<String> keys = userTaskKeys();
        openTasks.register(keys.stream().map(key -> MultiGauge.Row.of(Tags.of("task", key),
                tasks.createTaskQuery().taskDefinitionKey(key).count())).toList(), true);
        long now = ClockUtil.getCurrentTime().getTime();
        oldestTasks.register(keys.stream().map(key -> MultiGauge.Row.of(Tags.of("task", key),
                tasks.createTaskQuery().taskDefinitionKey(key).orderByTaskCreateTime().asc().listPage(0, 1).stream()
                        .findFirst().map(task -> (now - task.getCreateTime().getTime()) / 1000.0).orElse(0.0)))
                .toList(), true);
    }

    /** The user task ids of the latest deployed process definitions (from the engine's model cache). */
    private TreeSet<String> userTaskKeys() {
        TreeSet<String> keys = new TreeSet<>();
        for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
            repository.getBpmnModelInstance(definition.getId()).getModelElementsByType(UserTask.class)
                    .forEach(task -> keys.add(task.getId()));
        }
        return keys;
    }
}
