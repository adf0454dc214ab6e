package org.consilium.console;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The time the pages measure clocks against; a bean, so a test can fix it. */
@Configuration(proxyBeanMethods = false)
class ConsoleClock {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
