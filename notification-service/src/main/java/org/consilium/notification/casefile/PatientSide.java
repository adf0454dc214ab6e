package org.consilium.notification.casefile;

import org.consilium.events.Envelope;
import org.consilium.events.Recipient;
import org.consilium.events.UnreadableMessageException;

import java.util.Optional;

/**
 * Who reads what is sent to the patient's side of a case: the caregiver acting for her when there is one with an
 * address (she chose them to deal with us), else the patient; and the patient herself as well, at her own address,
 * when a caregiver acts (it is her case: she is told everything they are).
 */
record PatientSide(Recipient primary, Optional<Recipient> patientCopy) {

    static PatientSide of(CaseContacts contacts, Envelope command) {
        Recipient patient = contacts.patient();
        Recipient caregiver = contacts.caregiver();
        boolean patientReachable = CaseContacts.reachable(patient);
        if (CaseContacts.reachable(caregiver)) {
            boolean separateAddress = patientReachable && !patient.email().equalsIgnoreCase(caregiver.email());
            return new PatientSide(caregiver, separateAddress ? Optional.of(patient) : Optional.empty());
        }
        if (patientReachable) {
            return new PatientSide(patient, Optional.empty());
        }
        // retrying cannot help: only a coordinator can find an address (the dead letter becomes their task)
        throw new UnreadableMessageException(command.type().messageName() + " " + command.id() + ": case "
                + command.caseId() + " has no e-mail address for the patient or a caregiver acting for her");
    }
}
