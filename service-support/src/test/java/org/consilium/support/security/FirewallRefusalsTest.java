package org.consilium.support.security;

import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.security.web.server.MatcherSecurityWebFilterChain;
import org.springframework.security.web.server.WebFilterChainProxy;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/**
 * The security firewall's refusal of a URL (an encoded slash or NUL, found by e2e's HostileInputTest as an
 * empty 400) is the 400 validation problem naming the path, like every other refusal of the URL.
 */
class FirewallRefusalsTest {

    @RestController
    static class Things {
        @GetMapping("/things/{id}")
        String one(@PathVariable String id) {
            return id;
        }
    }

    private final WebTestClient http = WebTestClient.bindToController(new Things()).webFilter(proxy()).build();

    private static WebFilterChainProxy proxy() {
        WebFilterChainProxy proxy = new WebFilterChainProxy(
                new MatcherSecurityWebFilterChain(ServerWebExchangeMatchers.anyExchange(), List.of((exchange, chain) -> chain.filter(exchange))));
        proxy.setExchangeRejectedHandler(new FirewallRefusals(Jackson2ObjectMapperBuilder.json().build()));
        return proxy;
    }

    @Test
    void anEncodedSlashOrNulInThePathIsAValidationProblemNamingThePath() {
        for (String path : List.of("/things/..%2F..%2Fetc", "/things/a%00b")) {
            http.get().uri(URI.create(path)).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.type").isEqualTo("urn:consilium:problem:validation")
                    .jsonPath("$.errors[0].field").isEqualTo("path")
                    .jsonPath("$.errors[0].message").value(message -> org.assertj.core.api.Assertions
                            .assertThat((String) message).contains("potentially malicious"));
        }
    }

    @Test
    void aPlainPathPasses() {
        http.get().uri("/things/a-1").exchange().expectStatus().isOk().expectBody(String.class).isEqualTo("a-1");
    }
}
