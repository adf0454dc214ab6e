package org.consilium.stack.heap;

import java.util.List;
import java.util.stream.Stream;

/**
 * How the stack's JVMs size their heaps below their {@code -Xmx} ({@code consilium.stack.heap-sizing}). The JDK's
 * own rule starts every heap at 1/64 of the machine's memory: 384 MB on 24 GiB, the whole {@code -Xmx} of most
 * services, so each service's young generation alone was ~100 MB, and every page of it became resident as
 * allocations cycled through it, whatever the service held. Issue 16 measured the difference on the stack (ADR 35).
 */
public enum HeapSizing {

    /**
     * Starts at 16 MB and grows as the live data needs, with the JDK's headroom (40–70 % free after a full
     * collection): the young generation stays in proportion to what the service holds. Less headroom (10–30 %)
     * took another 90 MB idle off the stack but cost 9 % more start-up CPU and gave the services about four times
     * the full collections under load (docs/benchmarks.md, ADR 35).
     */
    AS_USED(List.of("-Xms16m")),

    /** The JDK's defaults: the initial heap 1/64 of the machine's memory (up to {@code -Xmx}), 40–70 % kept free. */
    JDK(List.of());

    private final List<String> options;

    HeapSizing(List<String> options) {
        this.options = options;
    }

    /** The JVM options that ask for this sizing; none for the JDK's own. */
    public List<String> options() {
        return options;
    }

    /**
     * What the stack's child JVMs (services, Kafka nodes) all run with: a bounded heap sized this way; the serial
     * collector and C1 only, which start fastest and use least memory for small heaps on a small machine; and an end
     * on running out of memory (a JVM that did is better dead, and restarted by the supervisor, than limping).
     */
    public List<String> childJvmOptions(String maxHeap) {
        return Stream.of(List.of("-Xmx" + maxHeap), options,
                        List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError"))
                .flatMap(List::stream).toList();
    }
}
