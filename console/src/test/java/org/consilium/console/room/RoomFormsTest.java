package org.consilium.console.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;

/** The room's forms as typed, what the console refuses itself, what it sends; the meeting's highlight; the zone. */
class RoomFormsTest {

    @Test
    void anOpinionIsSentAsTheSignedInMemberWithItsChoicesTypedAndNothingChosenLeftForTheServiceToName() {
        LinkedMultiValueMap<String, String> typed = new LinkedMultiValueMap<>();
        typed.add("recommendation", "  Neoadjuvant chemo-immunotherapy  ");
        typed.add("agreesWithFirstOpinion", "false");
        typed.add("informationMissing", "");
        typed.add("specialistId", "dr-someone-else"); // never taken from the form
        typed.add("idempotencyKey", OpinionForm.empty().idempotencyKey());
        OpinionForm form = OpinionForm.of(typed);
        assertThat(form.ownProblems()).isEmpty();
        Map<String, Object> body = form.body("dr-siti-rahmawati");
        assertThat(body).containsEntry("specialistId", "dr-siti-rahmawati")
                .containsEntry("recommendation", "Neoadjuvant chemo-immunotherapy")
                .containsEntry("agreesWithFirstOpinion", false)
                .containsEntry("confidence", null)
                .containsEntry("informationMissing", null);
    }

    @Test
    void aDamagedKeyAndAnOversizedTextAreRefusedByFieldBeforeAnyServiceIsAsked() {
        OpinionForm form = new OpinionForm("x".repeat(4001), "true", "HIGH", "y".repeat(4001), "not-a-uuid");
        assertThat(form.ownProblems()).containsOnlyKeys("idempotencyKey", "recommendation", "informationMissing");
        assertThat(new OpinionForm("ok", "true", "HIGH", "", null).ownProblems()).containsOnlyKeys("idempotencyKey");
    }

    @Test
    void theConsensusKeepsEachDissentingViewAsALineAndLeavesEmptySectionsOut() {
        ConsensusForm form = new ConsensusForm("false", "Chemo first", "Medicine first, then the operation",
                "Stage IIIA benefits from treatment first", "The surgeon would operate first.\n\n  Radiology agrees  \r\n",
                "", "Stop-smoking support");
        Map<String, Object> body = form.body("dr-chair");
        assertThat(body).containsEntry("chairId", "dr-chair").containsEntry("confirmsFirstOpinion", false)
                .containsEntry("dissent", List.of("The surgeon would operate first.", "Radiology agrees"))
                .containsEntry("stillMissing", null)
                .containsEntry("supportiveCare", List.of("Stop-smoking support"));
        assertThat(ConsensusForm.empty().body("dr-chair")).containsEntry("confirmsFirstOpinion", null)
                .containsEntry("dissent", List.of());
    }

    @Test
    void theMeetingHighlightsTheSeatsThatStandApartFromMostOfThePanel() {
        Meeting.Seat surgeon = seat("dr-a", "Lobectomy first", true);
        Meeting.Seat oncologist = seat("dr-b", "Chemo first", false);
        Meeting.Seat radiologist = seat("dr-c", "chemo first ", false);
        Meeting.Seat awaited = new Meeting.Seat("dr-d", "D", "pathologist", false, false, null, null, null, null);
        Meeting meeting = new Meeting("c", "SCHEDULED", List.of(surgeon, oncologist, radiologist, awaited),
                new Meeting.Disagreement(true, 1, 2, 1, Map.of("Lobectomy first", List.of("thoracic-surgeon"),
                        "Chemo first", List.of("medical-oncologist", "radiologist")), List.of(), List.of(), List.of()),
                false);
        assertThat(meeting.standsApart(surgeon)).isTrue();
        assertThat(meeting.standsApart(oncologist)).isFalse();
        assertThat(meeting.standsApart(radiologist)).isFalse();
        assertThat(meeting.standsApart(awaited)).isFalse();
        Meeting hidden = new Meeting("c", "SCHEDULED", List.of(surgeon), null, true);
        assertThat(hidden.standsApart(surgeon)).isFalse();
    }

    @Test
    void timesAreWrittenInTheViewersZoneWithTheZoneAndItsOffsetNamed() {
        Instant at = Instant.parse("2026-12-07T01:00:00Z");
        assertThat(ViewerZone.of("Asia/Singapore").dateTime(at)).isEqualTo("Mon 7 Dec 2026, 09:00 Asia/Singapore (UTC+08:00)");
        assertThat(ViewerZone.of("Europe/London").span(at, at.plusSeconds(1200))).isEqualTo("01:00–01:20 Europe/London (UTC)");
        assertThat(ViewerZone.of("Not/AZone").zone()).isEqualTo(ZoneId.of("Z"));
        assertThat(ViewerZone.of(null).dateTime(at)).isEqualTo("Mon 7 Dec 2026, 01:00 UTC");
    }

    @Test
    void onlyTypesThatRunNothingAreShownInTheBrowser() {
        assertThat(doc("application/pdf").inline()).isTrue();
        assertThat(doc("image/png").inline()).isTrue();
        assertThat(doc("text/html; charset=UTF-8").inline()).isFalse();
        assertThat(doc("image/svg+xml").inline()).isFalse();
        assertThat(doc("application/dicom").inline()).isFalse();
    }

    private static Dossier.Document doc(String type) {
        return new Dossier.Document("d", "f", type, 10, Instant.EPOCH, null);
    }

    private static Meeting.Seat seat(String id, String recommendation, boolean agrees) {
        return new Meeting.Seat(id, id, "discipline", false, true, recommendation, agrees, "HIGH", null);
    }
}
