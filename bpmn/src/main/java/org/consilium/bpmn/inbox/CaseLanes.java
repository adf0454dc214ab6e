package org.consilium.bpmn.inbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Works through one pass's inbox rows with a lane per case: a case's rows one after another in arrival order, the
 * cases side by side on a bounded pool (issue 16). One correlator thread made every case wait for every other case's
 * transaction (start, triage and first task of a new case, each commit's write to disk), so under load the engine's
 * hop became the queue. Cases are independent process instances, as they already are across two engine nodes (the
 * row claim is {@code FOR UPDATE SKIP LOCKED}); order matters only within a case. With one thread the rows run on
 * the caller's thread, as before.
 */
final class CaseLanes implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CaseLanes.class);

    private final ExecutorService pool;

    CaseLanes(int threads) {
        AtomicInteger number = new AtomicInteger();
        this.pool = threads <= 1 ? null : Executors.newFixedThreadPool(threads, work -> {
            Thread thread = new Thread(work, "inbox-correlator-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Applies every row, each case's in the order given, and returns once all are done (the next pass sees them). */
    void run(List<InboxEntry> rows, Consumer<InboxEntry> apply) {
        if (pool == null || rows.size() < 2) {
            rows.forEach(apply);
            return;
        }
        Map<String, List<InboxEntry>> byCase = new LinkedHashMap<>();
        rows.forEach(row -> byCase.computeIfAbsent(row.caseId(), caseId -> new ArrayList<>()).add(row));
        List<Future<?>> lanes = new ArrayList<>(byCase.size());
        byCase.values().forEach(ofCase -> lanes.add(pool.submit(() -> ofCase.forEach(apply))));
        for (Future<?> lane : lanes) {
            try {
                lane.get();
            } catch (ExecutionException failed) { // apply handles its own failures; this is a defect, logged
                log.error("an inbox lane failed; its rows stay pending for the next pass", failed.getCause());
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Lets the lanes finish the rows they hold (each commits or rolls back), then ends their threads. */
    @Override
    public void close() {
        if (pool == null) {
            return;
        }
        pool.shutdown();
        try {
            if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException interrupted) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
