package org.consilium.console.reportdesk;

import org.consilium.console.language.StaffWords;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.consilium.console.cases.CaseHeader;
import org.consilium.console.cases.IntakeCases;
import org.consilium.console.engine.EngineTasks;
import org.consilium.console.services.ServiceClients.Engine;
import org.consilium.console.services.ServiceClients.Mdt;
import org.consilium.console.services.ServiceProblem;
import org.consilium.console.work.WorkSource;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The coordinator's QA of reports, through mdt-scheduler's report desk with the user's token: which reports wait
 * (joined at request time, ADR 16: the cases whose process waits for {@code ReportReleased}, each report from
 * mdt-scheduler, each case from intake; mdt-scheduler has no list of reports), one case's report with its versions,
 * an edit (a new version, checked against the version it started from), approve and release of the version read.
 */
@Component
public class ReportDesk implements WorkSource {
    static final String STALE_VERSION = "urn:consilium:problem:stale-report-version";
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

    @Override
    public String name() {
        return "reports";
    }

    @Override
    public String service() {
        return "mdt-scheduler";
    }

    @Override
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
        Mono<Optional<CaseHeader>> header = intake.header(caseId).map(Optional::of)
                .onErrorResume(unreadable -> Mono.just(Optional.empty()));
        return report(caseId).zipWith(header, ReportRow::new);
    }

    /** The case's report, every version with it (mdt-scheduler: 404 no review, 409 not concluded yet). */
    public Mono<ReportState> report(String caseId) {
        return mdt.client().get().uri("/reviews/{caseId}/report", caseId).retrieve().bodyToMono(ReportState.class);
    }

    /**
     * The case page's report section: the versions, the diff of {@code from} → {@code to} (by default the previous
     * version → the current one; after a conflicting edit, the version typed on → the one saved meanwhile), the edit
     * form (as typed when {@code attempt} was refused).
     */
    public Mono<ReportSection> section(String caseId, Integer from, Integer to, Optional<ReportEditAttempt> attempt) {
        return section(caseId, from, to, attempt, StaffWords.ENGLISH);
    }

    /** The same, why there is no report said in the page's language. */
    public Mono<ReportSection> section(String caseId, Integer from, Integer to, Optional<ReportEditAttempt> attempt,
                                       StaffWords words) {
        return report(caseId).map(report -> section(report, from, to, attempt))
                .onErrorResume(ServiceProblem.class, problem -> problem.status() == 404 || problem.status() == 409
                        ? Mono.just(ReportSection.none(words.say("report.none")))
                        : Mono.just(ReportSection.none(words.say("service.answered", "mdt-scheduler", problem.status(), problem.title())
                        + (problem.detail().isBlank() ? "" : " — " + problem.detail()))))
                .onErrorResume(error -> !(error instanceof ServiceProblem),
                        unreachable -> Mono.just(ReportSection.none(words.say("report.unreachable"))));
    }

    public static ReportSection section(ReportState report, Integer from, Integer to, Optional<ReportEditAttempt> attempt) {
        int current = report.current().number();
        Integer meanwhile = attempt.map(ReportEditAttempt::savedMeanwhile).orElse(null);
        int defaultFrom = meanwhile != null && attempt.get().sent().basedOnVersion() != null
                ? attempt.get().sent().basedOnVersion() : current - 1;
        ReportDiff diff = report.history().size() < 2 ? null : report.version(from == null ? defaultFrom : from)
                .flatMap(before -> report.version(to == null ? current : to).map(after -> ReportDiff.of(before, after)))
                .orElseGet(() -> ReportDiff.of(report.version(current - 1).orElseThrow(), report.current()));
        ReportEdit edit = attempt.map(ReportEditAttempt::sent)
                // after a conflict the text typed is saved over the version now seen, once the coordinator has read it
                .map(sent -> meanwhile != null ? sent.basedOn(current) : sent)
                .orElseGet(() -> ReportEdit.startingFrom(report.current()));
        return new ReportSection(report, "", diff, edit, attempt.map(ReportEditAttempt::fieldErrors).orElse(Map.of()),
                attempt.map(ReportEditAttempt::refusal).filter(r -> r != null).orElse(""), meanwhile);
    }

    /**
     * A coordinator's edit: the next version, written by {@code username}, refused by mdt-scheduler when another
     * version was saved since {@code edit.basedOnVersion()}. The detailed comparison is carried over from that version.
     */
    public Mono<ReportState> revise(String caseId, ReportEdit edit, String username) {
        if (edit.basedOnVersion() == null) {
            return Mono.error(new ServiceProblem(400, "urn:consilium:problem:validation", "Invalid request content",
                    "basedOnVersion: the version the edit starts from is missing or not a number",
                    Map.of("basedOnVersion", "must be the number of the version the edit starts from")));
        }
        return report(caseId).flatMap(report -> {
            ReportState.Comparison comparison = report.version(edit.basedOnVersion())
                    .map(v -> v.sections().comparison()).orElse(report.current().sections().comparison());
            return mdt.client().put().uri("/reviews/{caseId}/report", caseId).bodyValue(edit.request(username, comparison))
                    .retrieve().bodyToMono(ReportState.class);
        });
    }

    /** Approve the current version, or release the approved one: only if it is {@code version}, the one shown. */
    public Mono<Void> act(String caseId, String step, Integer version, String username) {
        if (!"approve".equals(step) && !"release".equals(step)) {
            return Mono.error(new IllegalArgumentException("no such step: " + step));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("coordinator", username);
        body.put("version", version);
        return mdt.client().post().uri("/reviews/{caseId}/report/" + step, caseId).bodyValue(body)
                .retrieve().toBodilessEntity().then();
    }

    record Subscription(String processInstanceId) {
    }
}
