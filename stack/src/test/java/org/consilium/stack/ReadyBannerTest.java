package org.consilium.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.consilium.stack.engine.EngineDatabase;
import org.consilium.stack.heap.HeapSizing;
import org.consilium.stack.services.ServiceCatalog;
import org.junit.jupiter.api.Test;

class ReadyBannerTest {

    @Test
    void startsWithTheReadyLineAndListsWhereEverythingIs() {
        StackProperties properties = new StackProperties("/tmp/data", "/tmp", 0, null,
                Duration.ofSeconds(180), Duration.ofSeconds(30), true, EngineDatabase.POSTGRES, 1, 1, HeapSizing.AS_USED);

        String banner = ReadyBanner.render(properties, ServiceCatalog.ALL, Duration.ofMillis(41_200),
                Duration.ofMillis(43_000));

        assertThat(banner.lines().findFirst()).contains("Consilium is ready");
        assertThat(banner).contains(
                "http://localhost:8080/camunda/app/cockpit/default/",
                "http://localhost:8080/camunda/app/tasklist/default/",
                "sign in as cora.nolan",
                "http://localhost:8080/engine-rest",
                "http://localhost:8084/swagger-ui.html",
                "http://localhost:8090/  (coordinators: sign in as cora.nolan",
                "http://localhost:8090/actuator/prometheus",
                "http://localhost:9000/.well-known/openid-configuration",
                "http://localhost:9000/actuator/prometheus",
                "http://localhost:8082/actuator/prometheus",
                "http://localhost:8025/api/user/<email>/messages/",
                "localhost:9092",
                "mongodb://localhost:27017",
                "PostgreSQL jdbc:postgresql://localhost:5432/engine  (user engine, password in /tmp/data/secrets/engine_db_password)",
                "/tmp/data",
                "41.2 s");
        assertThat(banner).doesNotContain("http://localhost:9000/swagger-ui.html", "http://localhost:8090/swagger-ui.html");
    }

    @Test
    void namesEveryKafkaNodeAndTheReplicationOfAThreeBrokerStack() {
        StackProperties properties = new StackProperties("/tmp/data", "/tmp", 0, null,
                Duration.ofSeconds(180), Duration.ofSeconds(30), true, EngineDatabase.POSTGRES, 1, 3, HeapSizing.AS_USED);

        String banner = ReadyBanner.render(properties, List.of(), Duration.ofSeconds(30), Duration.ofSeconds(31));

        assertThat(banner).contains("localhost:9092,localhost:9094,localhost:9096  (3 brokers, each its own JVM; "
                + "replication factor 3, min.insync.replicas 2)");
    }
}
