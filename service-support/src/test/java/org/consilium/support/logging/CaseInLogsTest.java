package org.consilium.support.logging;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.http.server.PathContainer;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;

class CaseInLogsTest {
    private final WebTestClient http = WebTestClient.bindToController(new Echo()).webFilter(new CaseInLogs()).build();

    /** Answers with the MDC's case id as seen on another thread than the one the request arrived on. */
    @RestController
    static class Echo {
        @GetMapping({"/cases/{id}/documents", "/reviews/{id}", "/deliveries"})
        Mono<String> caseInMdc() {
            return Mono.fromCallable(() -> String.valueOf(MDC.get(CaseInLogs.MDC_KEY)))
                    .subscribeOn(Schedulers.boundedElastic());
        }
    }

    @BeforeAll
    static void automaticPropagation() { // what spring.reactor.context-propagation=auto does in a service
        Hooks.enableAutomaticContextPropagation();
    }

    @AfterAll
    static void off() {
        Hooks.disableAutomaticContextPropagation();
    }

    @Test
    void theRequestsCaseIsInTheMdcOnEveryThreadItRunsOn() {
        http.get().uri("/cases/case-42/documents").exchange().expectBody(String.class).isEqualTo("case-42");
        http.get().uri("/reviews/lung-7").exchange().expectBody(String.class).isEqualTo("lung-7");
        http.get().uri("/deliveries").exchange().expectBody(String.class).isEqualTo("null");
    }

    @Test
    void onlyAnIdShapedSegmentIsTaken() {
        assertThat(CaseInLogs.caseOf(PathContainer.parsePath("/cases/case-1"))).contains("case-1");
        assertThat(CaseInLogs.caseOf(PathContainer.parsePath("/cases/a%0Ab"))).isEmpty();
        assertThat(CaseInLogs.caseOf(PathContainer.parsePath("/cases"))).isEmpty();
    }
}
