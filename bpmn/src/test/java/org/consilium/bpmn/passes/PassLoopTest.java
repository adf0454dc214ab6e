package org.consilium.bpmn.passes;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** With an interval of an hour, only a wake-up can start a second pass. */
class PassLoopTest {
    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void aWakeUpStartsAPassWithoutWaitingForTheInterval() {
        AtomicInteger passes = new AtomicInteger();
        Wakeup wakeup = new Wakeup();
        PassLoop loop = new PassLoop("test-pass", passes::incrementAndGet, wakeup, HOUR, Duration.ZERO);
        loop.start();
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> passes.get() == 1);
            wakeup.now();
            await().atMost(Duration.ofSeconds(5)).until(() -> passes.get() == 2);
        } finally {
            loop.stop();
        }
        assertThat(loop.isRunning()).isFalse();
    }

    @Test
    void wakeUpsDuringAPassMakeOneMorePassNotOneEach() throws InterruptedException {
        AtomicInteger passes = new AtomicInteger();
        CountDownLatch inSecondPass = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Wakeup wakeup = new Wakeup();
        PassLoop loop = new PassLoop("test-pass", () -> {
            if (passes.incrementAndGet() == 2) {
                inSecondPass.countDown();
                awaitQuietly(release);
            }
        }, wakeup, HOUR, Duration.ZERO);
        loop.start();
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> passes.get() == 1);
            wakeup.now();
            assertThat(inSecondPass.await(5, TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < 10; i++) {
                wakeup.now();
            }
            release.countDown();
            await().atMost(Duration.ofSeconds(5)).until(() -> passes.get() == 3);
            // and no fourth: the ten wake-ups made one pass, held for a while to be sure
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> passes.get() == 3);
        } finally {
            loop.stop();
        }
    }

    @Test
    void insideATransactionTheWakeUpWaitsForTheCommit() throws InterruptedException {
        Wakeup wakeup = new Wakeup();
        TransactionSynchronizationManager.initSynchronization();
        try {
            wakeup.afterCommit();
            assertThat(wakeup.await(Duration.ofMillis(50))).isFalse();
            TransactionSynchronizationUtils.triggerAfterCommit();
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }
        assertThat(wakeup.await(Duration.ofMillis(50))).isTrue();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
