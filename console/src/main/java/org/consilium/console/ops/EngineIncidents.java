package org.consilium.console.ops;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.consilium.console.engine.EngineDates;
import org.consilium.console.engine.EngineTasks;
import org.consilium.console.services.ServiceClients.Engine;
import org.consilium.console.services.ServiceProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The engine's open incidents, read and retried over its REST API with the signed-in ops user's token (ops is
 * Camunda's admin group, bpmn {@code CamundaGroups}): the engine checks the authorization and writes the retry in
 * its own user operation log under that user's name, so the console keeps no audit of its own for it.
 */
@Component
public class EngineIncidents {
    private static final Logger log = LoggerFactory.getLogger(EngineIncidents.class);
    static final int SHOWN = 100;
    private static final int PARALLEL_READS = 8;
    private static final String FAILED_JOB = "failedJob";
    private static final String FAILED_EXTERNAL_TASK = "failedExternalTask";

    private final Engine engine;
    private final EngineTasks tasks;

    public EngineIncidents(Engine engine, EngineTasks tasks) {
        this.engine = engine;
        this.tasks = tasks;
    }

    /** The newest open incidents first, each with its case and the gist of its stack trace. */
    public Mono<List<Incident>> open() {
        return engine.client().get()
                .uri(uri -> uri.path("/incident").queryParam("sortBy", "incidentTimestamp").queryParam("sortOrder", "desc")
                        .queryParam("maxResults", SHOWN).build())
                .retrieve().bodyToFlux(EngineIncident.class).collectList()
                .flatMap(found -> tasks.caseIds(found.stream().map(EngineIncident::processInstanceId)
                                .filter(id -> id != null).collect(Collectors.toSet()))
                        .flatMap(cases -> Flux.fromIterable(found)
                                .flatMapSequential(incident -> cause(incident)
                                        .map(cause -> incident.row(cases, cause)), PARALLEL_READS)
                                .collectList()));
    }

    /**
     * Gives each named incident's failed job (or external task) one retry: the engine runs it again and the
     * incident closes when it succeeds. Each incident is read again here, so the form can name nothing but an
     * incident; one that is gone meanwhile (resolved, retried by someone else) is skipped.
     */
    public Flux<String> retry(List<String> incidentIds) {
        return Flux.fromIterable(incidentIds).distinct().concatMap(id -> engine.client().get().uri("/incident/{id}", id)
                .retrieve().bodyToMono(EngineIncident.class)
                .onErrorResume(ServiceProblem.class, gone -> gone.httpStatus() == HttpStatus.NOT_FOUND
                        ? Mono.empty() : Mono.error(gone))
                .flatMap(incident -> switch (incident.incidentType()) {
                    case FAILED_JOB -> retries("/job/{id}/retries", incident);
                    case FAILED_EXTERNAL_TASK -> retries("/external-task/{id}/retries", incident);
                    default -> Mono.empty();
                }));
    }

    private Mono<String> retries(String path, EngineIncident incident) {
        return engine.client().put().uri(path, incident.configuration()).bodyValue(Map.of("retries", 1))
                .retrieve().toBodilessEntity()
                .doOnNext(done -> log.info("incident {} ({} at {}): its {} given one retry", incident.id(),
                        incident.incidentType(), incident.activityId(), incident.configuration()))
                .thenReturn(incident.id());
    }

    private Mono<String> cause(EngineIncident incident) {
        if (!FAILED_JOB.equals(incident.incidentType()) || incident.configuration() == null) {
            return Mono.just("");
        }
        return engine.client().get().uri("/job/{id}/stacktrace", incident.configuration())
                .retrieve().bodyToMono(String.class)
                .map(StackTraceGist::of)
                // the job may have been retried and deleted between the two reads: the message still says why
                .onErrorResume(ServiceProblem.class, unread -> Mono.just(""))
                .defaultIfEmpty("");
    }

    /** The engine's incident as its REST API writes it (the fields the page uses). */
    record EngineIncident(String id, String incidentType, String incidentTimestamp, String processInstanceId,
                          String activityId, String failedActivityId, String configuration, String incidentMessage) {

        Incident row(Map<String, String> cases, String cause) {
            boolean retriable = FAILED_JOB.equals(incidentType) || FAILED_EXTERNAL_TASK.equals(incidentType);
            return new Incident(id, cases.get(processInstanceId), processInstanceId,
                    failedActivityId != null ? failedActivityId : activityId, incidentType,
                    EngineDates.parse(incidentTimestamp).orElse(null),
                    incidentMessage == null ? "" : incidentMessage, cause, retriable && configuration != null);
        }
    }

    /** The failing type and first message line, the innermost cause, and the first frame of Consilium's code. */
    static final class StackTraceGist {
        private static final Pattern CAUSED_BY = Pattern.compile("(?m)^Caused by: (.+)$");
        private static final Pattern OUR_FRAME = Pattern.compile("(?m)^\\s+at (org\\.consilium\\.[^\\s]+)");
        private static final int LINE = 300;

        private StackTraceGist() {
        }

        static String of(String trace) {
            if (trace == null || trace.isBlank()) {
                return "";
            }
            String first = trace.lines().findFirst().orElse("").strip();
            String innermost = null;
            Matcher cause = CAUSED_BY.matcher(trace);
            while (cause.find()) {
                innermost = cause.group(1).strip();
            }
            Matcher frame = OUR_FRAME.matcher(trace);
            StringBuilder gist = new StringBuilder(cut(first));
            if (innermost != null && !innermost.equals(first)) {
                gist.append(" — caused by ").append(cut(innermost));
            }
            if (frame.find()) {
                gist.append(" — at ").append(frame.group(1));
            }
            return gist.toString();
        }

        private static String cut(String line) {
            return line.length() <= LINE ? line : line.substring(0, LINE) + "…";
        }
    }
}
