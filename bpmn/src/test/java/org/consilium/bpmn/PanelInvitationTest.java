package org.consilium.bpmn;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.consilium.bpmn.support.Cases;
import org.consilium.bpmn.support.ProcessTestSupport;
import org.consilium.events.MdtScheduled;
import org.consilium.events.MessageType;
import org.consilium.events.NotificationPurpose;
import org.consilium.events.PanelMember;
import org.consilium.events.SendNotification;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consilium.bpmn.support.CommandTap.envelope;

/** When the session is booked, the patient is told and every panel member with an address is invited, in their zone. */
class PanelInvitationTest extends ProcessTestSupport {

    @Test
    void everyMemberWithAnAddressIsInvitedInTheirOwnTimeZone() {
        ProcessInstance instance = driveTo("AwaitMdtScheduled");
        String caseId = instance.getBusinessKey();
        publish(new MdtScheduled(caseId, "session-" + caseId, Cases.SESSION, List.of(
                new PanelMember("dr-haddad", "Dr Haddad", "breast-surgeon", "Europe/London", true,
                        "amira.haddad@thames.example"),
                new PanelMember("dr-lin", "Dr Lin", "breast-surgeon", "Asia/Shanghai", false, "lin@pudong.example"),
                new PanelMember("dr-none", "Dr None", "pathologist", "America/New_York", false, null))));
        awaitWaitingAt(instance, "NotifyMdtScheduled");
        runJob(instance, "NotifyMdtScheduled");
        awaitWaitingAt(instance, "AwaitMdtConcluded");

        List<SendNotification> sent = commands.await(caseId, MessageType.SEND_NOTIFICATION, 3).stream()
                .map(r -> (SendNotification) envelope(r).payload()).toList();
        assertThat(sent).extracting(SendNotification::purpose).containsExactly(NotificationPurpose.MDT_SCHEDULED,
                NotificationPurpose.MDT_INVITATION, NotificationPurpose.MDT_INVITATION);
        SendNotification chair = sent.get(1);
        assertThat(chair.recipient().email()).isEqualTo("amira.haddad@thames.example");
        assertThat(chair.parameters()).containsEntry("timeZone", "Europe/London").containsEntry("role", "chair")
                .containsEntry("sessionStartsAt", Cases.SESSION.toString())
                .containsEntry("sessionId", "session-" + caseId);
        assertThat(sent.get(2).parameters()).containsEntry("timeZone", "Asia/Shanghai").containsEntry("role", "member");
        assertThat(commands.await(caseId, MessageType.SEND_NOTIFICATION, 3)).extracting(r -> envelope(r).id())
                .doesNotHaveDuplicates();
    }
}
