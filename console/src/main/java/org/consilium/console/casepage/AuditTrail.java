package org.consilium.console.casepage;

import org.consilium.console.language.StaffWords;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.consilium.console.pages.UtcText;
import org.consilium.console.services.ServiceClients.Intake;
import org.consilium.console.services.ServiceClients.Mdt;
import org.consilium.console.services.ServiceClients.Notification;
import org.consilium.console.services.ServiceClients.Records;
import org.consilium.console.services.ServiceProblem;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A case's audit trail across the services that keep one (ADR 11: every service answers
 * {@code GET /cases/{id}/audit[?entity=]} with FHIR AuditEvents for coordinators and ops): who read or decided what,
 * when, and who was refused, newest first. Read with the coordinator's token, joined here, kept nowhere.
 */
@Component
class AuditTrail {
    /** Lines read from each service: the newest of a busy case, enough for a page. */
    private static final int PER_SERVICE = 200;

    private final List<Source> sources;

    AuditTrail(Intake intake, Records records, Mdt mdt, Notification notification) {
        this.sources = List.of(new Source("intake-service", intake.client()), new Source("records-service", records.client()),
                new Source("mdt-scheduler", mdt.client()), new Source("notification-service", notification.client()));
    }

    /** One line of the trail: an AuditEvent in words. */
    record Line(Instant recorded, String service, String who, String roles, String action, String what,
                String description, boolean refused) {
        public String recordedText() {
            return UtcText.of(recorded);
        }

        /** FHIR's action codes in words. */
        public String actionText() {
            return switch (action == null ? "" : action) {
                case "R" -> "read";
                case "C" -> "created";
                case "U" -> "changed";
                case "D" -> "deleted";
                case "E" -> "decided";
                default -> action;
            };
        }
    }

    /** The trail, newest first; and, per service that did not answer, why. */
    record Found(List<Line> lines, List<String> problems) {
        /** The records the trail names (documents, the report, consents...), for "who opened this?". */
        public List<String> entities() {
            return lines.stream().map(Line::what).filter(what -> what != null && what.contains("/")).distinct().sorted().toList();
        }

        public String describe(String entity) {
            return lines.stream().filter(line -> entity.equals(line.what()) && line.description() != null)
                    .map(Line::description).findFirst().orElse(entity);
        }
    }

    Mono<Found> of(String caseId, String entity) {
        return of(caseId, entity, StaffWords.ENGLISH);
    }

    /** The same, a service that did not answer said so in the page's language. */
    Mono<Found> of(String caseId, String entity, StaffWords words) {
        return Flux.fromIterable(sources)
                .flatMap(source -> source.client().get()
                        .uri(uri -> {
                            uri.path("/cases/{id}/audit").queryParam("limit", PER_SERVICE);
                            if (entity != null) {
                                uri.queryParam("entity", "{entity}");
                            }
                            return entity == null ? uri.build(caseId) : uri.build(caseId, entity);
                        })
                        .retrieve().bodyToMono(JsonNode.class)
                        .map(bundle -> new Part(lines(bundle, source.name()), null))
                        .onErrorResume(error -> Mono.just(new Part(List.of(), error instanceof ServiceProblem p
                                ? words.say("service.answered", source.name(), p.status(), p.title())
                                : words.say("service.noAnswer", source.name())))))
                .collectList()
                .map(parts -> {
                    List<Line> lines = new ArrayList<>();
                    List<String> problems = new ArrayList<>();
                    parts.forEach(part -> {
                        lines.addAll(part.lines());
                        if (part.problem() != null) {
                            problems.add(part.problem());
                        }
                    });
                    lines.sort(Comparator.comparing(Line::recorded, Comparator.nullsLast(Comparator.reverseOrder())));
                    return new Found(lines, problems);
                });
    }

    private static List<Line> lines(JsonNode bundle, String service) {
        return StreamSupport.stream(bundle.path("entry").spliterator(), false).map(entry -> entry.path("resource"))
                .map(event -> {
                    JsonNode agent = event.path("agent").path(0);
                    List<String> roles = StreamSupport.stream(agent.path("role").spliterator(), false)
                            .map(role -> role.path("code").asText()).toList();
                    JsonNode entity = event.path("entity").path(0);
                    return new Line(instant(event.path("recorded").asText(null)), service,
                            agent.path("who").path("identifier").path("value").asText(""), String.join(", ", roles),
                            event.path("action").asText(""), entity.path("what").path("reference").asText(null),
                            entity.path("description").asText(""), "4".equals(event.path("outcome").asText()));
                }).toList();
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (java.time.format.DateTimeParseException notAnInstant) {
            return null;
        }
    }

    private record Source(String name, WebClient client) {
    }

    private record Part(List<Line> lines, String problem) {
    }
}
