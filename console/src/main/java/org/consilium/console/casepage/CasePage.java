package org.consilium.console.casepage;

import org.consilium.console.language.StaffWords;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.consilium.console.cases.IntakeCases;
import org.consilium.console.engine.EngineTasks;
import org.consilium.console.engine.OpenTask;
import org.consilium.console.deliveries.Deliveries;
import org.consilium.console.reportdesk.ReportDesk;
import org.consilium.console.reportdesk.ReportSection;
import org.consilium.console.services.ServiceProblem;
import org.consilium.console.taskform.Attempt;
import org.consilium.console.taskform.TaskCompletion;
import org.consilium.console.taskform.TaskFormDefinitions;
import org.consilium.console.taskform.TaskForms;
import org.consilium.console.upload.StaffUploads;
import org.consilium.console.worklist.TimeLeft;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.consilium.console.caseview.CaseView;
import org.consilium.console.caseview.CaseViewStore;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

/**
 * One case: its header from intake, and each open task from the engine with its clock, its own form (from the model's
 * form declaration) and the context its decision needs (the checklist from records-service, the request from intake);
 * the records (checklist, documents, waivers, the override, uploads on the patient's behalf) and the upload links.
 * Rendered after a refused submission too, with what was sent and what was wrong, so nothing typed is lost.
 */
@Component
public class CasePage {
    private final IntakeCases intake;
    private final EngineTasks engine;
    private final TaskFormDefinitions definitions;
    private final TaskCompletion completion;
    private final RecordsChecklist records;
    private final ReportDesk reportDesk;
    private final Deliveries deliveries;
    private final Clock clock;
    private final CaseViewStore readModel;
    private final RecordsDesk recordsDesk;
    private final StaffUploads uploads;
    private final PanelDesk panelDesk;

    CasePage(IntakeCases intake, EngineTasks engine, TaskFormDefinitions definitions, TaskCompletion completion,
             RecordsChecklist records, ReportDesk reportDesk, Deliveries deliveries, Clock clock, CaseViewStore readModel,
             RecordsDesk recordsDesk, StaffUploads uploads, PanelDesk panelDesk) {
        this.panelDesk = panelDesk;
        this.readModel = readModel;
        this.recordsDesk = recordsDesk;
        this.uploads = uploads;
        this.intake = intake;
        this.engine = engine;
        this.definitions = definitions;
        this.completion = completion;
        this.records = records;
        this.reportDesk = reportDesk;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    public Mono<Rendering> render(String caseId, CasePageRequest request) {
        return render(caseId, request, StaffWords.ENGLISH);
    }

    /** The page, what the console says on it in {@code words}' language. */
    public Mono<Rendering> render(String caseId, CasePageRequest request, StaffWords words) {
        Optional<Attempt> attempt = request.task();
        String done = request.done();
        String refused = request.refused();
        // the report and the emails come from their own services: one that does not answer leaves its section saying so
        Mono<ReportSection> report = reportDesk.section(caseId, request.diffFrom(), request.diffTo(), request.reportEdit(), words);
        Mono<Object> emails = deliveries.ofCase(caseId).<Object>map(found -> found)
                .onErrorResume(error -> Mono.just(unanswered(words, "notification-service", error, null)));
        // the checklist stands on the page (issue 13), not only beside a records task: one read per view, on records'
        // trail under the coordinator's name; the links too (records lists them, never their tokens)
        Mono<Object> checklist = records.of(caseId).<Object>map(found -> found)
                .onErrorResume(error -> Mono.just(unanswered(words, "records-service", error, words.say("case.records.notYet"))));
        Mono<Object> links = recordsDesk.links(caseId).<Object>map(found -> found)
                .onErrorResume(error -> Mono.just(unanswered(words, "records-service", error, words.say("case.links.notYet"))));
        // the panel from mdt-scheduler: which opinions are in, never what they say (PanelFile reads no opinion)
        Mono<Object> panel = panelDesk.review(caseId).<Object>map(found -> found)
                .onErrorResume(error -> Mono.just(error instanceof ServiceProblem problem && problem.status() == 409
                        ? words.say("case.panel.none", problem.detail())
                        : unanswered(words, "mdt-scheduler", error, words.say("case.panel.notYet"))));
        Mono<List<TaskCard>> cards = engine.ofCase(caseId).flatMapSequential(task -> card(task, attempt, words)).collectList();
        return Mono.zip(intake.header(caseId), cards, report, emails, checklist, links, panel).flatMap(found -> {
            List<TaskCard> tasks = found.getT2();
            boolean attemptShown = attempt.map(a -> tasks.stream().anyMatch(card -> card.task().id().equals(a.taskId())))
                    .orElse(false);
            Object records = found.getT5();
            return triaged(tasks).map(triaged -> Rendering.view("case")
                    .status(HttpStatusCode.valueOf(request.status()))
                    .modelAttribute("report", found.getT3())
                    .modelAttribute("reportDone", request.reportDone() == null ? "" : clip(request.reportDone()))
                    .modelAttribute("reportRefused", request.reportRefused() == null ? "" : clip(request.reportRefused()))
                    .modelAttribute("emails", found.getT4() instanceof List<?> ? found.getT4() : List.of())
                    .modelAttribute("emailsProblem", found.getT4() instanceof String text ? text : "")
                    .modelAttribute("caseFile", found.getT1())
                    // every event of the case across the services, from the read model (ADR 18); its store out of
                    // reach leaves the section saying so, not the page down
                    .modelAttribute("timeline", readModel.find(caseId).map(CaseView::timeline)
                            .map(Optional::of).defaultIfEmpty(Optional.of(List.of()))
                            .onErrorReturn(Optional.empty()))
                    .modelAttribute("tasks", tasks)
                    .modelAttribute("triagedUrgency", triaged)
                    // a null model attribute is left out: the template tests for its absence
                    .modelAttribute("checklist", records instanceof Checklist ? records : null)
                    .modelAttribute("checklistProblem", records instanceof String text ? text : "")
                    .modelAttribute("links", found.getT6() instanceof List<?> ? found.getT6() : List.of())
                    .modelAttribute("linksProblem", found.getT6() instanceof String text ? text : "")
                    .modelAttribute("panel", found.getT7() instanceof PanelFile ? found.getT7() : null)
                    .modelAttribute("panelProblem", found.getT7() instanceof String text ? text : "")
                    .modelAttribute("panelDone", request.panelDone() == null ? "" : clip(request.panelDone()))
                    .modelAttribute("issued", request.issued().orElse(null))
                    .modelAttribute("expiryChoices", RecordsDeskController.EXPIRY)
                    .modelAttribute("forms", new SectionForms(request.section()))
                    .modelAttribute("recordsDone", request.recordsDone() == null ? "" : clip(request.recordsDone()))
                    .modelAttribute("linksDone", request.linksDone() == null ? "" : clip(request.linksDone()))
                    // the drop zones: the coordinator's own tus door, the patient's script and its words
                    .model(uploads.pageModel(caseId, words.chinese() ? org.consilium.console.patient.PatientLanguage.ZH
                            : org.consilium.console.patient.PatientLanguage.EN))
                    .modelAttribute("today", LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC))
                    .modelAttribute("done", done == null ? "" : done.length() > 120 ? done.substring(0, 120) : done)
                    .modelAttribute("refused", refused != null ? refused
                            : attempt.filter(a -> !attemptShown).map(Attempt::refusal).orElse(""))
                    .modelAttribute("here", "/cases/" + caseId)
                    .build());
        });
    }

    /** A section's service that said no, or did not answer, in words; a 404 is what it means for the case. */
    private static String unanswered(StaffWords words, String service, Throwable error, String notFound) {
        if (error instanceof ServiceProblem problem) {
            return problem.status() == 404 && notFound != null ? notFound
                    : words.say("service.answered", service, problem.status(), problem.title());
        }
        return words.say("service.noAnswer", service);
    }

    /** A message from the query string, bounded: it is shown, not trusted to be short. */
    private static String clip(String text) {
        return text.length() > 600 ? text.substring(0, 600) : text;
    }

    private Mono<TaskCard> card(OpenTask task, Optional<Attempt> attempt, StaffWords words) {
        Optional<Attempt> mine = attempt.filter(a -> a.taskId().equals(task.id()));
        Mono<TimeLeft> left = engine.nextClock(task.processInstanceId()).map(Optional::of).defaultIfEmpty(Optional.empty())
                .map(next -> TimeLeft.of(task.dueAt(), next, clock.instant()));
        return Mono.zip(left, definitions.of(task), completion.values(task.id()).defaultIfEmpty(Map.of()))
                .map(found -> new TaskCard(task, found.getT1(), TaskForms.view(task, found.getT2(), found.getT3(), mine, words),
                        TaskContext.of(task.taskDefinitionKey())));
    }

    /** The triage table's urgency while intake has none confirmed yet (as on the worklist); "" when unknown. */
    private Mono<String> triaged(List<TaskCard> tasks) {
        List<String> instances = tasks.stream().map(card -> card.task().processInstanceId()).distinct().toList();
        return engine.triagedUrgencies(instances).map(found -> found.values().stream().findFirst().orElse(""));
    }
}
