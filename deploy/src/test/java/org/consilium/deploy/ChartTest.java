package org.consilium.deploy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Helm chart, linted and rendered by Helm's own library, checked against what each service says of itself (ADR
 * 26): a port, probe path or environment name that drifts from a service's application.yaml fails here.
 */
class ChartTest {

    private static final List<String> SERVICES = List.of("bpmn", "console", "intake-service", "mdt-scheduler",
            "notification-service", "records-service");

    private final Map<String, ServiceSettings> settings = new ConcurrentHashMap<>();
    private final ChartChecks checks = new ChartChecks(module -> settings.computeIfAbsent(module, ServiceSettings::read));

    @Test
    void lintFindsNothingWrong() {
        LintResult lint = new Helm(Repository.chart()).lint().strict().call();

        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
    }

    @Test
    void everyServiceRendersAsItsOwnSettingsSay() {
        RenderedChart chart = RenderedChart.render(Repository.exampleValues(), Map.of());

        assertThat(chart.ofKind("Deployment")).extracting(d -> ChartChecks.label(d, "app.kubernetes.io/name"))
                .containsExactlyInAnyOrderElementsOf(SERVICES);
        assertThat(checks.problems(chart)).isEmpty();
    }

    @Test
    void theChecksFindAWrongProbePathPortEnvironmentNameAndAPlainSecret() {
        Map<String, Object> wrong = new LinkedHashMap<>();
        wrong.put("probes.readiness.path", "/actuator/health/ready");
        wrong.put("services.intake-service.port", 9081);
        wrong.put("services.console.extraEnv.CONSOLE_CLIENT_SECRETS", "typo");
        wrong.put("services.bpmn.env.ENGINE_DB_PASSWORD", "in-plain-sight");
        RenderedChart chart = RenderedChart.render(Repository.exampleValues(), wrong);

        List<String> problems = checks.problems(chart);

        assertThat(problems).anyMatch(p -> p.contains("readinessProbe path /actuator/health/ready"));
        assertThat(problems).anyMatch(p -> p.contains("container port 9081, but intake-service listens on 8081"));
        assertThat(problems).anyMatch(p -> p.contains("sets CONSOLE_CLIENT_SECRETS, which console never reads"));
        assertThat(problems).anyMatch(p -> p.contains("ENGINE_DB_PASSWORD is a secret, but not from a Secret"));
    }

    @Test
    void theChecksFindAVariableProductionNeedsButTheChartLeavesOut() {
        RenderedChart chart = RenderedChart.render(Repository.exampleValues(),
                Map.of("services.records-service.secretEnv.RECORDS_LINK_SECRET", "null"));

        assertThat(checks.problems(chart)).anyMatch(p -> p.contains("records-service reads RECORDS_LINK_SECRET"));
    }

    @Test
    void withoutTheRequiredValuesNothingRenders() {
        assertThatThrownBy(() -> RenderedChart.render(null, Map.of()))
                .hasMessageContaining("is required");
    }

    @Test
    void aMisspeltOrMistypedValueIsRefusedNotIgnored() {
        assertThatThrownBy(() -> RenderedChart.render(Repository.exampleValues(), Map.of("services.intake-service.replica", 3)))
                .hasMessageContaining("replica");
        assertThatThrownBy(() -> RenderedChart.render(Repository.exampleValues(), Map.of("kafka.topics.provisioner", "helm")))
                .hasMessageContaining("provisioner");
    }

    @Test
    void theTopicJobMakesEveryTopicOfTheEventsModule() throws IOException {
        // helm-java's template returns the release's manifest, without its hooks: the Job is checked as an ordinary one
        RenderedChart chart = RenderedChart.render(Repository.exampleValues(),
                Map.of("kafka.topics.partitions", 12, "kafka.topics.replicationFactor", 3, "kafka.topics.job.asHook", false));

        String script = String.valueOf(Yamls.list(Yamls.at(Yamls.map(Yamls.list(Yamls.at(
                chart.ofKind("Job").get(0), "spec.template.spec.containers")).get(0)), "args")).get(0));
        for (String topic : eventTopics()) {
            // the notification commands keep their own partitions (kafka.topics.partitionsOf): a thread each
            int partitions = topic.equals("consilium.notification.commands") ? 24 : 12;
            assertThat(script).contains("--topic " + topic + " --partitions " + partitions
                    + " --replication-factor 3 --config min.insync.replicas=2");
        }
        assertThat(script.lines().filter(l -> l.contains("--create")).count()).isEqualTo(eventTopics().size());
        assertThat(chart.ofKind("KafkaTopic")).isEmpty();
        assertThat(RenderedChart.render(Repository.exampleValues(), Map.of()).ofKind("Job"))
                .as("by default a pre-install/pre-upgrade hook, so not in the manifest").isEmpty();
    }

    @Test
    void strimziTopicsInsteadOfTheJob() throws IOException {
        RenderedChart chart = RenderedChart.render(Repository.exampleValues(), Map.of("kafka.topics.provisioner", "strimzi"));

        assertThat(chart.ofKind("KafkaTopic")).extracting(t -> Yamls.at(t, "spec.topicName"))
                .containsExactlyInAnyOrderElementsOf(eventTopics());
        assertThat(chart.ofKind("KafkaTopic")).allSatisfy(t -> {
            assertThat(Yamls.at(t, "spec.partitions")).isEqualTo(
                    "consilium.notification.commands".equals(Yamls.at(t, "spec.topicName")) ? 24 : 6);
            assertThat(Yamls.at(t, "spec.replicas")).isEqualTo(3);
        });
        assertThat(chart.ofKind("Job")).isEmpty();
    }

    @Test
    void kedaScalesEachServiceOnTheLagOfItsOwnConsumerGroup() {
        RenderedChart chart = RenderedChart.render(Repository.exampleValues(), Map.of("keda.enabled", true));

        assertThat(chart.ofKind("ScaledObject")).extracting(o -> ChartChecks.label(o, "app.kubernetes.io/name"))
                .as("the console (worklist and sessions in memory) and the engine (a connection pool per node): not scaled by KEDA")
                .containsExactlyInAnyOrder("intake-service", "records-service", "mdt-scheduler", "notification-service");
        assertThat(chart.find("Deployment", "consilium-console")).get()
                .satisfies(d -> assertThat(Yamls.at(d, "spec.replicas")).isEqualTo(1));
        assertThat(chart.find("Deployment", "consilium-bpmn")).get().as("two engine nodes, sessions in the database (ADR 31)")
                .satisfies(d -> assertThat(Yamls.at(d, "spec.replicas")).isEqualTo(2));
        assertThat(chart.ofKind("ScaledObject")).allSatisfy(scaled -> {
            String service = ChartChecks.label(scaled, "app.kubernetes.io/name");
            Map<String, Object> trigger = Yamls.map(Yamls.list(Yamls.at(scaled, "spec.triggers")).get(0));
            assertThat(ServiceSettings.read(service).consumerGroups()).contains(String.valueOf(Yamls.at(trigger, "metadata.consumerGroup")));
            assertThat(chart.find("Deployment", String.valueOf(Yamls.at(scaled, "spec.scaleTargetRef.name")))).isPresent()
                    .get().satisfies(d -> assertThat(Yamls.at(d, "spec.replicas")).as("KEDA owns the count").isNull());
            assertThat((Integer) Yamls.at(scaled, "spec.maxReplicaCount")).isLessThanOrEqualTo(6);
        });
        assertThat(RenderedChart.render(Repository.exampleValues(), Map.of()).ofKind("ScaledObject")).isEmpty();
    }

    /** Topics.ALL of the events module, read from its source. */
    private static List<String> eventTopics() throws IOException {
        String source = Files.readString(Repository.root().resolve("events/src/main/java/org/consilium/events/Topics.java"));
        Map<String, String> constants = new LinkedHashMap<>();
        Matcher constant = Pattern.compile("String (\\w+) = \"([^\"]+)\"").matcher(source);
        while (constant.find()) {
            constants.put(constant.group(1), constant.group(2));
        }
        Matcher all = Pattern.compile("ALL = List\\.of\\(([^)]*)\\)").matcher(source);
        assertThat(all.find()).as("Topics.ALL").isTrue();
        List<String> topics = new ArrayList<>();
        for (String name : all.group(1).split(",")) {
            topics.add(constants.get(name.trim()));
        }
        return topics;
    }
}
