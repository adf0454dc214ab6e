package org.consilium.bpmn;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.ws.rs.core.MultivaluedHashMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.rest.dto.task.TaskDto;
import org.camunda.bpm.engine.rest.dto.task.TaskQueryDto;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.consilium.bpmn.security.CamundaGroups;
import org.consilium.bpmn.security.EngineGrants;
import org.consilium.bpmn.security.TaskAuthorizations;
import org.consilium.bpmn.support.TestPostgres;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The coordinator's task query of one case as the number of open cases grows to 100,000 (issue 16). The query is the
 * product's: the console's {@code EngineTasks.ofCase} GETs
 * {@code /task?processInstanceBusinessKey={caseId}&sortBy=created&sortOrder=asc} with the coordinator's token; the
 * engine's REST resource builds it with {@link TaskQueryDto}, runs it with form keys and maps each task to a
 * {@link TaskDto} ({@code TaskRestServiceImpl.queryTasks}), all under the coordinator's authentication with
 * authorizations on ({@code EngineRestAuthentication}, {@code EngineAccess}'s grants).
 * That is done here in-process, without HTTP and JSON (a constant that does not grow with the cases). Beside it, the
 * engine's own per-event lookup by business key ({@code CaseCorrelation.waits}: an execution query, unauthenticated).
 * <p>
 * The engine: Camunda 7 on PostgreSQL 17 (embedded, as in the stack; {@code -Dbenchmark.db=h2} for the H2 file the
 * engine uses by default), schema made by the engine, history off by default (see {@link #HISTORY}), authorizations
 * on, ids as the Spring Boot starter makes them. The cases: not the real model started 100,000 times (its delegates
 * send to Kafka) but a small model with the real model's first user task ({@code ReviewIntake}, candidate group
 * {@code coordinator}, so each open task also holds an identity link and, with Camunda's provider, an authorization)
 * and a non-interrupting reminder timer on it (a child execution and a job per case), started in batches of 500 per
 * transaction with business key = a case id.
 * Two engines side by side, each on a database of its own: one as Camunda makes it (an authorization row per task for
 * its candidate group), one with the product's {@link TaskAuthorizations} (none for the coordinators, who may work
 * every task anyway): with the rows, each authenticated query first reads the distinct groups of the whole
 * authorization table and looks for revokes among the coordinator group's rows, and both grow with the open tasks.
 * Prints p50/p99/max of 1,000 lookups of random cases at 1,000, 10,000 and 100,000 open cases per engine, and every
 * statement of one lookup with its plan at each size (target/task-query-at-scale.txt). On demand:
 * {@code mvn -B -o -pl bpmn -am test -Dtest=TaskQueryAtScaleBenchmark -Dexcluded.groups=none
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
class TaskQueryAtScaleBenchmark {
    /** -Dbenchmark.sizes=1000,3000 for a short run. */
    private static final int[] SIZES = Arrays.stream(System.getProperty("benchmark.sizes", "1000,10000,100000")
            .split(",")).mapToInt(Integer::parseInt).toArray();
    /**
     * The product keeps full history; the queries measured read only the runtime tables, and without history rows
     * 100,000 cases are stored in minutes rather than a quarter of an hour ({@code -Dbenchmark.history=full}).
     */
    private static final String HISTORY =
            System.getProperty("benchmark.history", ProcessEngineConfiguration.HISTORY_NONE);
    private static final int LOOKUPS = 1_000;
    private static final int WARM_UP = 500;
    private static final int BATCH = 500;
    private static final String PROCESS = "case-at-scale";
    private static final String COORDINATOR = "cora.nolan";
    /** MyBatis logs each statement under its mapper's name, below this. */
    private static final String STATEMENTS = "org.camunda.bpm.engine.impl.persistence.entity";

    private final ObjectMapper json = new ObjectMapper();
    private final Random random = new Random(16);

    @Test
    void aCasesTasksAsTheOpenCasesGrow() throws Exception {
        boolean h2 = "h2".equalsIgnoreCase(System.getProperty("benchmark.db", "postgres"));
        List<Engine> engines = List.of(
                new Engine("Camunda's provider (before)", h2, configuration -> { }),
                new Engine("TaskAuthorizations (now)", h2, new TaskAuthorizations()::preInit));
        List<String> lines = new ArrayList<>();
        lines.add("engine on " + (h2 ? "H2 (file)" : "PostgreSQL 17 (embedded)") + ", history " + HISTORY + ", "
                + LOOKUPS + " lookups of random cases per size and engine");
        lines.add("open cases | engine (task authorizations) | rows in ACT_RU_AUTHORIZATION | fill"
                + " | coordinator's tasks of a case (REST query): p50 / p99 / max"
                + " | CaseCorrelation.waits: p50 / p99 / max");
        List<String> plans = new ArrayList<>();
        try {
            for (int size : SIZES) {
                for (Engine engine : engines) {
                    long fillStart = System.nanoTime();
                    engine.fill(size - engine.caseIds.size());
                    long fillSeconds = (System.nanoTime() - fillStart) / 1_000_000_000L;
                    engine.analyze();
                    assertThat(engine.engine.getTaskService().createTaskQuery().count()).isEqualTo(size);
                    for (int i = 0; i < WARM_UP; i++) {
                        coordinatorsTasks(engine.engine, engine.randomCase());
                        waits(engine.engine, engine.randomCase());
                    }
                    long[] tasks = new long[LOOKUPS];
                    long[] waits = new long[LOOKUPS];
                    for (int i = 0; i < LOOKUPS; i++) {
                        String caseId = engine.randomCase();
                        long start = System.nanoTime();
                        List<TaskDto> found = coordinatorsTasks(engine.engine, caseId);
                        tasks[i] = System.nanoTime() - start;
                        assertThat(found).hasSize(1);
                        caseId = engine.randomCase();
                        start = System.nanoTime();
                        boolean waiting = waits(engine.engine, caseId);
                        waits[i] = System.nanoTime() - start;
                        assertThat(waiting).isFalse();
                    }
                    lines.add("%,d | %s | %,d | %,d s | %s | %s".formatted(size, engine.name, engine.authorizations(),
                            fillSeconds, percentiles(tasks), percentiles(waits)));
                    System.out.println(lines.get(lines.size() - 1));
                    plans.add("-- " + String.format("%,d", size) + " open cases, " + engine.name + ":"
                            + plan(engine, h2));
                }
            }
        } finally {
            engines.forEach(Engine::close);
        }
        lines.forEach(System.out::println); // the plans only to the file: pages of SQL
        lines.addAll(plans);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "task-query-at-scale" + (h2 ? "-h2" : "") + ".txt"), lines);
    }

    /** An engine of its own database, built as {@code plugin} (the product's, or none) makes it. */
    private final class Engine implements AutoCloseable {
        final String name;
        final boolean h2;
        final HikariDataSource dataSource = new HikariDataSource();
        final ProcessEngineConfigurationImpl configuration;
        final ProcessEngine engine;
        final List<String> caseIds = new ArrayList<>();

        Engine(String name, boolean h2, Consumer<ProcessEngineConfigurationImpl> plugin) throws IOException {
            this.name = name;
            this.h2 = h2;
            // pooled as in the product (Hikari, 10)
            dataSource.setDataSource(h2 ? h2()
                    : TestPostgres.server().getDatabase("postgres", TestPostgres.newDatabase()));
            dataSource.setMaximumPoolSize(10);
            configuration = (ProcessEngineConfigurationImpl) new StandaloneProcessEngineConfiguration()
                    .setProcessEngineName("task-query-at-scale-" + UUID.randomUUID())
                    .setDataSource(dataSource)
                    .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                    .setHistory(HISTORY)
                    .setAuthorizationEnabled(true)
                    .setJobExecutorActivate(false);
            configuration.setIdGenerator(new StrongUuidGenerator());
            plugin.accept(configuration);
            engine = configuration.buildProcessEngine();
            EngineGrants.apply(engine);
            engine.getRepositoryService().createDeployment().addModelInstance(PROCESS + ".bpmn", model()).deploy();
        }

        void fill(int count) {
            for (int done = 0; done < count; done += BATCH) {
                List<String> batch = new ArrayList<>();
                for (int i = 0; i < Math.min(BATCH, count - done); i++) {
                    batch.add(UUID.randomUUID().toString());
                }
                configuration.getCommandExecutorTxRequired().execute(context -> {
                    batch.forEach(caseId -> engine.getRuntimeService().startProcessInstanceByKey(PROCESS, caseId));
                    return null;
                });
                caseIds.addAll(batch);
            }
        }

        String randomCase() {
            return caseIds.get(random.nextInt(caseIds.size()));
        }

        /** Statistics as autovacuum (PostgreSQL) would have them once the tables grew; H2 keeps its own. */
        void analyze() throws SQLException {
            try (Connection db = dataSource.getConnection(); Statement sql = db.createStatement()) {
                sql.execute("ANALYZE");
            }
        }

        long authorizations() throws SQLException {
            try (Connection db = dataSource.getConnection(); Statement sql = db.createStatement();
                 ResultSet count = sql.executeQuery("SELECT COUNT(*) FROM ACT_RU_AUTHORIZATION")) {
                count.next();
                return count.getLong(1);
            }
        }

        @Override
        public void close() {
            engine.close();
            dataSource.close();
        }
    }

    /** As the engine's REST resource answers GET /task?processInstanceBusinessKey=..&sortBy=created&sortOrder=asc. */
    private List<TaskDto> coordinatorsTasks(ProcessEngine engine, String caseId) {
        engine.getIdentityService().setAuthentication(COORDINATOR, List.of(CamundaGroups.COORDINATORS));
        try {
            MultivaluedHashMap<String, String> parameters = new MultivaluedHashMap<>();
            parameters.putSingle("processInstanceBusinessKey", caseId);
            parameters.putSingle("sortBy", "created");
            parameters.putSingle("sortOrder", "asc");
            TaskQueryDto dto = new TaskQueryDto(json, parameters);
            dto.setObjectMapper(json);
            TaskQuery query = dto.toQuery(engine);
            query.initializeFormKeys();
            return query.list().stream().map(TaskDto::fromEntity).toList();
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    /** {@code CaseCorrelation.waits}: on the inbox's thread, without an authenticated user. */
    private static boolean waits(ProcessEngine engine, String caseId) {
        return engine.getRuntimeService().createExecutionQuery().processInstanceBusinessKey(caseId)
                .messageEventSubscriptionName("RecordsCompleted").count() > 0;
    }

    private static BpmnModelInstance model() {
        return Bpmn.createExecutableProcess(PROCESS)
                .startEvent()
                .userTask("ReviewIntake").name("Review intake").camundaCandidateGroups(CamundaGroups.COORDINATORS)
                .camundaFormField().camundaId("accepted").camundaLabel("Accept the case").camundaType("boolean")
                .camundaFormFieldDone()
                .boundaryEvent("ReviewIntakeReminder").cancelActivity(false).timerWithDuration("P3D").endEvent()
                .moveToActivity("ReviewIntake")
                .endEvent()
                .done();
    }

    private static String percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return "%.1f / %.1f / %.1f ms".formatted(sorted[sorted.length / 2] / 1e6,
                sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6, sorted[sorted.length - 1] / 1e6);
    }

    /**
     * Every statement of one coordinator's task query as MyBatis sends it (from its debug log), with its parameters
     * in, each SELECT explained.
     */
    private String plan(Engine engine, boolean h2) throws SQLException {
        Logger logger = (Logger) LoggerFactory.getLogger(STATEMENTS);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Level level = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        logger.addAppender(log);
        try {
            coordinatorsTasks(engine.engine, engine.randomCase());
        } finally {
            logger.detachAppender(log);
            logger.setLevel(level);
        }
        StringBuilder plan = new StringBuilder();
        String sql = null;
        for (ILoggingEvent event : log.list) {
            String message = event.getFormattedMessage();
            if (message.contains("Preparing:")) {
                sql = message.substring(message.indexOf("Preparing:") + "Preparing:".length()).trim();
            } else if (message.contains("Parameters:") && sql != null) {
                String values = message.substring(message.indexOf("Parameters:") + "Parameters:".length()).trim();
                String bound = bind(sql, values.isEmpty() ? List.of() : List.of(values.split(", ")));
                plan.append("\n[").append(event.getLoggerName().replace(STATEMENTS + ".", "")).append("] ")
                        .append(bound).append('\n');
                if (bound.regionMatches(true, 0, "select", 0, 6)) {
                    try (Connection db = engine.dataSource.getConnection(); Statement statement = db.createStatement();
                         ResultSet rows = statement.executeQuery(
                                 (h2 ? "EXPLAIN ANALYZE " : "EXPLAIN (ANALYZE, BUFFERS) ") + bound)) {
                        while (rows.next()) {
                            plan.append(rows.getString(1)).append('\n');
                        }
                    }
                }
                sql = null;
            }
        }
        return plan.toString();
    }

    private static String bind(String sql, List<String> parameters) {
        StringBuilder bound = new StringBuilder();
        int next = 0;
        for (char c : sql.toCharArray()) {
            if (c == '?' && next < parameters.size()) {
                bound.append(literal(parameters.get(next++)));
            } else {
                bound.append(c);
            }
        }
        return bound.toString();
    }

    private static String literal(String logged) {
        int type = logged.lastIndexOf('(');
        String value = logged.substring(0, type);
        String kind = logged.substring(type + 1, logged.length() - 1);
        return kind.equals("String") ? "'" + value.replace("'", "''") + "'" : value;
    }

    private static DataSource h2() throws IOException {
        Path directory = Files.createTempDirectory("task-query-at-scale");
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + directory.resolve("engine") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
        h2.setUser("sa");
        return h2;
    }
}
