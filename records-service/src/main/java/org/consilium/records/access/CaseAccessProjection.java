package org.consilium.records.access;

import org.consilium.events.CaseParty;
import org.consilium.events.CaseSubmitted;
import org.consilium.events.ConsentChanged;
import org.consilium.events.MdtScheduled;
import org.consilium.events.PanelChanged;
import org.consilium.events.PanelMember;
import org.consilium.support.access.CaseAudience;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What records-service knows about who may see one case, kept from the events that say so: the
 * parties and the consents of {@link CaseSubmitted}, later {@link ConsentChanged}s, the panel of
 * {@link MdtScheduled} and the end of the review ({@code ReportReleased}). Every change is a pure
 * function of the stored state and one event, so a redelivered event changes nothing, and each
 * part keeps the time it is from so that an older event arriving late never overwrites a newer one.
 *
 * @param consents         per purpose, the newest decision known (granted or not, and when)
 * @param panel            the specialists' directory ids (token {@code preferred_username}) of the newest schedule
 * @param panelAt          when that schedule was published (older schedules arriving later are ignored)
 * @param reportReleasedAt when the report was released: the review is closed from then on
 * @param version          guards the read-modify-write against a concurrent change
 */
@Document(CaseAccessProjection.COLLECTION)
public record CaseAccessProjection(@Id String caseId, List<CaseParty> parties, Map<String, Consent> consents,
                                   List<String> panel, Instant panelAt, Instant reportReleasedAt, long version) {
    public static final String COLLECTION = "caseAccess";
    private static final List<String> PURPOSES = List.of(ConsentChanged.REVIEW, ConsentChanged.SHARE_WITH_PANEL,
            ConsentChanged.CROSS_BORDER_TRANSFER, ConsentChanged.CONTACT_CURRENT_DOCTOR);

    public CaseAccessProjection {
        parties = parties == null ? List.of() : List.copyOf(parties);
        consents = consents == null ? Map.of() : Map.copyOf(consents);
        panel = panel == null ? List.of() : List.copyOf(panel);
    }

    /** One purpose's newest decision. */
    public record Consent(boolean granted, Instant at) {
    }

    static CaseAccessProjection empty(String caseId) {
        return new CaseAccessProjection(caseId, List.of(), Map.of(), List.of(), null, null, 0);
    }

    /** The parties, and every purpose's decision at intake (listed = granted) unless a newer one is known. */
    CaseAccessProjection submitted(CaseSubmitted event, Instant fallbackTime) {
        Instant at = event.submittedAt() != null ? event.submittedAt() : fallbackTime;
        Map<String, Consent> next = new HashMap<>(consents);
        PURPOSES.forEach(purpose -> decide(next, purpose, new Consent(event.consents().contains(purpose), at)));
        event.consents().forEach(purpose -> decide(next, purpose, new Consent(true, at)));
        List<CaseParty> people = event.parties().isEmpty() ? parties : event.parties();
        return new CaseAccessProjection(caseId, people, next, panel, panelAt, reportReleasedAt, version);
    }

    CaseAccessProjection consent(ConsentChanged event, Instant fallbackTime) {
        Map<String, Consent> next = new HashMap<>(consents);
        decide(next, event.purpose(), new Consent(event.granted(),
                event.changedAt() != null ? event.changedAt() : fallbackTime));
        return new CaseAccessProjection(caseId, parties, next, panel, panelAt, reportReleasedAt, version);
    }

    /** The newest panel (schedule or swap) replaces the one before: a swapped-out specialist loses the case. */
    CaseAccessProjection scheduled(MdtScheduled event, Instant at) {
        return seated(event.panel(), at);
    }

    CaseAccessProjection swapped(PanelChanged event, Instant fallbackTime) {
        return seated(event.panel(), event.changedAt() != null ? event.changedAt() : fallbackTime);
    }

    private CaseAccessProjection seated(List<PanelMember> seats, Instant at) {
        if (panelAt != null && at != null && at.isBefore(panelAt)) {
            return this;
        }
        List<String> members = seats.stream().map(PanelMember::specialistId).filter(Objects::nonNull).toList();
        return new CaseAccessProjection(caseId, parties, consents, members, at, reportReleasedAt, version);
    }

    /** Released once: the first release time stays (a redelivery or a later version changes nothing). */
    CaseAccessProjection released(Instant at) {
        return reportReleasedAt != null ? this
                : new CaseAccessProjection(caseId, parties, consents, panel, panelAt, at, version);
    }

    /** Who may see the case by the shared rule: the review is open while a panel sits and no report is released. */
    public CaseAudience audience() {
        Set<String> granted = consents.entrySet().stream().filter(e -> e.getValue().granted()).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        return new CaseAudience(caseId, parties, granted, new LinkedHashSet<>(panel),
                !panel.isEmpty() && reportReleasedAt == null);
    }

    /** A decision replaces the stored one unless the stored one is newer (same time: the later event wins). */
    private static void decide(Map<String, Consent> consents, String purpose, Consent decision) {
        Consent known = consents.get(purpose);
        if (known == null || known.at() == null || decision.at() == null || !decision.at().isBefore(known.at())) {
            consents.put(purpose, decision);
        }
    }
}
