package org.consilium.console.ops;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long a case may stay in a stage before ops sees it as stuck ({@code consilium.console.stuck-after}, per stage as
 * intake names it). The defaults are the engine's own clocks for routine cases (bpmn {@code consilium.clock}), so a case
 * shows here when its process's watch has fired: a stage with no target is never stuck (a delivered report, a
 * declined or withdrawn case).
 */
@ConfigurationProperties("consilium.console")
public record StageTargets(Map<String, Duration> stuckAfter) {

    public StageTargets {
        stuckAfter = stuckAfter == null ? Map.of() : Map.copyOf(stuckAfter);
    }
}
