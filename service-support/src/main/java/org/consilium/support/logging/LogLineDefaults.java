package org.consilium.support.logging;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * The readable log line's case field, {@code [case=<id>]} after the level. Set here, before the logging system
 * starts: consilium-service-defaults.properties is read too late for logging (its line there never showed).
 * Lowest precedence, so a service's or the environment's {@code logging.pattern.level} wins.
 */
public class LogLineDefaults implements EnvironmentPostProcessor {
    static final String SOURCE = "consilium-log-line-defaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE,
                Map.of("logging.pattern.level", "%5p [case=%X{" + CaseInLogs.MDC_KEY + ":-}]")));
    }
}
