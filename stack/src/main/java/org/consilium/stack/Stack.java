package org.consilium.stack;

import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.consilium.events.Topics;
import org.consilium.stack.engine.EngineDatabase;
import org.consilium.stack.engine.EngineDatabaseServer;
import org.consilium.stack.kafka.KafkaBackbone;
import org.consilium.stack.kafka.TopicSetup;
import org.consilium.stack.mail.MailServer;
import org.consilium.stack.mongo.MongoStore;
import org.consilium.stack.services.LeftoverProcesses;
import org.consilium.stack.services.ServiceCatalog;
import org.consilium.stack.services.ServiceDefinition;
import org.consilium.stack.services.ServiceSupervisor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Starts the stack in dependency order (Kafka, MongoDB, the engine's PostgreSQL and mail side by side, then the
 * services, which need them all) and stops it services first, so they can finish their work against infrastructure
 * that is still there.
 */
@Component
public class Stack implements ApplicationRunner, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Stack.class);

    private final StackProperties properties;
    private final KafkaBackbone kafka;
    private final TopicSetup topics;
    private final MongoStore mongo;
    private final MailServer mail;
    private final ServiceSupervisor services;
    private final EngineDatabaseServer engineDatabase;
    // start steps and stop take turns, so a Ctrl-C during start-up never leaves a component started after stop
    private final Object lifecycle = new Object();
    private volatile boolean stopping;
    private DataDirLock dataDirLock;

    public Stack(StackProperties properties, KafkaBackbone kafka, TopicSetup topics, MongoStore mongo,
            MailServer mail, ServiceSupervisor services, EngineDatabaseServer engineDatabase) {
        this.properties = properties;
        this.kafka = kafka;
        this.topics = topics;
        this.mongo = mongo;
        this.mail = mail;
        this.services = services;
        this.engineDatabase = engineDatabase;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        long started = System.nanoTime();
        List<ServiceDefinition> selected = ServiceCatalog.select(properties.services());
        StackPorts ports = properties.ports();
        log.info("Starting the Consilium stack: data dir {}, port offset {}, services {}",
                properties.dataPath(), ports.offset(), selected.isEmpty() ? "none" : properties.services());
        synchronized (lifecycle) {
            if (stopping) {
                return;
            }
            dataDirLock = DataDirLock.acquire(properties.dataPath());
        }
        LeftoverProcesses.stopAll(properties.dataPath());
        // after the old engine JVMs are gone (the server's smart shutdown waits for its sessions), before the ports
        // are checked (it holds one)
        engineDatabase.stopLeftover();
        Preflight.check(properties, selected);
        try {
            // Kafka, MongoDB and mail need nothing of each other: started side by side, a start (or a restart
            // after a crash, when Kafka recovers its logs) waits for the slowest of them instead of their sum
            steps(List.of(
                    new Step("[1/5] Kafka: " + kafka.layout(),
                            () -> {
                                kafka.start();
                                // every node up and every partition writable before any service starts
                                topics.ensureTopics(kafka.bootstrapServers(), kafka.replication());
                            },
                            "Kafka is up with topics " + Topics.ALL + ", " + Topics.PARTITIONS + " partitions each ("
                                    + Topics.NOTIFICATION_COMMANDS + " " + Topics.NOTIFICATION_COMMANDS_PARTITIONS + "), "
                                    + kafka.replication().factor() + " replica(s)"),
                    new Step("[2/5] MongoDB wire protocol (mongo-java-server, H2 file " + mongo.file() + ") on "
                            + mongo.connectionString(), mongo::start, "MongoDB is up"),
                    engineDatabaseStep(ports),
                    new Step("[3/5] SMTP (GreenMail) on localhost:" + ports.smtp() + ", its HTTP API on "
                            + mail.apiUrl(), mail::start, "Mail is up"),
                    // CPU the broker's start leaves idle (it mostly waits on its log recovery and the disk)
                    new Step("[3/5] The services' jars, unpacked once per build for faster starts",
                            () -> services.unpackJars(selected), "The services' jars are ready")));
            startServices(selected);
        } catch (StartCancelled cancelled) {
            return;
        }
        Duration startup = Duration.ofNanos(System.nanoTime() - started);
        System.out.println(ReadyBanner.render(properties, selected, startup,
                Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime())));
    }

    private Step engineDatabaseStep(StackPorts ports) {
        if (!engineDatabase.runsPostgres()) {
            return new Step("[2/5] The engine's database: the H2 file " + EngineDatabase.h2File(properties.dataPath())
                    + " (--consilium.stack.engine-database=postgres moves the engine to an empty PostgreSQL)",
                    () -> { }, "Nothing to start for H2");
        }
        return new Step("[2/5] PostgreSQL 17 for the engine on localhost:" + ports.enginePostgres() + ", data "
                + engineDatabase.postgresDirectory(), engineDatabase::start, "PostgreSQL is up");
    }

    private void startServices(List<ServiceDefinition> selected) throws Exception {
        if (selected.isEmpty()) {
            log.info("[4/5] No services to start (consilium.stack.services is empty): infrastructure only");
            log.info("[5/5] Nothing to wait for");
            return;
        }
        step("[4/5] Services, each in its own JVM: " + selected.stream().map(ServiceDefinition::module).toList(),
                () -> services.startAll(selected), "All services launched");
        log.info("[5/5] Waiting up to {} s for the services to report ready (logs in {})",
                properties.readyTimeout().toSeconds(), properties.dataPath().resolve("logs"));
        if (!services.awaitReady(properties.readyTimeout())) {
            throw new StartCancelled();
        }
    }

    private void step(String starting, StartAction action, String done) {
        steps(List.of(new Step(starting, action, done)));
    }

    /** Runs the steps at the same time and returns when all have ended; the first failure is thrown. */
    private void steps(List<Step> steps) {
        synchronized (lifecycle) {
            if (stopping) {
                throw new StartCancelled();
            }
            List<CompletableFuture<Void>> running = steps.stream()
                    .map(step -> CompletableFuture.runAsync(() -> run(step), task -> {
                        Thread thread = new Thread(task, "stack-start");
                        thread.setDaemon(true);
                        thread.start();
                    }))
                    .toList();
            // all of them end before anything is thrown, so a stop never races a component still starting
            running.forEach(step -> step.exceptionally(failure -> null).join());
            running.forEach(step -> {
                try {
                    step.join();
                } catch (CompletionException e) {
                    throw e.getCause() instanceof RuntimeException failure ? failure : e;
                }
            });
        }
    }

    private void run(Step step) {
        long begin = System.nanoTime();
        log.info("{}", step.starting());
        try {
            step.action().run();
        } catch (Exception e) {
            if (stopping) {
                // failed because the JVM is shutting down under it (Ctrl-C): not worth a failure report
                throw new StartCancelled();
            }
            if (e instanceof StackStartupException startupFailure) {
                throw startupFailure;
            }
            Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
            throw new StackStartupException(step.starting() + " failed: " + cause, "See the log above. State is under "
                    + properties.dataPath() + "; another process on the same data dir also makes this fail.", cause);
        }
        log.info("{} ({} ms)", step.done(), Duration.ofNanos(System.nanoTime() - begin).toMillis());
    }

    @Override
    public void destroy() {
        stopping = true;
        synchronized (lifecycle) {
            log.info("Stopping the Consilium stack");
            quietly("services", services::stopAll);
            quietly("Kafka", kafka::stop);
            quietly("MongoDB", mongo::stop);
            // after the services: the engine shuts down against its database
            quietly("the engine's PostgreSQL", engineDatabase::stop);
            quietly("mail", mail::stop);
            if (dataDirLock != null) {
                quietly("the data dir lock", dataDirLock::close);
                dataDirLock = null;
            }
            log.info("Consilium stack stopped");
        }
    }

    /** One component failing to stop must not keep the others running. */
    private void quietly(String component, StopAction action) {
        try {
            action.run();
        } catch (Exception e) {
            log.warn("Could not stop {} cleanly", component, e);
        }
    }

    private record Step(String starting, StartAction action, String done) {
    }

    @FunctionalInterface
    private interface StartAction {
        void run() throws Exception;
    }

    @FunctionalInterface
    private interface StopAction {
        void run() throws Exception;
    }

    /** The stack is being stopped while it starts: stop starting, quietly. */
    private static final class StartCancelled extends RuntimeException {
        StartCancelled() {
            super(null, null, false, false);
        }
    }
}
