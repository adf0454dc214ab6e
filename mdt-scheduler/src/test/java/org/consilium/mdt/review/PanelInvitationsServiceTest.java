package org.consilium.mdt.review;

import org.consilium.events.Envelope;
import org.consilium.events.MdtScheduled;
import org.consilium.events.MessageType;
import org.consilium.events.NotificationPurpose;
import org.consilium.events.PanelChanged;
import org.consilium.events.PanelMember;
import org.consilium.events.ScheduleReview;
import org.consilium.events.SendNotification;
import org.consilium.events.Urgency;
import org.consilium.mdt.ServiceTest;
import org.consilium.support.testing.KafkaProbe;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * mdt-scheduler invites the panel itself (the engine no longer holds its names and addresses, issue 11):
 * one MDT_INVITATION per member with an address, published with MdtScheduled, read here from Kafka.
 */
class PanelInvitationsServiceTest extends ServiceTest {
    static final List<String> RADIOLOGISTS = List.of("dr-rachel-adams", "dr-ahmad-yusof", "dr-sunil-verma",
            "dr-yasmin-khalil");

    @Test
    void schedulingInvitesEveryMemberWithAnAddressOnceAndARedeliveredCommandInvitesNobodyAgain() {
        String caseId = newCaseId("invited");
        Envelope command = KafkaProbe.publish(lightCase(caseId, "Surgery first?", "Resection"));
        MdtScheduled scheduled = KafkaProbe.awaitPublished(MessageType.MDT_SCHEDULED, caseId, MdtScheduled.class);
        List<PanelMember> addressed = scheduled.panel().stream().filter(m -> m.email() != null).toList();
        assertThat(addressed).isNotEmpty();

        List<SendNotification> invitations = awaitInvitations(caseId, addressed.size());
        assertThat(invitations).extracting(i -> i.recipient().email())
                .containsExactlyInAnyOrderElementsOf(addressed.stream().map(PanelMember::email).toList());
        for (PanelMember member : addressed) {
            SendNotification invitation = invitations.stream()
                    .filter(i -> i.recipient().email().equals(member.email())).findFirst().orElseThrow();
            assertThat(invitation.recipient().name()).isEqualTo(member.name());
            assertThat(invitation.recipient().language()).isEqualTo("en");
            assertThat(invitation.parameters()).isEqualTo(Map.of(
                    "sessionStartsAt", scheduled.sessionStartsAt().toString(), "sessionId", scheduled.sessionId(),
                    "timeZone", member.timeZone(), "discipline", member.discipline(),
                    "role", member.chair() ? "chair" : "member"));
        }

        KafkaProbe.publish(command);
        // a later command of the same case is consumed after the redelivery (same key, same partition)
        Envelope later = KafkaProbe.publish(Envelope.of(lightCase(caseId, "Surgery first?", "Resection"),
                UUID.randomUUID().toString(),
                "/consilium/test", now()));
        awaitApplied(caseId, later.id());
        await().atMost(Duration.ofSeconds(10)).until(() -> storedReview(caseId).getList("outbox", Object.class).isEmpty());
        assertThat(invitationEnvelopes(caseId)).hasSize(addressed.size())
                .extracting(Envelope::id).doesNotHaveDuplicates();
    }

    @Test
    void aSwapInvitesTheMemberItSeats() {
        String caseId = newCaseId("swap-invite");
        // radiologists: four licensed in GB with the most room, so one not on the panel has room that week
        KafkaProbe.publish(new ScheduleReview(caseId, "neuroendocrine", Urgency.ROUTINE,
                List.of("gastroenterologist", "radiologist"), List.of("en"), "Europe/London", "Surgery first?",
                "Resection", "GB", null));
        MdtScheduled scheduled = KafkaProbe.awaitPublished(MessageType.MDT_SCHEDULED, caseId, MdtScheduled.class);
        int before = awaitInvitations(caseId, (int) scheduled.panel().stream().filter(m -> m.email() != null).count())
                .size();
        List<String> seated = scheduled.panel().stream().map(PanelMember::specialistId).toList();

        String incoming = RADIOLOGISTS.stream().filter(id -> !seated.contains(id))
                .filter(id -> put(caseId, "panel/radiologist", Map.of("specialistId", id, "reason", "on leave"))
                        .returnResult(Void.class).getStatus().is2xxSuccessful())
                .findFirst().orElseThrow();

        PanelMember member = KafkaProbe.awaitPublished(MessageType.PANEL_CHANGED, caseId, PanelChanged.class).panel()
                .stream().filter(m -> m.specialistId().equals(incoming)).findFirst().orElseThrow();
        SendNotification invitation = awaitInvitations(caseId, before + 1).stream()
                .filter(i -> member.email().equals(i.recipient().email())).findFirst().orElseThrow();
        assertThat(invitation.recipient().name()).isEqualTo(member.name());
        // the incoming member takes the seat as it was: the chair's seat when the composer had made the radiologist
        // chair (which depends on the directory's week), else a member's
        boolean chairSeat = scheduled.panel().stream().filter(m -> m.discipline().equals("radiologist"))
                .findFirst().orElseThrow().chair();
        assertThat(member.chair()).isEqualTo(chairSeat);
        assertThat(invitation.parameters()).containsEntry("sessionId", scheduled.sessionId())
                .containsEntry("timeZone", member.timeZone()).containsEntry("discipline", "radiologist")
                .containsEntry("role", chairSeat ? "chair" : "member");
    }

    private List<SendNotification> awaitInvitations(String caseId, int count) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> invitationEnvelopes(caseId).stream()
                .map(e -> e.payload(SendNotification.class)).toList(), l -> l.size() == count);
    }

    private static List<Envelope> invitationEnvelopes(String caseId) {
        return KafkaProbe.envelopes(MessageType.SEND_NOTIFICATION, caseId).stream()
                .filter(e -> e.payload(SendNotification.class).purpose() == NotificationPurpose.MDT_INVITATION).toList();
    }
}
