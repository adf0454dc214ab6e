package org.consilium.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a run of cases cost each part of a stack in core-seconds per case, from {@link RunningStack#cpuSecondsByPart}
 * taken before the cases, after them, and after as long again with no case: that idle span is the baseline (a part's
 * polls, metrics and consumers cost CPU with nothing to do), subtracted from what the part spent during the cases.
 */
record CpuPerCase(Map<String, Double> before, Map<String, Double> afterCases, Map<String, Double> afterIdle, int cases) {
    static final double SECONDS_A_DAY = 86_400;

    /**
     * The cost of the cases just run: each part's CPU now, then again after as long as they took ({@code busy}) with
     * nothing to do. That second span is a measured stretch of idle time, not a wait for a state, hence a sleep.
     */
    static CpuPerCase measured(RunningStack stack, Map<String, Double> before, java.time.Duration busy, int cases)
            throws InterruptedException {
        Map<String, Double> afterCases = stack.cpuSecondsByPart();
        Thread.sleep(busy.toMillis());
        return new CpuPerCase(before, afterCases, stack.cpuSecondsByPart(), cases);
    }

    double total() {
        return afterCases.keySet().stream().mapToDouble(this::perCase).sum();
    }

    double perCase(String part) {
        double busy = afterCases.get(part) - before.getOrDefault(part, 0.0);
        return Math.max(0, busy - idle(part)) / cases;
    }

    private double idle(String part) {
        return afterIdle.getOrDefault(part, 0.0) - afterCases.get(part);
    }

    /** One line per part: busy and idle core-seconds, per case, and the cases a core carries a day; then the sum. */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("%-36s %10s %10s %12s %16s".formatted("part", "busy cs", "idle cs", "cs per case", "cases/day/core"));
        for (String part : afterCases.keySet()) {
            double perCase = perCase(part);
            lines.add("%-36s %10.1f %10.1f %12.3f %16s".formatted(part, afterCases.get(part) - before.getOrDefault(part,
                    0.0), idle(part), perCase, perCase < 0.005 ? "-" : "%,.0f".formatted(SECONDS_A_DAY / perCase)));
        }
        lines.add("%-36s %10s %10s %12.3f %16s".formatted("all", "", "", total(), "%,.0f".formatted(SECONDS_A_DAY / total())));
        return lines;
    }
}
