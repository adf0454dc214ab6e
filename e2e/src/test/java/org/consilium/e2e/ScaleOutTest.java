package org.consilium.e2e;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

/**
 * Issue 17's layout under faults: two JVMs of every domain service and two engine nodes (the stack's
 * {@code --consilium.stack.replicas=2}, each service's port a proxy in front of its two) on a three-node Kafka
 * cluster ({@code --consilium.stack.brokers=3}: replication factor 3, {@code min.insync.replicas} 2), cases driven
 * through every stage while one replica of each, the second engine node included, and then one Kafka node are killed
 * with -9 in turn. Afterwards the fault suite's counts: every acknowledged write there, every case ended or waiting
 * for someone the platform names, no mail twice, no event applied twice, no server error. Before the kills, a
 * coordinator signs in to Tasklist with every request on a new connection, so on both engine nodes. {@code -Dscaleout.cases=N}
 * drives more people at once.
 */
@Order(1) // its own stack, on the ports the journeys' shared stack takes later (junit-platform.properties)
class ScaleOutTest {
    private static final int CASES = Integer.getInteger("scaleout.cases", 10);
    private static final Duration PAUSE = Duration.ofSeconds(Integer.getInteger("scaleout.pause-seconds", 8));

    @Test
    void twoOfEveryServiceLoseNothingAndDoNothingTwiceWhileOneOfEachIsKilled() throws Exception {
        FaultSuiteTest.run(new FaultSuiteTest.FaultRun("scale-out", CASES,
                Map.of("CONSILIUM_STACK_REPLICAS", "2", "CONSILIUM_STACK_BROKERS", "3"), faults -> {
                    // a coordinator in Tasklist, each request on a new connection: the proxy alternates the engine
                    // nodes, so her login and session hold only because they are in the engine's database (ADR 31)
                    WebappSignInTest.aCoordinatorSignsInToTasklist(new WebappSignInTest.Browser(true));
                    faults.killReplicas(2, PAUSE);
                    faults.killBroker(2, PAUSE);
                }, 1));
    }
}
