package org.consilium.records;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples the heap while something runs: the peak of "used" (live data plus garbage not yet
 * collected) and the peak of what the pools held right after a collection (close to the live set).
 * A measurement to report, never to assert on.
 */
final class HeapSampler implements AutoCloseable {
    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).toList();
    private final AtomicLong peakUsed = new AtomicLong();
    private final AtomicLong peakAfterGc = new AtomicLong();
    private final long baselineAfterGc;
    private final Thread thread;
    private volatile boolean running = true;

    HeapSampler() {
        System.gc();
        baselineAfterGc = afterGc();
        thread = new Thread(() -> {
            while (running) {
                peakUsed.accumulateAndGet(used(), Math::max);
                peakAfterGc.accumulateAndGet(afterGc(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private long used() {
        return heapPools.stream().map(MemoryPoolMXBean::getUsage).mapToLong(MemoryUsage::getUsed).sum();
    }

    private long afterGc() {
        return heapPools.stream().map(MemoryPoolMXBean::getCollectionUsage)
                .mapToLong(u -> u == null ? 0 : u.getUsed()).sum();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join();
    }

    String report() {
        return String.format("heap used peak %d MiB (incl. garbage), after-GC peak +%d MiB over a %d MiB baseline, max heap %d MiB",
                peakUsed.get() >> 20, (peakAfterGc.get() - baselineAfterGc) >> 20, baselineAfterGc >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
    }
}
