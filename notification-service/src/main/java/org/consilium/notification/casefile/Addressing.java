package org.consilium.notification.casefile;

import org.consilium.events.CaseMessage;
import org.consilium.events.DeliverReport;
import org.consilium.events.Envelope;
import org.consilium.events.NotificationAudience;
import org.consilium.events.Recipient;
import org.consilium.events.ReportContent;
import org.consilium.events.SendNotification;
import org.consilium.events.UnreadableMessageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Turns a command that names a role into one command per reader, each addressed and complete (ADR 15, who
 * receives what). The patient's side is whoever acts for the case (the caregiver when there is one, else the
 * patient: the primary reader, whose delivery keeps the command's id) and the patient herself at her own address
 * when a caregiver acts; the treating doctor only while the patient's consent to contacting them is in force. The
 * report names the patient whoever reads it. A command that already names its reader passes unchanged.
 */
@Component
public class Addressing {
    private static final Logger log = LoggerFactory.getLogger(Addressing.class);
    static final String PATIENT_COPY = "patient";
    static final String DOCTOR_COPY = "doctor";

    private final CaseFacts facts;

    public Addressing(CaseFacts facts) {
        this.facts = facts;
    }

    public Flux<Envelope> readers(Envelope command) {
        return switch (command.type()) {
            case SEND_NOTIFICATION -> {
                SendNotification n = command.payload(SendNotification.class);
                yield n.recipient() != null || n.audience() == null ? Flux.just(command) : notification(command, n);
            }
            case DELIVER_REPORT -> {
                DeliverReport r = command.payload(DeliverReport.class);
                yield r.addressed() ? Flux.just(command) : report(command, r);
            }
            default -> Flux.just(command);
        };
    }

    private Flux<Envelope> notification(Envelope command, SendNotification n) {
        return known(command).flatMapMany(contacts -> {
            if (n.audience() == NotificationAudience.CURRENT_DOCTOR) {
                Optional<Recipient> doctor = contacts.doctorWithConsent();
                if (doctor.isEmpty()) {
                    log.info("{} {} for case {}: no treating doctor may be written to (no consent or no address); "
                            + "nothing to send", n.purpose(), command.id(), n.caseId());
                }
                return Flux.fromStream(doctor.stream().map(reader -> copy(command, DOCTOR_COPY, withReader(n, reader))));
            }
            PatientSide side = PatientSide.of(contacts, command);
            List<Envelope> readers = new ArrayList<>();
            readers.add(copy(command, null, withReader(n, side.primary())));
            side.patientCopy().ifPresent(patient -> readers.add(copy(command, PATIENT_COPY, withReader(n, patient))));
            return Flux.fromIterable(readers);
        });
    }

    private Flux<Envelope> report(Envelope command, DeliverReport r) {
        if (r.reportVersion() == null) {
            throw new UnreadableMessageException("DeliverReport " + command.id() + " names neither a report nor its version");
        }
        Mono<ReportContent> released = facts.report(r.caseId(), r.reportVersion()).switchIfEmpty(Mono.error(() ->
                new CaseNotKnownYet("ReportReleased", "version " + r.reportVersion() + " of the report of case " + r.caseId()
                        + " is not released here yet (ReportReleased not received)")));
        return known(command).zipWith(released).flatMapMany(found -> {
            CaseContacts contacts = found.getT1();
            PatientSide side = PatientSide.of(contacts, command);
            BiFunction<Recipient, Boolean, DeliverReport> to = (reader, copy) -> new DeliverReport(r.caseId(), reader,
                    contacts.questionForPanel(), contacts.firstOpinion(), found.getT2(),
                    r.timeZone() != null ? r.timeZone() : contacts.timeZone(), r.reportVersion(),
                    contacts.patient() == null ? null : contacts.patient().name(), copy);
            List<Envelope> readers = new ArrayList<>();
            readers.add(copy(command, null, to.apply(side.primary(), false)));
            side.patientCopy().ifPresent(patient -> readers.add(copy(command, PATIENT_COPY, to.apply(patient, true))));
            contacts.doctorWithConsent().ifPresent(doctor -> readers.add(copy(command, DOCTOR_COPY, to.apply(doctor, true))));
            return Flux.fromIterable(readers);
        });
    }

    private Mono<CaseContacts> known(Envelope command) {
        return facts.contacts(command.caseId()).filter(CaseContacts::submitted)
                .switchIfEmpty(Mono.error(() -> new CaseNotKnownYet("CaseSubmitted", command.type().messageName() + " " + command.id()
                        + ": case " + command.caseId() + " is not known here yet (CaseSubmitted not received)")));
    }

    private static SendNotification withReader(SendNotification n, Recipient reader) {
        return new SendNotification(n.caseId(), reader, n.purpose(), n.parameters(), n.audience());
    }

    /** The primary reader's command keeps the command's id; each copy has its own, derived from it. */
    private static Envelope copy(Envelope command, String reader, CaseMessage payload) {
        String id = reader == null ? command.id() : Envelope.derivedId(command.id(), reader);
        return new Envelope(id, command.type(), command.source(), command.caseId(), command.time(), command.traceparent(),
                payload);
    }
}
