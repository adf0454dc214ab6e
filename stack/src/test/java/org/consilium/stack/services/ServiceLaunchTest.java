package org.consilium.stack.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.consilium.stack.StackProperties;
import org.consilium.stack.engine.EngineDatabase;
import org.consilium.stack.heap.HeapSizing;
import org.junit.jupiter.api.Test;

/** What each child JVM is started with: the contract the services rely on. */
class ServiceLaunchTest {

    private final StackProperties properties = new StackProperties("/srv/consilium/data", "/srv/consilium", 100,
            null, Duration.ofSeconds(180), Duration.ofSeconds(30), true, EngineDatabase.POSTGRES, 1, 1, HeapSizing.AS_USED);
    /** Secrets as if given in the stack's environment: nothing is generated or written. */
    private final StackSecrets secrets = new StackSecrets(Path.of("/nonexistent"), Map.of(
            StackSecrets.SERVICES_CLIENT_SECRET, "services-secret", StackSecrets.CAMUNDA_CLIENT_SECRET, "camunda-secret",
            StackSecrets.CONSOLE_CLIENT_SECRET, "console-secret", StackSecrets.RECORDS_LINK_SECRET, "link-secret",
            StackSecrets.MDT_LINK_SECRET, "guest-link-secret", StackSecrets.ENGINE_DB_PASSWORD, "engine-db-secret",
            StackSecrets.ENGINE_DB_SUPERUSER_PASSWORD, "engine-superuser-secret",
            StackSecrets.CONSOLE_NAME_SEARCH_KEY, "name-search-key-of-at-least-32-characters"));

    @Test
    void aDomainServiceGetsItsPortItsDatabaseAndTheSharedInfrastructure() {
        Map<String, String> env = ServiceEnvironment.of(service("records-service"), properties, secrets);

        assertThat(env).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("SERVER_PORT", "8182"),
                Map.entry("KAFKA_BOOTSTRAP_SERVERS", "localhost:9192"),
                Map.entry("MONGODB_URI", "mongodb://localhost:27117/consilium-records"),
                Map.entry("CONSILIUM_DATA_KEYSET_FILE", "/srv/consilium/data/secrets/records-service-data-keyset.json"),
                Map.entry("CONSILIUM_DATA_KEYSET_CREATE", "true"),
                Map.entry("SMTP_HOST", "localhost"),
                Map.entry("SMTP_PORT", "3125"),
                Map.entry("INTAKE_URL", "http://localhost:8181"),
                Map.entry("CONSILIUM_ISSUER_URI", "http://localhost:9100"),
                // records asks the provider for tokens to call intake, and signs upload links, which open the console's page
                Map.entry("SERVICES_CLIENT_SECRET", "services-secret"),
                Map.entry("RECORDS_LINK_SECRET", "link-secret"),
                Map.entry("RECORDS_UPLOAD_PAGE_URL", "http://localhost:8190/upload")));
    }

    @Test
    void everyKafkaClientIsGivenEveryNodeOfAThreeBrokerStack() {
        StackProperties threeBrokers = new StackProperties("/srv/consilium/data", "/srv/consilium", 100, null,
                Duration.ofSeconds(180), Duration.ofSeconds(30), true, EngineDatabase.POSTGRES, 1, 3, HeapSizing.AS_USED);

        for (String module : List.of("bpmn", "records-service", "console")) {
            assertThat(ServiceEnvironment.of(service(module), threeBrokers, secrets))
                    .as(module).containsEntry("KAFKA_BOOTSTRAP_SERVERS", "localhost:9192,localhost:9194,localhost:9196");
        }
    }

    @Test
    void aReplicaListensOnItsOwnPortWithItsOwnLogAndPidFileAndIsToldTheOthersPublicPorts() {
        StackProperties twoOfEach = new StackProperties("/srv/consilium/data", "/srv/consilium", 100, null,
                Duration.ofSeconds(180), Duration.ofSeconds(30), true, EngineDatabase.POSTGRES, 2, 1, HeapSizing.AS_USED);
        ServiceProcess second = new ServiceProcess(service("records-service"), 2, twoOfEach, "java",
                Path.of("records-service-exec.jar"));

        assertThat(second.port()).isEqualTo(8082 + 100 + 40);
        assertThat(second.label()).isEqualTo("records-service (replica 2)");
        assertThat(second.logFile()).isEqualTo(Path.of("/srv/consilium/data/logs/records-service@2.log"));
        assertThat(new ServiceProcess(service("records-service"), 1, twoOfEach, "java", Path.of("x.jar")).logFile())
                .as("the first replica keeps the service's own log").isEqualTo(Path.of("/srv/consilium/data/logs/records-service.log"));
        assertThat(service("records-service").replicable()).isTrue();
        assertThat(service("console").replicable()).as("its worklist and sessions are in memory").isFalse();
        assertThat(ServiceCatalog.IDENTITY_PROVIDER.replicable()).isFalse();
    }

    @Test
    void eachServiceRunsOnceOnItsOwnPortUnlessReplicasAreAskedForAndThenOnlyTheReplicableOnes() {
        StackProperties twoOfEach = new StackProperties("/srv/consilium/data", "/srv/consilium", 100, null,
                Duration.ofSeconds(180), Duration.ofSeconds(30), true, EngineDatabase.POSTGRES, 2, 1, HeapSizing.AS_USED);
        for (ServiceDefinition service : ServiceCatalog.ALL) {
            assertThat(ServiceSupervisor.processesOf(service, properties, "java", Path.of("x.jar")))
                    .as(service.module() + ", one replica").singleElement().satisfies(alone -> {
                        assertThat(alone.replica()).isZero();
                        assertThat(alone.port()).isEqualTo(service.basePort() + 100);
                        assertThat(alone.label()).isEqualTo(service.module());
                    });
            List<ServiceProcess> two = ServiceSupervisor.processesOf(service, twoOfEach, "java", Path.of("x.jar"));
            if (service.replicable()) {
                assertThat(two).extracting(ServiceProcess::port).as(service.module())
                        .containsExactly(service.basePort() + 120, service.basePort() + 140);
            } else {
                assertThat(two).extracting(ServiceProcess::port).as(service.module() + " stays single")
                        .containsExactly(service.basePort() + 100);
            }
        }
    }

    @Test
    void mdtSchedulerGetsTheKeyOfGuestLinksAndItsOwnAddressForThem() {
        Map<String, String> env = ServiceEnvironment.of(service("mdt-scheduler"), properties, secrets);

        assertThat(env).containsEntry("MDT_LINK_SECRET", "guest-link-secret")
                .containsEntry("MDT_PUBLIC_URL", "http://localhost:8183")
                .doesNotContainKeys("RECORDS_LINK_SECRET", "SERVICES_CLIENT_SECRET");
    }

    @Test
    void theIdentityProviderGetsItsIssuerAKeyFileUnderTheDataDirAndItsClientsSecrets() {
        Map<String, String> env = ServiceEnvironment.of(ServiceCatalog.IDENTITY_PROVIDER, properties, secrets);

        assertThat(env).containsExactlyInAnyOrderEntriesOf(Map.of(
                "SERVER_PORT", "9100",
                "ISSUER_URI", "http://localhost:9100",
                "PORT_OFFSET", "100",
                "SIGNING_KEY_FILE", "/srv/consilium/data/identity/signing-key.json",
                "SERVICES_CLIENT_SECRET", "services-secret",
                "CAMUNDA_CLIENT_SECRET", "camunda-secret",
                "CONSOLE_CLIENT_SECRET", "console-secret"));
        assertThat(ServiceProcess.command("/jdk/bin/java", ServiceCatalog.IDENTITY_PROVIDER,
                ServiceCatalog.IDENTITY_PROVIDER.jar(properties.homePath()), HeapSizing.AS_USED))
                .contains("-Xmx128m")
                .endsWith("-jar", "/srv/consilium/identity-provider/target/identity-provider-exec.jar");
    }

    @Test
    void everyOtherServiceIsToldWhichIssuerToTrust() {
        assertThat(ServiceCatalog.ALL).filteredOn(service -> !service.isIdentityProvider())
                .hasSize(6)
                .allSatisfy(service -> assertThat(ServiceEnvironment.of(service, properties, secrets))
                        .containsEntry("CONSILIUM_ISSUER_URI", "http://localhost:9100"));
    }

    @Test
    void theConsoleGetsItsClientSecretItsNameSearchKeyTheServicesUrlsKafkaAndTheDatabaseOfItsReadModelButNoKeyset() {
        Map<String, String> env = ServiceEnvironment.of(service("console"), properties, secrets);

        assertThat(env).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("KAFKA_BOOTSTRAP_SERVERS", env.get("KAFKA_BOOTSTRAP_SERVERS")),
                Map.entry("MONGODB_URI", env.get("MONGODB_URI")),
                Map.entry("SERVER_PORT", "8190"),
                Map.entry("CONSILIUM_ISSUER_URI", "http://localhost:9100"),
                Map.entry("CONSOLE_CLIENT_SECRET", "console-secret"),
                Map.entry("CONSOLE_NAME_SEARCH_KEY", "name-search-key-of-at-least-32-characters"),
                Map.entry("ENGINE_URL", "http://localhost:8180"),
                Map.entry("INTAKE_URL", "http://localhost:8181"),
                Map.entry("RECORDS_URL", "http://localhost:8182"),
                Map.entry("MDT_URL", "http://localhost:8183"),
                Map.entry("NOTIFICATION_URL", "http://localhost:8184")));
        assertThat(env.get("KAFKA_BOOTSTRAP_SERVERS")).startsWith("localhost:");
        assertThat(env.get("MONGODB_URI")).startsWith("mongodb://localhost:").endsWith("/consilium-console");
    }

    @Test
    void theEngineGetsTheStacksPostgresAsItsOwnRoleAndNoMongo() {
        Map<String, String> env = ServiceEnvironment.of(service("bpmn"), properties, secrets);

        assertThat(env).containsEntry("SERVER_PORT", "8180")
                .containsEntry("ENGINE_DB_URL", "jdbc:postgresql://localhost:5532/engine")
                .containsEntry("ENGINE_DB_USER", "engine")
                .containsEntry("ENGINE_DB_PASSWORD", "engine-db-secret")
                .containsEntry("CONSILIUM_ISSUER_URI", "http://localhost:9100")
                .containsEntry("CAMUNDA_CLIENT_SECRET", "camunda-secret")
                .doesNotContainKey("MONGODB_URI").doesNotContainKey("CONSILIUM_DATA_KEYSET_FILE")
                .doesNotContainKey(StackSecrets.ENGINE_DB_SUPERUSER_PASSWORD);
    }

    @Test
    void theEngineGetsAFileDatabaseUnderTheDataDirWhenH2IsAskedFor() {
        StackProperties h2 = new StackProperties("/srv/consilium/data", "/srv/consilium", 100, null,
                Duration.ofSeconds(180), Duration.ofSeconds(30), true, EngineDatabase.H2, 1, 1, HeapSizing.AS_USED);
        Map<String, String> env = ServiceEnvironment.of(service("bpmn"), h2, secrets);

        assertThat(env)
                // WRITE_DELAY=0: a commit the engine acknowledged survives kill -9 (EngineDatabaseDurabilityTest)
                .containsEntry("ENGINE_DB_URL",
                        "jdbc:h2:file:/srv/consilium/data/engine/consilium;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0")
                .doesNotContainKeys("ENGINE_DB_USER", "ENGINE_DB_PASSWORD")
                .containsEntry("CAMUNDA_CLIENT_SECRET", "camunda-secret")
                .doesNotContainKey("MONGODB_URI").doesNotContainKey("CONSILIUM_DATA_KEYSET_FILE");
    }

    @Test
    void theEngineGetsTheBiggerHeapAndAllRunTheSmallFootprintJvm() {
        List<String> engine = ServiceProcess.command("/jdk/bin/java", service("bpmn"),
                service("bpmn").jar(properties.homePath()), properties.heapSizing());
        List<String> intake = ServiceProcess.command("/jdk/bin/java", service("intake-service"),
                service("intake-service").jar(properties.homePath()), properties.heapSizing());

        assertThat(engine).containsSequence("/jdk/bin/java", "-Xmx512m", "-Xms16m", "-XX:+UseSerialGC",
                        "-XX:TieredStopAtLevel=1")
                .endsWith("-jar", "/srv/consilium/bpmn/target/bpmn-exec.jar");
        assertThat(intake).contains("-Xmx512m").endsWith("-jar", "/srv/consilium/intake-service/target/intake-service-exec.jar");
    }

    @Test
    void theJdksOwnHeapSizingIsAskedForByGivingNoneOfTheStacks() {
        List<String> intake = ServiceProcess.command("/jdk/bin/java", service("intake-service"),
                service("intake-service").jar(properties.homePath()), HeapSizing.JDK);

        assertThat(intake).contains("-Xmx512m", "-XX:+UseSerialGC").noneMatch(option -> option.startsWith("-Xms"));
    }

    @Test
    void servicesAreSelectedInOrderOfImportanceWhateverOrderTheyAreNamedIn() {
        assertThat(ServiceCatalog.select(List.of("notification-service", " bpmn", "identity-provider")))
                .extracting(ServiceDefinition::module)
                .containsExactly("identity-provider", "bpmn", "notification-service");
    }

    @Test
    void theCatalogHasTheIdentityProviderFirstThenTheEngineTheFourDomainServicesAndTheConsole() {
        assertThat(ServiceCatalog.names()).containsExactly("identity-provider", "bpmn", "intake-service",
                "records-service", "mdt-scheduler", "notification-service", "console");
    }

    private static ServiceDefinition service(String module) {
        return ServiceCatalog.select(List.of(module)).get(0);
    }

    @Test
    void servicesOfTheStackWriteReadableLinesEvenWhenTheShellAsksForJson() {
        java.util.Map<String, String> environment = new java.util.HashMap<>(java.util.Map.of(
                "LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs", "LOGGING_STRUCTURED_FORMAT_FILE", "logstash",
                "MANAGEMENT_OTLP_TRACING_ENDPOINT", "http://collector:4318/v1/traces"));
        ServiceProcess.readableLogs(environment);
        assertThat(environment).as("an OTLP endpoint asked for is kept: the stack exports only when asked")
                .containsOnlyKeys("MANAGEMENT_OTLP_TRACING_ENDPOINT");
    }
}
