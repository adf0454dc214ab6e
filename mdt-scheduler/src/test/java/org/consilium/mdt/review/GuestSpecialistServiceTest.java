package org.consilium.mdt.review;

import org.bson.Document;
import org.consilium.events.CaseStepFailed;
import org.consilium.events.CaseSubmitted;
import org.consilium.events.ConsentChanged;
import org.consilium.events.MdtConcluded;
import org.consilium.events.MdtScheduled;
import org.consilium.events.MessageType;
import org.consilium.events.NotificationPurpose;
import org.consilium.events.OpinionSubmitted;
import org.consilium.events.PanelMember;
import org.consilium.events.Recipient;
import org.consilium.events.ScheduleReview;
import org.consilium.events.SendNotification;
import org.consilium.events.Urgency;
import org.consilium.mdt.ServiceTest;
import org.consilium.mdt.guest.GuestLinks;
import org.consilium.support.link.LinkSigner;
import org.consilium.support.testing.KafkaProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriComponentsBuilder;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The third way out of a panel that cannot be composed (issue 11): a coordinator invites a guest specialist from
 * outside the directory, licensed in the patient's country, to one case's panel; the guest reads the brief and gives
 * an opinion through the signed link mailed to them, and the chair's consensus counts it. Through the running
 * service: the case events and the command on Kafka, the HTTP calls as the coordinator, the guest (a link, no
 * token) and the members make them, what is published read back from the broker, what is stored from the store.
 */
class GuestSpecialistServiceTest extends ServiceTest {
    static final String REASON = "Dr Chen reads liver MRI at our partner hospital in Shanghai and is licensed in China";

    /** A client with no token at all: the guest has only their link. */
    @Autowired
    WebTestClient anonymous;

    @Test
    void aGuestFillsTheGapGivesAnOpinionThroughTheMailedLinkAndTheConsensusCountsIt() {
        String caseId = newCaseId("guest-cn");
        Document gap = gapFor(caseId, chinaCase(caseId, null));

        Map<String, Object> body = invitation(caseId, "radiologist", List.of("CN", "HK"));
        http.post().uri("/reviews/{id}/guests", caseId).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isCreated().expectBody()
                .jsonPath("$.outcome").isEqualTo("SCHEDULED")
                .jsonPath("$.guest.discipline").isEqualTo("radiologist")
                .jsonPath("$.guest.invitedBy").isEqualTo("kim.coordinator")
                .jsonPath("$.guest.seated").isEqualTo(true)
                .jsonPath("$.guest.link.state").isEqualTo("ACTIVE")
                .jsonPath("$.guest.email").doesNotExist()
                .jsonPath("$.review.status").isEqualTo("SCHEDULED");
        assertThat(gap.getList("guests", Document.class, List.of())).isEmpty();

        ReviewView review = awaitReview(caseId);
        ReviewView.Member guest = member(review, "radiologist");
        assertThat(guest.specialistId()).startsWith("guest-");
        assertThat(guest.guest()).isTrue();
        assertThat(guest.chair()).isFalse();
        assertThat(guest.name()).isEqualTo("Dr Chen Li");
        assertThat(guest.reason()).contains("guest specialist from outside the directory (Shanghai Partner Hospital)",
                "invited for this case by kim.coordinator", REASON, "licensed in CN");
        assertThat(member(review, "hepatologist")).satisfies(m -> {
            assertThat(m.specialistId()).isEqualTo("dr-zhou-yan");
            assertThat(m.chair()).isTrue();
            assertThat(m.guest()).isFalse();
        });
        assertThat(review.guests()).singleElement().satisfies(g -> {
            assertThat(g.id()).isEqualTo(guest.specialistId());
            assertThat(g.licensedIn()).containsExactly("CN", "HK");
            assertThat(g.reason()).isEqualTo(REASON);
        });
        assertThat(mongo.findById(caseId, Document.class, "panelGaps").block()).isNull();

        // scheduled as any case: MdtScheduled with both seats, the member's invitation, and the guest's with the link
        MdtScheduled scheduled = KafkaProbe.awaitPublished(MessageType.MDT_SCHEDULED, caseId, MdtScheduled.class);
        assertThat(scheduled.panel()).extracting(PanelMember::specialistId)
                .containsExactlyInAnyOrder("dr-zhou-yan", guest.specialistId());
        SendNotification mailed = awaitGuestInvitation(caseId, 1).get(0);
        assertThat(mailed.recipient().email()).isEqualTo(caseId + "@partner-hospital.example");
        assertThat(mailed.recipient().name()).isEqualTo("Dr Chen Li");
        assertThat(mailed.parameters()).containsEntry("discipline", "radiologist")
                .containsEntry("timeZone", "Asia/Shanghai").containsEntry("invitedBy", "kim.coordinator")
                .containsKeys("sessionStartsAt", "sessionId", "linkExpiresAt");
        assertThat(NotificationPurpose.GUEST_INVITATION.undeclared(mailed.parameters())).isEmpty();
        URI link = URI.create(mailed.parameters().get("link"));
        assertThat(link.getPath()).isEqualTo("/reviews/" + caseId + "/guest");
        String token = tokenOf(link);
        assertThat(KafkaProbe.envelopes(MessageType.SEND_NOTIFICATION, caseId).stream()
                .map(e -> e.payload(SendNotification.class))
                .filter(n -> n.purpose() == NotificationPurpose.MDT_INVITATION)
                .map(n -> n.recipient().email()).toList()).containsExactly("zhou.yan@pudong-oncology-hospital.example");

        // at rest: the guest's name and address sealed, and the link's token nowhere in the stored review
        Document stored = storedReview(caseId);
        Document storedGuest = stored.getList("guests", Document.class).get(0);
        assertThat(storedGuest.getString("name")).startsWith("enc:v1:");
        assertThat(storedGuest.getString("email")).startsWith("enc:v1:");
        assertThat(stored.getList("panel", Document.class)).allSatisfy(seat ->
                assertThat(seat.getString("name")).startsWith("enc:v1:"));
        assertThat(stored.toJson()).doesNotContain(token).doesNotContain("Dr Chen Li")
                .doesNotContain("partner-hospital.example");

        // the guest opens the mailed address, with no account and no token
        anonymous.get().uri(link.getPath() + "?" + link.getRawQuery()).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.caseId").isEqualTo(caseId)
                .jsonPath("$.questionForPanel").isEqualTo("Resection or transplant?")
                .jsonPath("$.firstOpinion").isEqualTo("Resection")
                .jsonPath("$.disciplines[0]").isEqualTo("hepatologist")
                .jsonPath("$.you.specialistId").isEqualTo(guest.specialistId())
                .jsonPath("$.you.discipline").isEqualTo("radiologist")
                .jsonPath("$.session.localStart").value(s -> assertThat((String) s).endsWith("+08:00"))
                .jsonPath("$.panel[?(@.chair == true)].discipline").isEqualTo("hepatologist")
                .jsonPath("$.opinions").doesNotExist()
                .jsonPath("$.yourOpinion").doesNotExist();

        // and gives an opinion, as the link's holder (the body names nobody)
        guestOpinion(caseId, token, false).expectStatus().isCreated().expectBody()
                .jsonPath("$.yourOpinion.specialistId").isEqualTo(guest.specialistId())
                .jsonPath("$.yourOpinion.agreesWithFirstOpinion").isEqualTo(false);
        guestOpinion(caseId, token, false).expectStatus().isOk(); // a second one replaces the first
        OpinionSubmitted submitted = KafkaProbe.awaitPublished(MessageType.OPINION_SUBMITTED, caseId,
                OpinionSubmitted.class);
        assertThat(submitted.specialistId()).isEqualTo(guest.specialistId());
        assertThat(submitted.discipline()).isEqualTo("radiologist");

        // the chair waits for every member, and counts the guest's opinion like a member's
        problem(post(caseId, "consensus", consensus("dr-zhou-yan")), HttpStatus.CONFLICT, "opinions-missing")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("dr-zhou-yan")
                        .doesNotContain(guest.specialistId()));
        post(caseId, "opinions", opinion("dr-zhou-yan", true)).expectStatus().isCreated();
        http.get().uri("/reviews/{id}/meeting", caseId).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.opinions[?(@.submitted == true)].specialistId").value(ids -> assertThat(ids).asList()
                        .containsExactlyInAnyOrder("dr-zhou-yan", guest.specialistId()))
                .jsonPath("$.disagreement.points").isNotEmpty();
        post(caseId, "consensus", consensus("dr-zhou-yan")).expectStatus().isCreated();
        KafkaProbe.awaitPublished(MessageType.MDT_CONCLUDED, caseId, MdtConcluded.class);
        ReviewView concluded = awaitReview(caseId);
        assertThat(concluded.status()).isEqualTo(ReviewStatus.CONCLUDED);
        assertThat(concluded.opinions()).extracting(Opinion::specialistId)
                .containsExactlyInAnyOrder("dr-zhou-yan", guest.specialistId());

        // the report names the guest among its authors, as a guest
        http.get().uri("/reviews/{id}/report/composition", caseId).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.author[*].display").value(names -> assertThat(names).asList()
                        .contains("Dr Chen Li (radiologist, guest specialist)"));

        // on the trail: the invitation (who decided), the guest's read and opinion under the guest's id
        http.get().uri(b -> b.path("/cases/{id}/audit").queryParam("entity", "CareTeam/" + caseId).build(caseId))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.entry[0].resource.subtype[0].code").isEqualTo("guest-invitation")
                .jsonPath("$.entry[0].resource.agent[0].who.identifier.value").isEqualTo("kim.coordinator");
        http.get().uri(b -> b.path("/cases/{id}/audit").queryParam("entity", "ClinicalImpression/" + caseId + "-"
                        + guest.specialistId()).build(caseId))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.entry[0].resource.agent[0].who.identifier.value").isEqualTo(guest.specialistId());
    }

    @Test
    void anInvitationIsRefusedWithAProblemNamingTheFieldAndStoresNothing() {
        String caseId = newCaseId("guest-refused");
        Document gap = gapFor(caseId, chinaCase(caseId, "Fudan Cancer Centre"));

        problem(invite(caseId, with(invitation(caseId, "radiology", List.of("CN")), "timeZone", "Shanghai")),
                HttpStatus.BAD_REQUEST, "validation").jsonPath("$.errors[*].field")
                .value(f -> assertThat(f).asList().containsExactlyInAnyOrder("discipline", "timeZone"));
        problem(invite(caseId, with(invitation(caseId, "radiologist", List.of("China")), "email", "not-an-address")),
                HttpStatus.BAD_REQUEST, "validation").jsonPath("$.errors[*].field")
                .value(f -> assertThat(f).asList().containsExactly("email"));
        problem(invite(caseId, invitation(caseId, "radiologist", List.of("China"))), HttpStatus.BAD_REQUEST,
                "validation").jsonPath("$.errors[*].field")
                .value(f -> assertThat(f).asList().containsExactly("licensedIn[0]"));
        Map<String, Object> noReason = new HashMap<>(invitation(caseId, "radiologist", List.of("CN")));
        noReason.remove("reason");
        problem(invite(caseId, noReason), HttpStatus.BAD_REQUEST, "validation").jsonPath("$.errors[*].field")
                .value(f -> assertThat(f).asList().containsExactly("reason"));
        problem(invite(caseId, invitation(caseId, "pathologist", List.of("CN"))), HttpStatus.UNPROCESSABLE_ENTITY,
                "discipline-not-requested").jsonPath("$.detail").value(d -> assertThat((String) d).startsWith("discipline:"));
        problem(invite(caseId, invitation(caseId, "hepatologist", List.of("CN"))), HttpStatus.UNPROCESSABLE_ENTITY,
                "discipline-not-missing").jsonPath("$.detail").value(d -> assertThat((String) d)
                .startsWith("discipline:").contains("missing: radiologist"));
        problem(invite(caseId, invitation(caseId, "radiologist", List.of("HK", "GB"))), HttpStatus.UNPROCESSABLE_ENTITY,
                "guest-not-licensed").jsonPath("$.detail").value(d -> assertThat((String) d)
                .startsWith("licensedIn:").contains("not in CN"));
        problem(invite(caseId, with(invitation(caseId, "radiologist", List.of("CN")), "institution",
                "FUDAN cancer centre")), HttpStatus.UNPROCESSABLE_ENTITY, "conflict-of-interest")
                .jsonPath("$.detail").value(d -> assertThat((String) d).startsWith("institution:"));
        problem(invite(caseId, with(invitation(caseId, "radiologist", List.of("CN")), "expiresIn", "P90D")),
                HttpStatus.BAD_REQUEST, "invalid-expires-in");
        problem(invite(newCaseId("guest-unknown"), invitation(caseId, "radiologist", List.of("CN"))),
                HttpStatus.NOT_FOUND, "not-found");
        // only a coordinator invites
        http.post().uri("/reviews/{id}/guests", caseId).header(HttpHeaders.AUTHORIZATION, specialist("dr-zhou-yan"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(invitation(caseId, "radiologist", List.of("CN")))
                .exchange().expectStatus().isForbidden();

        Document after = mongo.findById(caseId, Document.class, "panelGaps").block();
        for (String field : List.of("reason", "uncovered", "members", "at", "appliedEvents", "guests")) {
            assertThat(after.get(field)).as(field).isEqualTo(gap.get(field));
        }
        assertThat(storedReview(caseId)).isNull();
        assertThat(KafkaProbe.envelopes(MessageType.MDT_SCHEDULED, caseId)).isEmpty();
    }

    @Test
    void guestsAloneAreNoPanelTheyAreKeptUntilADirectoryMemberCanChair() {
        // nobody in the directory is licensed in Brazil: every seat is missing
        String caseId = newCaseId("guest-br");
        KafkaProbe.publish(submitted(caseId, "BR", List.of(ConsentChanged.REVIEW, ConsentChanged.SHARE_WITH_PANEL,
                ConsentChanged.CROSS_BORDER_TRANSFER)));
        KafkaProbe.publish(new ScheduleReview(caseId, "lung", Urgency.ROUTINE, List.of("pathologist",
                "medical-oncologist", "thoracic-surgeon"), List.of("pt"), "America/Sao_Paulo", null, null, "BR", null));
        KafkaProbe.awaitPublished(MessageType.CASE_STEP_FAILED, caseId, CaseStepFailed.class);

        Map<String, Object> pathologist = with(with(invitation(caseId, "pathologist", List.of("BR")), "name",
                "Dra Ana Souza"), "timeZone", "America/Sao_Paulo");
        invite(caseId, pathologist).expectStatus().isCreated().expectBody()
                .jsonPath("$.outcome").isEqualTo("PANEL_INCOMPLETE")
                .jsonPath("$.review").doesNotExist()
                .jsonPath("$.guest.seated").isEqualTo(false)
                .jsonPath("$.stillMissing").value(r -> assertThat((String) r).contains("1 of 3 disciplines"))
                .jsonPath("$.missing[*].discipline").value(d -> assertThat(d).asList()
                        .containsExactlyInAnyOrder("medical-oncologist", "thoracic-surgeon"));
        Document kept = mongo.findById(caseId, Document.class, "panelGaps").block();
        assertThat(kept.getList("guests", Document.class)).singleElement()
                .satisfies(g -> assertThat(g.getString("name")).startsWith("enc:v1:"));
        // the same person, or the same discipline, once
        problem(invite(caseId, with(invitation(caseId, "thoracic-surgeon", List.of("BR")), "email",
                caseId.toUpperCase() + "@partner-hospital.example")), HttpStatus.CONFLICT, "guest-already-invited")
                .jsonPath("$.detail").value(d -> assertThat((String) d).startsWith("email:"));
        problem(invite(caseId, with(invitation(caseId, "pathologist", List.of("BR")), "email", "other@partner.example")),
                HttpStatus.CONFLICT, "guest-already-invited")
                .jsonPath("$.detail").value(d -> assertThat((String) d).startsWith("discipline:"));
        // a second guest makes two seats, but nobody from the directory to chair
        invite(caseId, with(with(invitation(caseId, "thoracic-surgeon", List.of("BR")), "email",
                "surgeon@partner.example"), "timeZone", "America/Sao_Paulo")).expectStatus().isCreated().expectBody()
                .jsonPath("$.outcome").isEqualTo("PANEL_INCOMPLETE")
                .jsonPath("$.stillMissing").value(r -> assertThat((String) r).contains("only guests can sit"));
        assertThat(awaitGuestInvitation(caseId, 0)).isEmpty();

        // licensure widened for the medical oncologist (the patient consented): the guests and a chair sit together
        http.post().uri("/reviews/{id}/schedule", caseId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("crossBorderDisciplines", List.of("medical-oncologist"), "reason", "tele-oncology"))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.panel.length()").isEqualTo(3)
                .jsonPath("$.panel[?(@.discipline == 'medical-oncologist')].chair").isEqualTo(true)
                .jsonPath("$.panel[?(@.discipline == 'medical-oncologist')].crossBorder").isEqualTo(true)
                .jsonPath("$.panel[?(@.guest == true)].discipline").value(d -> assertThat(d).asList()
                        .containsExactlyInAnyOrder("pathologist", "thoracic-surgeon"));
        assertThat(awaitGuestInvitation(caseId, 2)).extracting(n -> n.recipient().name())
                .containsExactlyInAnyOrder("Dra Ana Souza", "Dr Chen Li");
    }

    @Test
    void aGuestLinkOpensOnlyItsOwnCasesBriefAndOpinionUntilRevoked() {
        String caseId = newCaseId("guest-link");
        gapFor(caseId, chinaCase(caseId, null));
        invite(caseId, invitation(caseId, "radiologist", List.of("CN"))).expectStatus().isCreated();
        String token = tokenOf(URI.create(awaitGuestInvitation(caseId, 1).get(0).parameters().get("link")));
        Document storedGuest = storedReview(caseId).getList("guests", Document.class).get(0);
        String guestId = storedGuest.getString("_id") != null ? storedGuest.getString("_id") : storedGuest.getString("id");
        String linkId = storedGuest.get("link", Document.class).getString("_id") != null
                ? storedGuest.get("link", Document.class).getString("_id") : storedGuest.get("link", Document.class).getString("id");
        String other = newCaseId("guest-other");
        gapFor(other, chinaCase(other, null));

        withLink(token).get().uri("/reviews/{id}/guest", caseId).exchange().expectStatus().isOk();
        // not another case, and nothing of this one beyond the brief and the guest's own opinion
        problem(withLink(token).get().uri("/reviews/{id}/guest", other).exchange(), HttpStatus.FORBIDDEN, "not-your-case");
        for (String path : List.of("/reviews/{id}", "/reviews/{id}/meeting", "/reviews/{id}/report",
                "/reviews/{id}/report/composition", "/cases/{id}/audit", "/sessions")) {
            problem(withLink(token).get().uri(path, caseId).exchange(), HttpStatus.FORBIDDEN, "not-your-case");
        }
        problem(withLink(token).post().uri("/reviews/{id}/consensus", caseId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(consensus(guestId)).exchange(), HttpStatus.FORBIDDEN, "not-your-case");
        problem(withLink(token).post().uri("/reviews/{id}/opinions", caseId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(opinion("dr-zhou-yan", true)).exchange(), HttpStatus.FORBIDDEN, "not-your-case");
        problem(withLink(token).post().uri("/reviews/{id}/guests", caseId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(invitation(caseId, "radiologist", List.of("CN"))).exchange(), HttpStatus.FORBIDDEN,
                "not-your-case");
        // a bearer token never opens the guest's door, whoever holds it
        http.get().uri("/reviews/{id}/guest", caseId).exchange().expectStatus().isForbidden();
        anonymous.get().uri("/reviews/{id}/guest", caseId).header(HttpHeaders.AUTHORIZATION, specialist("dr-zhou-yan"))
                .exchange().expectStatus().isForbidden();

        // forged, cut, signed for another case, expired: 401
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        problem(withLink(tampered).get().uri("/reviews/{id}/guest", caseId).exchange(), HttpStatus.UNAUTHORIZED,
                "invalid-guest-link");
        problem(withLink("garbage").get().uri("/reviews/{id}/guest", caseId).exchange(), HttpStatus.UNAUTHORIZED,
                "invalid-guest-link");
        LinkSigner signer = new LinkSigner(LINK_SECRET.getBytes(StandardCharsets.UTF_8));
        problem(withLink(signer.sign(linkId, other, GuestLinks.SCOPE, now().plusSeconds(600))).get()
                .uri("/reviews/{id}/guest", other).exchange(), HttpStatus.UNAUTHORIZED, "invalid-guest-link");
        problem(withLink(signer.sign(linkId, caseId, GuestLinks.SCOPE, now().minusSeconds(1))).get()
                .uri("/reviews/{id}/guest", caseId).exchange(), HttpStatus.UNAUTHORIZED, "invalid-guest-link")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("expired"));
        // a link of another kind (records' upload scope), even under this key
        problem(withLink(signer.sign(linkId, caseId, "upload", now().plusSeconds(600))).get()
                .uri("/reviews/{id}/guest", caseId).exchange(), HttpStatus.UNAUTHORIZED, "invalid-guest-link");

        // revoked: opens nothing; a new link is mailed and works, and the old one stays dead
        http.delete().uri("/reviews/{id}/guests/{g}/link", caseId, guestId).exchange().expectStatus().isNoContent();
        problem(withLink(token).get().uri("/reviews/{id}/guest", caseId).exchange(), HttpStatus.UNAUTHORIZED,
                "invalid-guest-link").jsonPath("$.detail").value(d -> assertThat((String) d).contains("revoked"));
        problem(guestOpinion(caseId, token, true), HttpStatus.UNAUTHORIZED, "invalid-guest-link");
        http.get().uri("/reviews/{id}", caseId).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.guests[0].link.revokedBy").isEqualTo("kim.coordinator");
        http.post().uri("/reviews/{id}/guests/{g}/link", caseId, guestId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("expiresIn", "P7D")).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.link.state").isEqualTo("ACTIVE");
        String renewed = tokenOf(URI.create(awaitGuestInvitation(caseId, 2).get(1).parameters().get("link")));
        assertThat(renewed).isNotEqualTo(token);
        guestOpinion(caseId, renewed, true).expectStatus().isCreated();
        problem(withLink(token).get().uri("/reviews/{id}/guest", caseId).exchange(), HttpStatus.UNAUTHORIZED,
                "invalid-guest-link");
        // no such guest
        problem(http.delete().uri("/reviews/{id}/guests/{g}/link", caseId, "guest-000000000000").exchange(),
                HttpStatus.NOT_FOUND, "not-found");
    }

    // --- helpers

    private Document gapFor(String caseId, ScheduleReview command) {
        KafkaProbe.publish(submitted(caseId, command.country(), List.of(ConsentChanged.REVIEW,
                ConsentChanged.SHARE_WITH_PANEL)));
        KafkaProbe.publish(command);
        KafkaProbe.awaitPublished(MessageType.CASE_STEP_FAILED, caseId, CaseStepFailed.class);
        return await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findById(caseId, Document.class, "panelGaps")
                .block(), d -> d != null);
    }

    /** A hepatologist (one is licensed in China) and a radiologist (none is), for a patient in Shanghai. */
    private static ScheduleReview chinaCase(String caseId, String treatingInstitution) {
        return new ScheduleReview(caseId, "liver", Urgency.ROUTINE, List.of("hepatologist", "radiologist"),
                List.of("zh"), "Asia/Shanghai", null, null, "CN", treatingInstitution);
    }

    private static CaseSubmitted submitted(String caseId, String country, List<String> consents) {
        return new CaseSubmitted(caseId, "liver", "transplantation", LocalDate.of(2027, 1, 20),
                "Resection or transplant?", "Resection", new Recipient("Li Wen", caseId + "@example.org", "zh"),
                List.of("zh"), "Asia/Shanghai", country, now(), null, List.of(), consents, null);
    }

    private static Map<String, Object> invitation(String caseId, String discipline, List<String> licensedIn) {
        return Map.of("name", "Dr Chen Li", "email", caseId + "@partner-hospital.example", "discipline", discipline,
                "institution", "Shanghai Partner Hospital", "licensedIn", licensedIn, "timeZone", "Asia/Shanghai",
                "languages", List.of("zh", "en"), "reason", REASON);
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new HashMap<>(body);
        changed.put(field, value);
        return changed;
    }

    private WebTestClient.ResponseSpec invite(String caseId, Map<String, ?> body) {
        return http.post().uri("/reviews/{id}/guests", caseId).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange();
    }

    private WebTestClient withLink(String token) {
        return anonymous.mutate().defaultHeader(GuestLinks.HEADER, token).build();
    }

    private WebTestClient.ResponseSpec guestOpinion(String caseId, String token, boolean agrees) {
        return withLink(token).post().uri("/reviews/{id}/guest/opinion", caseId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("recommendation", agrees ? "Resection is reasonable" : "Transplant assessment first",
                        "agreesWithFirstOpinion", agrees, "confidence", "HIGH",
                        "informationMissing", "Liver MRI with hepatobiliary contrast"))
                .exchange();
    }

    /** The guest invitations mailed for the case, in the order sent, once there are {@code count}. */
    private List<SendNotification> awaitGuestInvitation(String caseId, int count) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> KafkaProbe
                .envelopes(MessageType.SEND_NOTIFICATION, caseId).stream().map(e -> e.payload(SendNotification.class))
                .filter(n -> n.purpose() == NotificationPurpose.GUEST_INVITATION).toList(), l -> l.size() == count);
    }

    private static String tokenOf(URI link) {
        return UriComponentsBuilder.fromUri(link).build().getQueryParams().getFirst(GuestLinks.PARAMETER);
    }

    private static ReviewView.Member member(ReviewView review, String discipline) {
        return review.panel().stream().filter(m -> m.discipline().equals(discipline)).findFirst().orElseThrow();
    }
}
