package org.consilium.deploy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The rendered chart against the services' own settings: every problem found, as a sentence (empty: none). A
 * Deployment's container port, probe paths and ports, environment names and secrets; its Service and its
 * PodDisruptionBudget; its topology spread.
 */
final class ChartChecks {

    /** Values that must never sit in a manifest as plain text: they come from a Secret. */
    private static final Pattern SECRET_NAME = Pattern.compile(".*(SECRET|PASSWORD|KEYSET|_KEY|MONGODB_URI|DB_USER)$");

    /** What a service may run without: off by default, or one of a pair (the keyset as value or as file). */
    private static final Set<String> OPTIONAL = Set.of("BOUNCE_IMAP_HOST", "BOUNCE_IMAP_USERNAME", "BOUNCE_IMAP_PASSWORD",
            "QUIET_HOURS_DEFAULT_TIME_ZONE", "CONSILIUM_DATA_KEYSET_FILE", "RECORDS_LINK_RANDOM_SECRET",
            "MDT_LINK_RANDOM_SECRET");

    private final Function<String, ServiceSettings> settings;

    ChartChecks(Function<String, ServiceSettings> settings) {
        this.settings = settings;
    }

    List<String> problems(RenderedChart chart) {
        List<String> problems = new ArrayList<>();
        List<Map<String, Object>> deployments = chart.ofKind("Deployment");
        if (deployments.isEmpty()) {
            problems.add("no Deployment rendered");
        }
        for (Map<String, Object> deployment : deployments) {
            String service = label(deployment, "app.kubernetes.io/name");
            problems.addAll(deploymentProblems(chart, deployment, service, settings.apply(service)));
        }
        return problems;
    }

    private List<String> deploymentProblems(RenderedChart chart, Map<String, Object> deployment, String service,
                                            ServiceSettings own) {
        List<String> problems = new ArrayList<>();
        String name = String.valueOf(Yamls.at(deployment, "metadata.name"));
        Map<String, Object> pod = Yamls.map(Yamls.at(deployment, "spec.template.spec"));
        List<Object> containers = Yamls.list(pod.get("containers"));
        if (containers.size() != 1) {
            return List.of(name + ": expected one container, found " + containers.size());
        }
        Map<String, Object> container = Yamls.map(containers.get(0));
        Map<String, Integer> ports = new HashMap<>();
        for (Object port : Yamls.list(container.get("ports"))) {
            ports.put(String.valueOf(Yamls.map(port).get("name")), (Integer) Yamls.map(port).get("containerPort"));
        }
        Integer http = ports.get("http");
        if (!Objects.equals(http, own.serverPort())) {
            problems.add(name + ": container port " + http + ", but " + service + " listens on " + own.serverPort());
        }
        problems.addAll(probe(name, container, "livenessProbe", own.livenessPath(), own.managementPort(), ports));
        problems.addAll(probe(name, container, "startupProbe", own.livenessPath(), own.managementPort(), ports));
        problems.addAll(probe(name, container, "readinessProbe", own.readinessPath(), own.managementPort(), ports));
        problems.addAll(environment(name, service, container, own));
        problems.addAll(service(chart, name, deployment, own));
        problems.addAll(disruptionBudget(chart, name, deployment));
        if (Yamls.list(pod.get("topologySpreadConstraints")).isEmpty()) {
            problems.add(name + ": no topology spread constraints");
        }
        for (Object constraint : Yamls.list(pod.get("topologySpreadConstraints"))) {
            if (!podLabels(deployment).entrySet().containsAll(
                    Yamls.map(Yamls.at(Yamls.map(constraint), "labelSelector.matchLabels")).entrySet())) {
                problems.add(name + ": a topology spread constraint selects other pods than its own");
            }
        }
        if (Yamls.at(container, "resources.requests.memory") == null || Yamls.at(container, "resources.limits.memory") == null) {
            problems.add(name + ": no memory request and limit");
        }
        return problems;
    }

    private static List<String> probe(String name, Map<String, Object> container, String kind, String expectedPath,
                                      int managementPort, Map<String, Integer> ports) {
        Map<String, Object> get = Yamls.map(Yamls.at(container, kind + ".httpGet"));
        if (get.isEmpty()) {
            return List.of(name + ": no " + kind + " over HTTP");
        }
        List<String> problems = new ArrayList<>();
        if (expectedPath == null) {
            problems.add(name + ": the service exposes no health probes (management.endpoint.health.probes.enabled)");
        } else if (!expectedPath.equals(get.get("path"))) {
            problems.add(name + ": " + kind + " path " + get.get("path") + ", but the service answers on " + expectedPath);
        }
        Object port = get.get("port");
        Integer number = port instanceof Integer n ? n : ports.get(String.valueOf(port));
        if (!Objects.equals(number, managementPort)) {
            problems.add(name + ": " + kind + " port " + port + " (" + number + "), but actuator is on " + managementPort);
        }
        return problems;
    }

    private static List<String> environment(String name, String service, Map<String, Object> container,
                                            ServiceSettings own) {
        List<String> problems = new ArrayList<>();
        Set<String> set = new HashSet<>();
        for (Object item : Yamls.list(container.get("env"))) {
            Map<String, Object> variable = Yamls.map(item);
            String env = String.valueOf(variable.get("name"));
            if (!set.add(env)) {
                problems.add(name + ": " + env + " set twice");
            }
            if (!own.reads(env)) {
                problems.add(name + ": sets " + env + ", which " + service + " never reads");
            }
            boolean fromSecret = Yamls.at(variable, "valueFrom.secretKeyRef.name") != null;
            if (SECRET_NAME.matcher(env).matches() && !fromSecret) {
                problems.add(name + ": " + env + " is a secret, but not from a Secret");
            }
        }
        for (Map.Entry<String, String> read : own.placeholders().entrySet()) {
            String env = read.getKey();
            String fallback = read.getValue();
            boolean needed = fallback.isEmpty() || fallback.contains("localhost") || fallback.startsWith("jdbc:h2")
                    || SECRET_NAME.matcher(env).matches();
            if (needed && !OPTIONAL.contains(env) && !set.contains(env)) {
                problems.add(name + ": " + service + " reads " + env + " (default \"" + fallback
                        + "\"), which production must set, but the chart does not");
            }
        }
        return problems;
    }

    private static List<String> service(RenderedChart chart, String name, Map<String, Object> deployment,
                                        ServiceSettings own) {
        var found = chart.find("Service", name);
        if (found.isEmpty()) {
            return List.of(name + ": no Service");
        }
        List<String> problems = new ArrayList<>();
        Map<String, Object> service = found.get();
        if (!podLabels(deployment).entrySet().containsAll(Yamls.map(Yamls.at(service, "spec.selector")).entrySet())) {
            problems.add(name + ": its Service selects other pods");
        }
        for (Object port : Yamls.list(Yamls.at(service, "spec.ports"))) {
            Map<String, Object> p = Yamls.map(port);
            if (!Objects.equals(p.get("port"), own.serverPort()) || !"http".equals(p.get("targetPort"))) {
                problems.add(name + ": Service port " + p.get("port") + " -> " + p.get("targetPort")
                        + ", expected " + own.serverPort() + " -> http");
            }
        }
        return problems;
    }

    private static List<String> disruptionBudget(RenderedChart chart, String name, Map<String, Object> deployment) {
        var found = chart.find("PodDisruptionBudget", name);
        if (found.isEmpty()) {
            return List.of(name + ": no PodDisruptionBudget");
        }
        Map<String, Object> selector = Yamls.map(Yamls.at(found.get(), "spec.selector.matchLabels"));
        return !selector.isEmpty() && podLabels(deployment).entrySet().containsAll(selector.entrySet())
                ? List.of() : List.of(name + ": its PodDisruptionBudget selects other pods");
    }

    static Map<String, Object> podLabels(Map<String, Object> deployment) {
        return Yamls.map(Yamls.at(deployment, "spec.template.metadata.labels"));
    }

    static String label(Map<String, Object> object, String label) {
        return String.valueOf(Yamls.map(Yamls.map(object.get("metadata")).get("labels")).get(label));
    }
}
