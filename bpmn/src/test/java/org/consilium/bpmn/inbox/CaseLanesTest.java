package org.consilium.bpmn.inbox;

import org.consilium.events.MessageType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class CaseLanesTest {

    @Test
    void aSlowCaseDoesNotHoldUpTheOthers() {
        CountDownLatch otherCaseApplied = new CountDownLatch(1);
        List<String> applied = new CopyOnWriteArrayList<>();
        try (CaseLanes lanes = new CaseLanes(2)) {
            lanes.run(List.of(row("slow", 1), row("quick", 2)), row -> {
                if (row.caseId().equals("slow")) {
                    // one thread for all cases would wait here for good (the latch's timeout makes the test fail)
                    awaitQuietly(otherCaseApplied);
                    applied.add(row.caseId());
                } else {
                    // recorded before the slow case is let go: counted down first, the woken slow case could
                    // record itself before this one does (it did once in CI)
                    applied.add(row.caseId());
                    otherCaseApplied.countDown();
                }
            });
        }
        assertThat(applied).containsExactly("quick", "slow");
    }

    @Test
    void aCasesRowsKeepTheirOrderAndAllAreDoneOnReturn() {
        Map<String, List<Long>> seen = new ConcurrentHashMap<>();
        List<InboxEntry> rows = List.of(row("a", 1), row("b", 2), row("a", 3), row("c", 4), row("b", 5), row("a", 6));
        try (CaseLanes lanes = new CaseLanes(3)) {
            lanes.run(rows, row -> seen.computeIfAbsent(row.caseId(), c -> new CopyOnWriteArrayList<>()).add(row.seq()));
        }
        assertThat(seen).containsOnly(Map.entry("a", List.of(1L, 3L, 6L)), Map.entry("b", List.of(2L, 5L)),
                Map.entry("c", List.of(4L)));
    }

    @Test
    void oneThreadRunsOnTheCallersThread() {
        Thread caller = Thread.currentThread();
        List<Thread> ran = new CopyOnWriteArrayList<>();
        try (CaseLanes lanes = new CaseLanes(1)) {
            lanes.run(List.of(row("a", 1), row("b", 2)), row -> ran.add(Thread.currentThread()));
        }
        assertThat(ran).containsOnly(caller);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            assertThat(latch.await(5, TimeUnit.SECONDS)).as("the other case applied meanwhile").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static InboxEntry row(String caseId, long seq) {
        Instant now = Instant.now();
        return new InboxEntry("env-" + seq, seq, caseId, MessageType.RECORDS_COMPLETED, "test", now, null, "{}", now,
                InboxStatus.PENDING, 0, 0, now, now, null, null);
    }
}
