package org.consilium.stack;

import java.util.Arrays;

import org.consilium.stack.services.ServiceCatalog;

/** What {@code --help} prints: everything can be configured, nothing has to be. */
final class Usage {

    private Usage() {
    }

    static boolean requested(String[] args) {
        return Arrays.stream(args).anyMatch(arg -> arg.equals("--help") || arg.equals("-h"));
    }

    static String text() {
        return """
                Consilium stack: a Kafka broker (KRaft), MongoDB's wire protocol (mongo-java-server on an H2 file),
                an SMTP server with an HTTP API (GreenMail), PostgreSQL for the engine and every Consilium service as its own JVM, in one command.

                Usage: java -jar stack/target/stack-exec.jar [--consilium.stack.<option>=<value> ...]
                Run it from the repository root after `mvn -B package -DskipTests`. Stop it with Ctrl-C.
                Without an -Xmx of yours the stack runs in a child JVM with -Xmx512m (its heap is always bounded).

                Options (or as environment variables, e.g. CONSILIUM_STACK_PORT_OFFSET=1000):
                  --consilium.stack.data-dir=./data     all state: Kafka log, MongoDB file, engine database, logs.
                                                        Stop and start again on it to continue every case.
                  --consilium.stack.home=.              the repository root, holding <module>/target/<module>-exec.jar
                  --consilium.stack.port-offset=0       added to every port: Kafka 9092 and 9093, MongoDB 27017,
                                                        SMTP 3025, mail API 8025, PostgreSQL 5432, services 8080-8084,
                                                        console 8090, identity provider 9000; keep
                                                        them below 32768 (outgoing connections' range)
                  --consilium.stack.services=%s
                                                        which services to launch (default: all);
                                                        an empty value starts the infrastructure only
                  --consilium.stack.ready-timeout=180s  how long the services get to report ready
                  --consilium.stack.stop-timeout=30s    how long they get to shut down before they are killed
                  --consilium.stack.unpack-jars=true    run the services from their jars unpacked once per build
                                                        (beside them, ~100 MB each): about half the CPU per start
                  --consilium.stack.engine-database=postgres
                                                        the engine's database: PostgreSQL 17 run by the stack on
                                                        5432 (data in <data-dir>/engine-postgres), or h2 (a file;
                                                        the default for a data dir whose engine is in H2 already)
                  --consilium.stack.brokers=1           Kafka nodes: 1 (in the stack's JVM) or 3 (each its own JVM,
                                                        also on 9094/9095 and 9096/9097, replication factor 3,
                                                        min.insync.replicas 2; a killed node is restarted).
                                                        A data dir keeps the layout it was made with
                """.formatted(String.join(",", ServiceCatalog.names()));
    }
}
