package org.consilium.console.worklist;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.consilium.console.caseview.PatientNames;
import org.consilium.console.cases.IntakeCases;
import org.consilium.console.services.ServiceProblem;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The coordinator's worklist (ADR 18): which tasks, in which order, filtered and paged, from the read model in memory
 * ({@link OpenWork}); then each row of the page joined with its case from intake (the patient's name and the question
 * stay sealed there), with the user's token, so only the rows on screen are read and on the cases' audit trails.
 */
@Component
public class Worklist {
    /** Cases read from intake at once: enough to hide latency, few enough not to flood it. */
    private static final int CASE_READS_AT_ONCE = 8;

    private final OpenWork openWork;
    private final IntakeCases intake;
    private final Clock clock;
    private final PatientNames names;

    @Autowired
    public Worklist(OpenWork openWork, IntakeCases intake, Clock clock, PatientNames names) {
        this.openWork = openWork;
        this.intake = intake;
        this.clock = clock;
        this.names = names;
    }

    /** Without searching by name (no key). */
    public Worklist(OpenWork openWork, IntakeCases intake, Clock clock) {
        this(openWork, intake, clock, new PatientNames(""));
    }

    /** Whether the search box finds patients by name (a key is configured), for the page to say what it finds. */
    public boolean findsNames() {
        return names.enabled();
    }

    public record Shown(WorkPage page, List<WorklistRow> rows) {
    }

    public Mono<Shown> show(WorklistQuery query, String username) {
        Instant now = clock.instant();
        WorkPage page = openWork.page(query, names.tokens(query.search()), username, now);
        return Flux.fromIterable(page.items())
                .flatMapSequential(item -> intake.header(item.caseId())
                        .map(header -> WorklistRow.of(item, Optional.of(header), null, now))
                        // one unreadable case must not take the whole list down: its row says why
                        .onErrorResume(error -> Mono.just(WorklistRow.of(item, Optional.empty(),
                                error instanceof ServiceProblem problem ? "intake: " + problem.title() : "intake did not answer",
                                now))), CASE_READS_AT_ONCE)
                .collectList()
                .map(rows -> new Shown(page, rows));
    }
}
