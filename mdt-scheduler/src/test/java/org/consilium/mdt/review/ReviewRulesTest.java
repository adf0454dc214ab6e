package org.consilium.mdt.review;

import org.consilium.events.MessageType;
import org.consilium.events.ScheduleReview;
import org.consilium.events.Urgency;
import org.consilium.mdt.panel.Panel;
import org.consilium.mdt.panel.Panellist;
import org.consilium.mdt.session.SessionSlot;
import org.consilium.support.outbox.OutboxEntry;
import org.consilium.support.problem.DomainProblem;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The review's own rules for swaps, agenda order, the meeting's points of disagreement and follow-up questions. */
class ReviewRulesTest {
    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    static final Panellist PATHOLOGIST = new Panellist("path", "Dr Path", "pathologist", "Europe/London", true, "first");
    static final Panellist RADIOLOGIST = new Panellist("rad", "Dr Rad", "radiologist", "Europe/London", false, "second");

    static Review review(String caseId, Urgency urgency, Panel panel) {
        ScheduleReview command = new ScheduleReview(caseId, "lung", urgency,
                List.of("pathologist", "radiologist", "medical-oncologist"), List.of("en"), "Europe/London", "q?",
                "Surgery", "GB", null);
        return Review.schedule("cmd-" + caseId, command, panel,
                SessionSlot.board("thoracic", NOW.plus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(1)).plusSeconds(7200),
                        "chair"), "why", NOW);
    }

    static Review twoMembers(String caseId, Urgency urgency) {
        return review(caseId, urgency, new Panel(List.of(PATHOLOGIST, RADIOLOGIST),
                List.of(new Panel.Uncovered("medical-oncologist", "no licensed specialist: none licensed in GB"))));
    }

    static OpinionRequest opinion(String specialistId, String recommendation, boolean agrees, Confidence confidence,
                                  String missing) {
        return new OpinionRequest(specialistId, recommendation, agrees, confidence, missing);
    }

    @Test
    void aSwapReplacesTheSeatAndKeepsTheChair() {
        Review review = twoMembers("c1", Urgency.ROUTINE);
        review.swap(new Panellist("path-2", "Dr Path Two", "pathologist", "Asia/Singapore", false, "swapped"), "on leave",
                NOW);
        assertThat(review.panel()).extracting(Panellist::specialistId).containsExactly("path-2", "rad");
        assertThat(review.chair()).get().extracting(Panellist::specialistId).isEqualTo("path-2");
        assertThat(review.swaps()).singleElement().isEqualTo(new PanelSwap("pathologist", "path", "path-2", "on leave", NOW));
        // MdtScheduled, then the panel as it now is (records-service follows it for access)
        assertThat(review.outbox()).extracting(OutboxEntry::type)
                .containsExactly(MessageType.MDT_SCHEDULED, MessageType.PANEL_CHANGED);
    }

    @Test
    void aSwapCanFillAnUncoveredDisciplineAndAMedicalOncologistTakesTheChair() {
        Review review = twoMembers("c2", Urgency.ROUTINE);
        review.swap(new Panellist("onc", "Dr Onc", "medical-oncologist", "Europe/London", false, "swapped"),
                "licensed after all", NOW);
        assertThat(review.panel()).extracting(Panellist::specialistId).containsExactly("path", "rad", "onc");
        assertThat(review.uncoveredDisciplines()).isEmpty();
        assertThat(review.uncovered()).isEmpty();
        assertThat(review.panel()).filteredOn(Panellist::chair).singleElement().extracting(Panellist::specialistId)
                .isEqualTo("onc");
        assertThat(review.swaps()).singleElement().extracting(PanelSwap::replacedId).isNull();
    }

    @Test
    void aSwapIsRefusedForADisciplineNotRequestedASeatedMemberAMemberWhoGaveAnOpinionOrAClosedReview() {
        Review review = twoMembers("c3", Urgency.ROUTINE);
        assertThatThrownBy(() -> review.checkSwappable("urologist", "uro")).isInstanceOf(DomainProblem.class)
                .extracting(e -> ((DomainProblem) e).slug()).isEqualTo("discipline-not-requested");
        assertThatThrownBy(() -> review.checkSwappable("pathologist", "rad")).isInstanceOf(DomainProblem.class)
                .extracting(e -> ((DomainProblem) e).slug()).isEqualTo("already-on-panel");
        review.recordOpinion(opinion("rad", "Surgery", true, Confidence.HIGH, null), NOW);
        assertThatThrownBy(() -> review.checkSwappable("radiologist", "rad-2")).isInstanceOf(DomainProblem.class)
                .extracting(e -> ((DomainProblem) e).slug()).isEqualTo("opinion-submitted");
        review.recordOpinion(opinion("path", "Surgery", true, Confidence.HIGH, null), NOW);
        review.conclude(new ConsensusRequest("path", true, "Surgery", "Go ahead", null, null), NOW);
        assertThatThrownBy(() -> review.checkSwappable("medical-oncologist", "onc")).isInstanceOf(DomainProblem.class)
                .extracting(e -> ((DomainProblem) e).slug()).isEqualTo("review-concluded");
        Review cancelled = twoMembers("c3b", Urgency.ROUTINE).cancel("cancel-1", "withdrawn", NOW);
        assertThatThrownBy(() -> cancelled.checkSwappable("medical-oncologist", "onc")).isInstanceOf(DomainProblem.class)
                .extracting(e -> ((DomainProblem) e).slug()).isEqualTo("review-cancelled");
    }

    @Test
    void theMeetingShowsTheAgreementSplitRecommendationsConfidenceAndMissingInformation() {
        Review review = twoMembers("c4", Urgency.ROUTINE);
        Disagreement none = Disagreement.of(review.panel(), review.opinions());
        assertThat(none.disagrees()).isFalse();
        assertThat(none.points()).containsExactly("2 opinions still awaited");

        review.recordOpinion(opinion("path", "Surgery", true, Confidence.HIGH, null), NOW);
        review.recordOpinion(opinion("rad", " surgery ", true, Confidence.MEDIUM, null), NOW);
        assertThat(Disagreement.of(review.panel(), review.opinions()).disagrees()).isFalse(); // same recommendation

        review.recordOpinion(opinion("rad", "Chemotherapy first", false, Confidence.LOW, "brain MRI"), NOW);
        MeetingView meeting = MeetingView.of(review);
        assertThat(meeting.opinions()).extracting(MeetingView.Seat::specialistId).containsExactly("path", "rad");
        assertThat(meeting.opinions()).extracting(MeetingView.Seat::agreesWithFirstOpinion).containsExactly(true, false);
        Disagreement split = meeting.disagreement();
        assertThat(split.disagrees()).isTrue();
        assertThat(split.agree()).isEqualTo(1);
        assertThat(split.differ()).isEqualTo(1);
        assertThat(split.recommendations()).containsOnlyKeys("Surgery", "Chemotherapy first");
        assertThat(split.lowConfidence()).containsExactly("Dr Rad (radiologist)");
        assertThat(split.informationMissing()).containsExactly("radiologist: brain MRI");
        assertThat(split.points()).containsExactly("1 agree with the first opinion, 1 do not",
                "2 different recommendations: Surgery (pathologist) / Chemotherapy first (radiologist)",
                "low confidence: Dr Rad (radiologist)", "information still missing: radiologist: brain MRI");
    }

    @Test
    void theAgendaPutsUrgentCasesFirstThenDisagreementsThenTheRest() {
        Review routineQuiet = twoMembers("a-routine", Urgency.ROUTINE);
        Review expeditedQuiet = twoMembers("b-expedited", Urgency.EXPEDITED);
        Review routineSplit = twoMembers("c-split", Urgency.ROUTINE);
        routineSplit.recordOpinion(opinion("path", "Surgery", true, Confidence.HIGH, null), NOW);
        routineSplit.recordOpinion(opinion("rad", "Radiotherapy", true, Confidence.HIGH, null), NOW);
        Review urgent = twoMembers("d-urgent", Urgency.URGENT);
        assertThat(AgendaEndpoints.ordered(List.of(routineQuiet, expeditedQuiet, routineSplit, urgent)))
                .extracting(Review::caseId).containsExactly("d-urgent", "c-split", "b-expedited", "a-routine");
    }

    private static final org.consilium.events.Recipient ASKER = new org.consilium.events.Recipient("Siti Rahman",
            "siti@example.org", "id");

    @Test
    void followUpQuestionsAreTakenWithinThirtyDaysOfTheConsensusAndAnsweredByTheChair() {
        Review review = twoMembers("c5", Urgency.ROUTINE);
        Duration window = Duration.ofDays(30);
        assertThatThrownBy(() -> review.ask("Can I wait?", ASKER, NOW, window)).isInstanceOf(DomainProblem.class)
                .extracting(e -> ((DomainProblem) e).slug()).isEqualTo("review-not-concluded");
        review.recordOpinion(opinion("path", "Surgery", true, Confidence.HIGH, null), NOW);
        review.recordOpinion(opinion("rad", "Surgery", true, Confidence.HIGH, null), NOW);
        review.conclude(new ConsensusRequest("path", true, "Surgery", "Go ahead", null, null), NOW);

        FollowUpQuestion asked = review.ask("Can I wait two weeks?", ASKER, NOW.plus(window), window);
        assertThat(asked.id()).isEqualTo("q1");
        assertThat(asked.addressedTo()).isEqualTo("path");
        assertThatThrownBy(() -> review.ask("And now?", ASKER, NOW.plus(window).plusSeconds(1), window))
                .isInstanceOf(DomainProblem.class).extracting(e -> ((DomainProblem) e).slug())
                .isEqualTo("follow-up-closed");
        assertThatThrownBy(() -> review.answer("q1", "rad", "Yes", NOW)).isInstanceOf(DomainProblem.class)
                .extracting(e -> ((DomainProblem) e).slug()).isEqualTo("not-the-chair");
        FollowUpQuestion answered = review.answer("q1", "path", "Yes, two weeks are safe", NOW.plusSeconds(60));
        assertThat(answered.answeredBy()).isEqualTo("Dr Path");
        assertThat(review.questions()).containsExactly(answered);
        assertThatThrownBy(() -> review.answer("q1", "path", "Again", NOW)).isInstanceOf(DomainProblem.class)
                .extracting(e -> ((DomainProblem) e).slug()).isEqualTo("already-answered");
        assertThatThrownBy(() -> review.answer("q9", "path", "?", NOW)).isInstanceOf(DomainProblem.class)
                .extracting(e -> ((DomainProblem) e).slug()).isEqualTo("not-found");
    }

    @Test
    void theConsensusIsVersionOneOfTheReportAndReportChangesNeedAConcludedReview() {
        Review review = twoMembers("c6", Urgency.ROUTINE);
        assertThat(review.report()).isEmpty();
        assertThatThrownBy(() -> review.approveReport("Ana", null, NOW)).isInstanceOf(DomainProblem.class)
                .extracting(e -> ((DomainProblem) e).slug()).isEqualTo("review-not-concluded");
        review.recordOpinion(opinion("path", "Surgery", true, Confidence.HIGH, null), NOW);
        review.recordOpinion(opinion("rad", "Surgery", true, Confidence.HIGH, null), NOW);
        review.conclude(new ConsensusRequest("path", true, "Surgery", "Go ahead", null, null,
                List.of(new org.consilium.mdt.report.ConcernAnswer("Pain?", "Manageable")), null, List.of("PET-CT"),
                List.of("Acupuncture for nausea")), NOW);

        org.consilium.mdt.report.ReportVersion first = review.report().orElseThrow().current();
        assertThat(first.number()).isEqualTo(1);
        assertThat(first.editor()).isEqualTo("Dr Path");
        assertThat(first.sections().concerns()).hasSize(1);
        assertThat(first.sections().supportiveCare()).containsExactly("Acupuncture for nausea");
        review.reviseReport("Ana", "wording", 1, new org.consilium.mdt.report.ReportSections(true, "Surgery",
                "Go ahead with the operation", null, null, null, null, null, null), NOW.plusSeconds(60));
        assertThat(review.report().orElseThrow().versions()).hasSize(2);
        assertThat(review.outbox()).hasSize(4); // MdtScheduled, 2 OpinionSubmitted, MdtConcluded: edits publish nothing
    }

    @Test
    void aReviewConcludedBeforeReportsWereVersionedHasItsConsensusAsVersionOne() {
        Consensus consensus = new Consensus("path", false, "Chemo first", "Treatment first", "PD-L1 high",
                List.of("dissent"), "Dr Path", NOW);
        Review legacy = new Review("c7", 3L, ReviewStatus.CONCLUDED, null, null, null, List.of(PATHOLOGIST), null, null,
                null, null, consensus, NOW, null, null, null, null, null, null, null, null, null);
        org.consilium.mdt.report.Report report = legacy.report().orElseThrow();
        assertThat(report.current().editor()).isEqualTo("Dr Path");
        assertThat(report.current().at()).isEqualTo(NOW);
        assertThat(report.current().sections().differenceExplanation()).isEqualTo("PD-L1 high");
        assertThat(report.current().sections().dissent()).containsExactly("dissent");
        assertThat(legacy.approveReport("Ana", null, NOW).approvedVersion()).isEqualTo(1);
    }
}
