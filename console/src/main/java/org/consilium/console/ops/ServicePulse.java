package org.consilium.console.ops;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import org.consilium.console.ConsoleProperties;
import org.consilium.console.services.ServiceClients.Engine;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Each service's own account of its backlog, read from its {@code /actuator/prometheus} with the signed-in ops user's
 * token (the actuator is ops-only in every service): events waiting in its outbox and the oldest one's age, messages
 * parked until the event they need comes (ADR 24), and for the engine its inbox (pending, expired, dead) and open
 * incidents. A service that does not answer is shown as such, with why: the page is the first place ops look when
 * a case is late.
 */
@Component
public class ServicePulse {
    private static final Duration CALL = Duration.ofSeconds(5);

    private final WebClient http;
    private final Map<String, URI> services;

    ServicePulse(Engine engine, ConsoleProperties properties) {
        // the engine's client relays the user's token like every other; the calls below name whole URLs
        this.http = engine.client();
        this.services = new LinkedHashMap<>();
        services.put("bpmn", properties.engineUrl());
        services.put("intake-service", properties.intakeUrl());
        services.put("records-service", properties.recordsUrl());
        services.put("mdt-scheduler", properties.mdtUrl());
        services.put("notification-service", properties.notificationUrl());
    }

    /** What one service says of its backlog; {@code down} says why it could not be read, else null. */
    public record Row(String service, String down, long outboxPending, long outboxOldestSeconds, long parked,
               long parkedOldestSeconds, long inboxPending, long inboxDead, long inboxExpired, long incidents,
               boolean engine) {

        public boolean behind() {
            return down != null || outboxOldestSeconds >= 60 || parkedOldestSeconds >= 600 || inboxDead > 0
                    || inboxExpired > 0 || incidents > 0;
        }
    }

    Mono<List<Row>> all() {
        return Flux.fromIterable(services.entrySet())
                .flatMapSequential(service -> read(service.getKey(), service.getValue()))
                .collectList();
    }

    private Mono<Row> read(String service, URI root) {
        return http.get().uri(URI.create(root.toString().replaceAll("/+$", "") + "/actuator/prometheus"))
                // line by line, keeping only ours: the engine's whole exposition is over the decoder's 256 KB buffer
                .accept(MediaType.TEXT_PLAIN).retrieve().bodyToFlux(String.class)
                .filter(line -> line.startsWith("consilium_")).collectList()
                .timeout(CALL)
                .map(lines -> row(service, PrometheusText.parse(String.join("\n", lines))))
                .onErrorResume(failed -> Mono.just(new Row(service, why(failed), 0, 0, 0, 0, 0, 0, 0, 0,
                        service.equals("bpmn"))));
    }

    private static Row row(String service, List<PrometheusText.Sample> samples) {
        return new Row(service, null,
                sum(samples, "consilium_outbox_pending", any()),
                max(samples, "consilium_outbox_oldest_age_seconds"),
                sum(samples, "consilium_parked_messages", any()),
                max(samples, "consilium_parked_oldest_age_seconds"),
                sum(samples, "consilium_inbox_events", status("pending")),
                sum(samples, "consilium_inbox_events", status("dead")),
                sum(samples, "consilium_inbox_events", status("expired")),
                sum(samples, "consilium_engine_incidents_open", any()),
                service.equals("bpmn"));
    }

    private static Predicate<PrometheusText.Sample> any() {
        return sample -> true;
    }

    private static Predicate<PrometheusText.Sample> status(String status) {
        return sample -> status.equals(sample.labels().get("status"));
    }

    private static long sum(List<PrometheusText.Sample> samples, String name, Predicate<PrometheusText.Sample> which) {
        return Math.round(samples.stream().filter(s -> s.name().equals(name)).filter(which)
                .mapToDouble(PrometheusText.Sample::value).sum());
    }

    private static long max(List<PrometheusText.Sample> samples, String name) {
        return Math.round(samples.stream().filter(s -> s.name().equals(name))
                .mapToDouble(PrometheusText.Sample::value).max().orElse(0));
    }

    private static String why(Throwable failed) {
        String message = failed.getMessage();
        return failed instanceof TimeoutException ? "no answer within " + CALL.toSeconds() + " s"
                : message == null ? failed.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }
}
