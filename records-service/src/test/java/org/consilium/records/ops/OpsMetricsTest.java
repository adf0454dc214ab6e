package org.consilium.records.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.consilium.records.RecordsServiceTestBase;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The ops team's alert rules (deploy/prometheus) and Grafana dashboards (deploy/grafana) name only metrics some
 * service exports (issue 15), every alert has its runbook section, and promtool accepts the rules, their unit tests
 * and every dashboard query. Here because this context is a whole WebFlux service with Kafka consumers, MongoDB and
 * the Prometheus registry, as every domain service: its live scrape proves the shared and library metrics (the
 * outbox, Micrometer's Kafka client binder, HTTP, JVM, MongoDB); the business metrics of the other services and the
 * engine are read from where the code registers them.
 */
class OpsMetricsTest extends RecordsServiceTestBase {
    private static final Path ROOT = repositoryRoot();
    private static final Path ALERTS = ROOT.resolve("deploy/prometheus/consilium-alerts.yml");
    private static final Path ALERT_TESTS = ROOT.resolve("deploy/prometheus/consilium-alerts-test.yml");
    private static final Path DASHBOARDS = ROOT.resolve("deploy/grafana");
    private static final Path RUNBOOKS = ROOT.resolve("docs/runbooks.md");
    /** Series Prometheus makes itself for every scrape. */
    private static final Set<String> SCRAPE_SERIES = Set.of("up", "scrape_duration_seconds", "scrape_samples_scraped");
    private static final Pattern REGISTERED = Pattern.compile(
            "(?:(?:Counter|Gauge|MultiGauge|Timer|DistributionSummary|LongTaskTimer)\\.builder|\\.counter|\\.gauge|\\.timer)"
                    + "\\(\\s*\"(consilium\\.[a-z0-9._]+)\"");
    /** What Micrometer's Prometheus naming appends to a meter's name (unit, counter, timer and histogram series). */
    private static final Pattern SUFFIX = Pattern.compile("(_(seconds|bytes|ms|buffers|threads|classes))?(_(total|count|sum|max|bucket))?");
    private static final Set<String> PROMQL_WORDS = Set.of("sum", "min", "max", "avg", "count", "stddev", "stdvar",
            "topk", "bottomk", "quantile", "count_values", "group", "by", "without", "on", "ignoring", "group_left",
            "group_right", "and", "or", "unless", "bool", "offset", "atan2", "inf", "nan");

    @Test
    void everyMetricARuleOrAPanelNamesIsExportedBySomeService() throws IOException {
        Set<String> exported = new TreeSet<>(scrapeAfterTraffic());
        Set<String> registered = registeredInCode();
        Map<String, List<String>> queries = queries();
        assertThat(queries).as("rules and panels found").isNotEmpty();

        List<String> unknown = new ArrayList<>();
        queries.forEach((where, exprs) -> exprs.forEach(expr -> metricsIn(expr).stream()
                .filter(metric -> !exported.contains(metric) && !SCRAPE_SERIES.contains(metric)
                        && registered.stream().noneMatch(base -> isSeriesOf(metric, base)))
                .forEach(metric -> unknown.add(where + ": " + metric))));
        assertThat(unknown).as("metrics no service exports (live scrape of records-service: %d names; registered in"
                + " code: %s)", exported.size(), registered).isEmpty();
    }

    @Test
    void everyAlertHasItsRunbookSection() throws IOException {
        String runbooks = Files.readString(RUNBOOKS);
        for (Map<String, Object> rule : alertRules()) {
            String alert = (String) rule.get("alert");
            assertThat(runbooks).as("a section for " + alert).contains("\n## " + alert + "\n");
            @SuppressWarnings("unchecked")
            String url = ((Map<String, String>) rule.get("annotations")).get("runbook_url");
            assertThat(url).isEqualTo("docs/runbooks.md#" + alert.toLowerCase());
        }
    }

    @Test
    void promtoolAcceptsTheRulesTheirTestsAndEveryDashboardQuery() throws Exception {
        Assumptions.assumeTrue(onPath("promtool"), "skipped: promtool is not installed (Debian package prometheus;"
                + " .ci/run installs it)");
        promtool("check", "rules", ALERTS.toString());
        promtool("test", "rules", ALERT_TESTS.toString());
        // a dashboard query checked as PromQL: promtool parses the expressions of a rules file
        StringBuilder asRules = new StringBuilder("groups:\n  - name: dashboards\n    rules:\n");
        int n = 0;
        for (Map.Entry<String, List<String>> panel : dashboardQueries().entrySet()) {
            for (String expr : panel.getValue()) {
                asRules.append("      - record: dashboard:query").append(++n).append("\n        expr: ")
                        .append(new ObjectMapper().writeValueAsString(expr)).append('\n');
            }
        }
        Path file = Files.createDirectories(Path.of("target")).resolve("dashboard-queries-as-rules.yml");
        Files.writeString(file, asRules);
        promtool("check", "rules", file.toString());
    }

    // ---- what is exported

    private List<String> scrapeAfterTraffic() {
        requestRecords(newCaseId(), "lung"); // a consumer with partitions, an HTTP request, an outbox entry
        http.get().uri("/cases/{id}/records", newCaseId()).exchange();
        return await().atMost(Duration.ofSeconds(60)).until(() -> {
            String text = http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                    .expectBody(String.class).returnResult().getResponseBody();
            return text.lines().filter(line -> !line.startsWith("#") && !line.isBlank())
                    .map(line -> line.split("[{ ]", 2)[0]).distinct().toList();
        }, names -> names.containsAll(List.of("kafka_consumer_fetch_manager_records_lag_max",
                "http_server_requests_seconds_count", "consilium_outbox_oldest_age_seconds")));
    }

    /** The consilium.* meters every module registers, in Prometheus form (dots to underscores). */
    private static Set<String> registeredInCode() throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/java/"))
                    .toList()) {
                Matcher matcher = REGISTERED.matcher(Files.readString(file));
                while (matcher.find()) {
                    names.add(matcher.group(1).replace('.', '_'));
                }
            }
        }
        return names;
    }

    private static boolean isSeriesOf(String metric, String base) {
        return metric.startsWith(base) && SUFFIX.matcher(metric.substring(base.length())).matches();
    }

    // ---- what is asked for

    private static Map<String, List<String>> queries() throws IOException {
        Map<String, List<String>> queries = new LinkedHashMap<>();
        for (Map<String, Object> rule : alertRules()) {
            queries.put("alert " + rule.get("alert"), List.of((String) rule.get("expr")));
        }
        queries.putAll(dashboardQueries());
        return queries;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> alertRules() throws IOException {
        Map<String, Object> file = new Yaml().load(Files.readString(ALERTS));
        return ((List<Map<String, Object>>) file.get("groups")).stream()
                .flatMap(group -> ((List<Map<String, Object>>) group.get("rules")).stream()).toList();
    }

    private static Map<String, List<String>> dashboardQueries() throws IOException {
        Map<String, List<String>> queries = new LinkedHashMap<>();
        if (!Files.isDirectory(DASHBOARDS)) {
            return queries;
        }
        try (Stream<Path> files = Files.list(DASHBOARDS)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                for (JsonNode panel : new ObjectMapper().readTree(file.toFile()).path("panels")) {
                    List<String> exprs = new ArrayList<>();
                    panel.path("targets").forEach(target -> exprs.add(target.path("expr").asText()));
                    queries.put(file.getFileName() + " panel '" + panel.path("title").asText() + "'", exprs);
                }
            }
        }
        return queries;
    }

    /** The metric names of a PromQL expression: what is left without strings, matchers, ranges, groupings, calls. */
    static Set<String> metricsIn(String expr) {
        String bare = expr.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> metrics = new TreeSet<>();
        Matcher token = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?").matcher(bare);
        while (token.find()) {
            if (token.group(2) == null && !PROMQL_WORDS.contains(token.group(1))) {
                metrics.add(token.group(1));
            }
        }
        return metrics;
    }

    // ---- plumbing

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("deploy"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no deploy/ above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    private static boolean onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }

    private static void promtool(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("promtool"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
    }
}
