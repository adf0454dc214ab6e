package org.consilium.mdt.review;

import org.consilium.events.Json;
import org.consilium.events.MessageType;
import org.consilium.events.NotificationPurpose;
import org.consilium.events.Recipient;
import org.consilium.events.ScheduleReview;
import org.consilium.events.SendNotification;
import org.consilium.events.Urgency;
import org.consilium.mdt.panel.Panel;
import org.consilium.mdt.panel.Panellist;
import org.consilium.mdt.session.SessionSlot;
import org.consilium.support.outbox.OutboxEntry;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The invitations a review puts on its outbox: when scheduled, and for whoever a swap seats. */
class PanelInvitationTest {
    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    static final SessionSlot SESSION = SessionSlot.board("thoracic", NOW.plus(Duration.ofDays(1)),
            NOW.plus(Duration.ofDays(1)).plusSeconds(7200), "onc");
    static final Panellist ONCOLOGIST = new Panellist("onc", "Dr Onc", "medical-oncologist", "Asia/Singapore", true,
            "chairs", "onc@example.org");
    static final Panellist RADIOLOGIST = new Panellist("rad", "Dr Rad", "radiologist", "Europe/London", false, "second",
            "rad@example.org");
    static final Panellist PATHOLOGIST = new Panellist("path", "Dr Path", "pathologist", "Asia/Jakarta", false,
            "no address in the directory", null);

    static Review scheduled(String commandId) {
        ScheduleReview command = new ScheduleReview("c1", "lung", Urgency.URGENT,
                List.of("medical-oncologist", "radiologist", "pathologist"), List.of("en"), "Europe/London", null, null,
                "GB", null);
        return Review.schedule(commandId, command, new Panel(List.of(ONCOLOGIST, RADIOLOGIST, PATHOLOGIST), List.of()),
                SESSION, "why", NOW);
    }

    @Test
    void schedulingInvitesEveryMemberWithAnAddressInTheirOwnZoneWithTheirRole() {
        List<SendNotification> invitations = invitations(scheduled("cmd-1"));

        assertThat(invitations).extracting(SendNotification::recipient).containsExactly(
                new Recipient("Dr Onc", "onc@example.org", "en"), new Recipient("Dr Rad", "rad@example.org", "en"));
        assertThat(invitations.get(0).parameters()).isEqualTo(Map.of("sessionStartsAt", SESSION.startsAt().toString(),
                "sessionId", SESSION.id(), "timeZone", "Asia/Singapore", "discipline", "medical-oncologist",
                "role", "chair"));
        assertThat(invitations.get(1).parameters()).containsEntry("timeZone", "Europe/London")
                .containsEntry("role", "member");
        assertThat(invitations).allSatisfy(i -> assertThat(i.purpose()).isEqualTo(NotificationPurpose.MDT_INVITATION));
    }

    @Test
    void theInvitationsIdsComeFromTheCommandSoATriedAgainCommandInvitesNobodyTwice() {
        assertThat(invitationIds(scheduled("cmd-1"))).hasSize(2).doesNotHaveDuplicates()
                .isEqualTo(invitationIds(scheduled("cmd-1")))
                .doesNotContainAnyElementsOf(invitationIds(scheduled("cmd-2")));
    }

    @Test
    void aSwapInvitesTheMemberItSeatsAndNobodyElse() {
        Review review = scheduled("cmd-1");
        review.swap(new Panellist("rad-2", "Dr Rad Two", "radiologist", "America/New_York", false, "swapped",
                "rad2@example.org"), "on leave", NOW);

        assertThat(invitations(review)).extracting(i -> i.recipient().email())
                .containsExactly("onc@example.org", "rad@example.org", "rad2@example.org");
        assertThat(invitations(review).get(2).parameters()).containsEntry("timeZone", "America/New_York")
                .containsEntry("role", "member").containsEntry("sessionId", SESSION.id());
        // access follows the panel before the new member is invited
        assertThat(review.outbox()).extracting(OutboxEntry::type).endsWith(MessageType.PANEL_CHANGED,
                MessageType.SEND_NOTIFICATION);
    }

    @Test
    void aMedicalOncologistSwappedIntoTheChairIsInvitedAsChair() {
        Review review = scheduled("cmd-1");
        review.swap(new Panellist("onc-2", "Dr Onc Two", "medical-oncologist", "Asia/Singapore", false, "swapped",
                "onc2@example.org"), "conflict found late", NOW);

        assertThat(invitations(review)).last().satisfies(i -> {
            assertThat(i.recipient().email()).isEqualTo("onc2@example.org");
            assertThat(i.parameters()).containsEntry("role", "chair");
        });
    }

    @Test
    void aSwapToAMemberWithoutAnAddressInvitesNobody() {
        Review review = scheduled("cmd-1");
        int before = invitations(review).size();
        review.swap(new Panellist("path-2", "Dr Path Two", "pathologist", "Asia/Jakarta", false, "swapped", " "),
                "on leave", NOW);

        assertThat(invitations(review)).hasSize(before);
    }

    private static List<SendNotification> invitations(Review review) {
        return review.outbox().stream().filter(e -> e.type() == MessageType.SEND_NOTIFICATION)
                .map(e -> Json.read(e.payload().getBytes(StandardCharsets.UTF_8), SendNotification.class)).toList();
    }

    private static List<String> invitationIds(Review review) {
        return review.outbox().stream().filter(e -> e.type() == MessageType.SEND_NOTIFICATION)
                .map(OutboxEntry::eventId).toList();
    }
}
