package org.consilium.console.reportdesk;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.consilium.console.cases.IntakeCases;
import org.consilium.console.engine.EngineTasks;
import org.consilium.console.services.ServiceClients.Engine;
import org.consilium.console.services.ServiceClients.Mdt;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The reports waiting for a coordinator's QA, joined at request time (ADR 16): the cases whose process waits for
 * {@code ReportReleased} (the engine's message subscriptions), each report's state from mdt-scheduler, each case from
 * intake. mdt-scheduler has no list of reports; the process knows which cases wait on one.
 */
@Component
public class ReportDesk {
    private static final int READS_AT_ONCE = 4;

    private final Engine engine;
    private final EngineTasks tasks;
    private final Mdt mdt;
    private final IntakeCases intake;

    ReportDesk(Engine engine, EngineTasks tasks, Mdt mdt, IntakeCases intake) {
        this.engine = engine;
        this.tasks = tasks;
        this.mdt = mdt;
        this.intake = intake;
    }

    public Mono<List<ReportRow>> waiting() {
        return engine.client().get()
                .uri(uri -> uri.path("/event-subscription").queryParam("eventName", "ReportReleased")
                        .queryParam("eventType", "message").build())
                .retrieve().bodyToFlux(Subscription.class)
                .map(Subscription::processInstanceId).filter(id -> id != null).distinct().collectList()
                .flatMap(tasks::caseIds)
                .flatMapMany(byInstance -> Flux.fromIterable(new TreeSet<>(byInstance.values())))
                .flatMapSequential(this::row, READS_AT_ONCE)
                .filter(row -> row.report().awaitsApproval() || row.report().awaitsRelease())
                .collectList();
    }

    private Mono<ReportRow> row(String caseId) {
        Mono<Optional<org.consilium.console.cases.CaseHeader>> header = intake.header(caseId).map(Optional::of)
                .onErrorResume(unreadable -> Mono.just(Optional.empty()));
        return mdt.client().get().uri("/reviews/{caseId}/report", caseId).retrieve().bodyToMono(ReportState.class)
                .zipWith(header, ReportRow::new);
    }

    /** Approve or release the current version, as the signed-in coordinator (mdt-scheduler records who). */
    public Mono<Void> act(String caseId, String step, String username) {
        if (!"approve".equals(step) && !"release".equals(step)) {
            return Mono.error(new IllegalArgumentException("no such step: " + step));
        }
        return mdt.client().post().uri("/reviews/{caseId}/report/" + step, caseId).bodyValue(Map.of("coordinator", username))
                .retrieve().toBodilessEntity().then();
    }

    record Subscription(String processInstanceId) {
    }
}
