package org.consilium.notification.casefile;

import org.consilium.events.CaseSubmitted;
import org.consilium.events.ConsentChanged;
import org.consilium.events.Recipient;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The people of a case as notification-service needs them to write to them, from the case's {@code CaseSubmitted}
 * and later {@code ConsentChanged}s: the patient, the caregiver acting for her, the treating doctor (named by intake
 * only with consent), the consent in force per purpose, and the question and first opinion the report quotes. The
 * engine holds none of it (issue 11): its commands name the case and a role, and this is where the role becomes
 * people. Names and addresses are sealed at rest like every {@link Recipient}; question and opinion by
 * {@code SealedCaseFacts}.
 *
 * @param consents the newest decision applied per purpose ({@link ConsentChanged} codes), so an older decision
 *                 redelivered late never overrides a newer one
 */
@Document("caseContacts")
public record CaseContacts(@Id String caseId, Recipient patient, Recipient caregiver, Recipient doctor, String timeZone,
                           String questionForPanel, String firstOpinion, Map<String, Decision> consents, long version) {

    /** A consent decision and when it was taken. */
    public record Decision(boolean granted, Instant at) {
    }

    public CaseContacts {
        consents = consents == null ? Map.of() : Map.copyOf(consents);
    }

    static CaseContacts of(CaseSubmitted event, Instant at, Map<String, Decision> laterDecisions) {
        // Producers before the patient/caregiver split named only the contact: then the contact is the patient.
        Recipient patient = event.patient() != null ? event.patient() : event.contact();
        Map<String, Decision> consents = new HashMap<>();
        event.consents().forEach(purpose -> consents.put(purpose, new Decision(true, at)));
        consents.putAll(laterDecisions);
        return new CaseContacts(event.caseId(), patient, event.caregiver(), event.currentDoctor(), event.timeZone(),
                event.questionForPanel(), event.firstOpinion(), consents, 0);
    }

    /** The decision, unless a newer one for the purpose is applied already. */
    CaseContacts decided(ConsentChanged changed) {
        Decision current = consents.get(changed.purpose());
        if (current != null && current.at() != null && changed.changedAt() != null && current.at().isAfter(changed.changedAt())) {
            return this;
        }
        Map<String, Decision> next = new HashMap<>(consents);
        next.put(changed.purpose(), new Decision(changed.granted(), changed.changedAt()));
        return new CaseContacts(caseId, patient, caregiver, doctor, timeZone, questionForPanel, firstOpinion, next, version);
    }

    CaseContacts withVersion(long next) {
        return new CaseContacts(caseId, patient, caregiver, doctor, timeZone, questionForPanel, firstOpinion, consents, next);
    }

    /** Whether {@code CaseSubmitted} was applied (a consent decision can arrive first and make a document). */
    public boolean submitted() {
        return patient != null || caregiver != null;
    }

    /** The treating doctor, while the patient's consent to contacting them is in force. */
    public Optional<Recipient> doctorWithConsent() {
        Decision consent = consents.get(ConsentChanged.CONTACT_CURRENT_DOCTOR);
        return consent != null && consent.granted() && reachable(doctor) ? Optional.of(doctor) : Optional.empty();
    }

    static boolean reachable(Recipient recipient) {
        return recipient != null && recipient.email() != null && !recipient.email().isBlank();
    }
}
