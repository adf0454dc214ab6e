package org.consilium.bpmn;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.consilium.bpmn.inbox.InboxStatus;
import org.consilium.bpmn.support.Cases;
import org.consilium.bpmn.support.ProcessTestSupport;
import org.consilium.events.CaseSubmitted;
import org.consilium.events.ConsentChanged;
import org.consilium.events.Envelope;
import org.consilium.events.MessageType;
import org.consilium.events.ScheduleReview;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/** No panel reviews a case without consent to share the records with it and to send them abroad. */
class PanelConsentTest extends ProcessTestSupport {

    @Test
    void withoutConsentTheCaseWaitsAndGoesOnByItselfWhenTheConsentArrives() {
        String caseId = newCaseId("no-panel-consent");
        ProcessInstance instance = submit(withConsents(caseId, List.of("review")));
        acceptIntake(instance);
        recordsComplete(instance);
        submitForm(instance, "VerifyDossier", Map.of("dossierVerified", true));
        awaitWaitingAt(instance, "ObtainPanelConsent");
        assertThat(commands.records(caseId, MessageType.SCHEDULE_REVIEW)).isEmpty();

        // the coordinator notes the call, the consent is still missing: the task is there again
        submitForm(instance, "ObtainPanelConsent", Map.of("consentNote", "patient asks for a day to decide"));
        awaitWaitingAt(instance, "ObtainPanelConsent");

        // one purpose is not enough; both are
        consent(caseId, ConsentChanged.SHARE_WITH_PANEL);
        assertThat(instance).isWaitingAt("ObtainPanelConsent");
        consent(caseId, ConsentChanged.CROSS_BORDER_TRANSFER);
        awaitWaitingAt(instance, "ScheduleReview");
        assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
        runJob(instance, "ScheduleReview");
        assertThat(commands.awaitPayload(caseId, MessageType.SCHEDULE_REVIEW, ScheduleReview.class).caseId())
                .isEqualTo(caseId);
        awaitWaitingAt(instance, "AwaitMdtScheduled");
    }

    @Test
    void withTheConsentTheVerifiedDossierGoesStraightToThePanel() {
        ProcessInstance instance = driveTo("AwaitMdtScheduled");
        assertThat(instance).hasNotPassed("ObtainPanelConsent");
    }

    /**
     * A dossier the coordinator does not verify goes to no panel (before, "not verified" scheduled it anyway): the
     * coordinator completes it, says what was done, and verifies it again.
     */
    @Test
    void aDossierNotVerifiedGoesToNoPanelUntilItIsCompletedAndVerified() {
        String caseId = newCaseId("not-verified");
        ProcessInstance instance = submit(Cases.breastRoutine(caseId));
        acceptIntake(instance);
        recordsComplete(instance);
        submitForm(instance, "VerifyDossier", Map.of("dossierVerified", false,
                "dossierNote", "the pathology report is of another patient"));
        awaitWaitingAt(instance, "CompleteDossier");
        assertThat(commands.records(caseId, MessageType.SCHEDULE_REVIEW)).isEmpty();

        submitForm(instance, "CompleteDossier", Map.of("dossierFixNote", "the right report uploaded for the patient"));
        awaitWaitingAt(instance, "VerifyDossier");
        verifyDossier(instance);
        assertThat(commands.awaitPayload(caseId, MessageType.SCHEDULE_REVIEW, ScheduleReview.class).caseId())
                .isEqualTo(caseId);
    }

    private void consent(String caseId, String purpose) {
        Envelope granted = publish(new ConsentChanged(caseId, purpose, true, Instant.now()));
        awaitInboxStatus(granted.id(), InboxStatus.APPLIED);
    }

    private static CaseSubmitted withConsents(String caseId, List<String> consents) {
        CaseSubmitted base = Cases.breastRoutine(caseId);
        return new CaseSubmitted(caseId, base.cancerType(), base.decisionAtStake(), base.plannedTreatmentStart(),
                base.questionForPanel(), base.firstOpinion(), base.contact(), base.languages(), base.timeZone(),
                base.country(), base.submittedAt(), base.treatingInstitution(), List.of(), consents, null);
    }
}
