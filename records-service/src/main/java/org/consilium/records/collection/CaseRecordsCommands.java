package org.consilium.records.collection;

import org.consilium.events.CancelCase;
import org.consilium.events.Envelope;
import org.consilium.events.RequestRecords;
import org.consilium.records.checklist.ChecklistRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.time.Clock;

/** Applies the process's commands: RequestRecords starts a checklist, CancelCase stops the case. */
@Service
public class CaseRecordsCommands {
    private static final Logger log = LoggerFactory.getLogger(CaseRecordsCommands.class);
    private final CaseRecordsStore store;
    private final ChecklistRules rules;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public CaseRecordsCommands(CaseRecordsStore store, ChecklistRules rules, ApplicationEventPublisher events,
                               Clock clock) {
        this.store = store;
        this.rules = rules;
        this.events = events;
        this.clock = clock;
    }

    public Mono<CaseRecords> apply(Envelope command) {
        return switch (command.type()) {
            case REQUEST_RECORDS -> request(command.payload(RequestRecords.class), command.id());
            case CANCEL_CASE -> cancel(command.payload(CancelCase.class), command.id());
            default -> {
                log.debug("ignoring {} {}", command.type().messageName(), command.id());
                yield Mono.empty();
            }
        };
    }

    private Mono<CaseRecords> request(RequestRecords command, String commandId) {
        return store.createOrChange(command.caseId(),
                () -> CaseRecords.request(command, commandId, rules.checklistFor(command.cancerType()), clock.instant()),
                existing -> existing.requestAgain(commandId))
                .doOnNext(records -> events.publishEvent(new ChecklistStarted(records.caseId())));
    }

    private Mono<CaseRecords> cancel(CancelCase command, String commandId) {
        return store.createOrChange(command.caseId(),
                () -> CaseRecords.cancelledBeforeRequest(command, commandId, clock.instant()),
                existing -> existing.cancel(command, commandId, clock.instant()));
    }
}
