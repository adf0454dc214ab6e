package org.consilium.notification.delivery;

import org.consilium.events.CaseMessage;
import org.consilium.events.DeliverReport;
import org.consilium.events.Envelope;
import org.consilium.events.NotificationPurpose;
import org.consilium.events.Recipient;
import org.consilium.events.ReportContent;
import org.consilium.events.SendNotification;
import org.consilium.events.UnreadableMessageException;
import org.consilium.notification.mail.MailSettings;
import org.consilium.notification.mail.MailTemplates;
import org.consilium.notification.mail.RenderedMail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.support.GenericApplicationContext;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** From command to rendered email, without Spring or SMTP: the wording and its edge cases. */
class OutgoingMailTest {
    static final Recipient SITI = new Recipient("Siti Rahman", "siti@example.org", "id");
    final MailTemplates templates = new MailTemplates(new GenericApplicationContext(),
            new MailSettings("care-team@consilium.local", "Consilium care team", "classpath:/mail/", "en"));

    @Test
    void aReportThatConfirmsWithoutDissentSaysSoAndLeavesOutTheEmptySections() {
        RenderedMail mail = render(new DeliverReport("case-1", new Recipient("Siti Rahman", "siti@example.org", "en"),
                "Surgery first?", "Lobectomy",
                new ReportContent(true, "Lobectomy as planned", "Your team's plan is what we would advise.", null,
                        List.of(), "Dr Tan")));

        assertThat(mail.subject()).isEqualTo("Your second-opinion report is ready");
        assertThat(mail.text()).contains("The panel confirms the first opinion.", "Lobectomy as planned",
                        "Signed on behalf of the panel by Dr Tan.", "decisions about your treatment stay with you")
                .doesNotContain("differs", "WHY THE PANEL'S VIEW DIFFERS", "DIFFERENT VIEWS WITHIN THE PANEL");
        assertThat(mail.html()).contains("The panel confirms the first opinion.")
                .doesNotContain("differs", "Different views within the panel");
    }

    /** Issue 11: the report email comes in the reader's language, like the PDF it carries. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ar-AE | ar | تقرير الرأي الطبي الثاني الخاص بك جاهز | توصية اللجنة تختلف عن الرأي الطبي الأول. | يرجى الانتباه",
            "pt-BR | pt | O relatório da sua segunda opinião está pronto | A recomendação do painel é diferente da primeira opinião. | NOTA IMPORTANTE",
            "es    | es | Su informe de segunda opinión está listo | La recomendación del panel es distinta de la primera opinión. | TENGA EN CUENTA",
            "id    | id | Laporan opini kedua Anda sudah siap | Rekomendasi panel berbeda dari opini pertama. | HARAP DIPERHATIKAN",
            "zh-CN | zh | 您的第二诊疗意见报告已出具 | 专家小组的建议与您之前得到的第一诊疗意见不同。 | 请注意"})
    void theReportEmailIsInTheReadersLanguage(String requested, String language, String subject, String verdict,
                                              String note) {
        RenderedMail mail = render(new DeliverReport("case-1", new Recipient("Siti Rahman", "siti@example.org", requested),
                "Surgery first?", "Lobectomy", new ReportContent(false, "Medicine first", "Shrink it first.",
                "PD-L1 was not known", List.of("The surgeon would operate first"), "Dr Tan")));

        assertThat(mail.language()).isEqualTo(language);
        assertThat(mail.subject()).isEqualTo(subject);
        assertThat(mail.text()).contains("Siti Rahman", verdict, note, "Medicine first", "PD-L1 was not known",
                "The surgeon would operate first", "Dr Tan", "case-1").doesNotContain("Dear", "null");
        assertThat(mail.html()).contains(verdict, "Medicine first");
    }

    @Test
    void theArabicReportEmailIsWrittenRightToLeft() {
        RenderedMail mail = render(new DeliverReport("case-1", new Recipient("ليلى حسن", "layla@example.org", "ar"),
                "Surgery first?", null, new ReportContent(true, "Surgery", "ok", null, List.of(), "Dr Tan")));

        assertThat(mail.html()).contains("<html lang=\"ar\" dir=\"rtl\">", "direction: rtl", "ليلى حسن");
    }

    /**
     * Issue 11: a reminder said "brain-mri" and "(Z)" to everyone, in English. The process sends the checklist's item
     * codes and the case's time zone; the reader sees titles in their language and the deadline in their zone, named.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "en    | We are still waiting | Brain MRI: report and images | Molecular (genetic) test results of the tumour | CT scan of the chest and abdomen: report and images (out of date | December 1, 2026 | 11:59 | (Western Indonesia Time)",
            "id-ID | Kami masih menunggu | MRI otak: laporan dan gambar | Hasil tes molekuler (genetik) tumor | CT scan dada dan perut: laporan dan gambar (sudah terlalu lama | 1 Desember 2026 | 11.59 | (Waktu Indonesia Barat)",
            "pt-BR | Ainda aguardamos | Ressonância magnética do cérebro: relatório e imagens | Resultados dos testes moleculares (genéticos) do tumor | (TC) do tórax e abdome: relatório e imagens (desatualizado | 1 de dezembro de 2026 | 11:59 | (Horário da Indonésia Ocidental)",
            "es    | Todavía esperamos | Resonancia magnética cerebral: informe e imágenes | Resultados de las pruebas moleculares (genéticas) del tumor | (TC) de tórax y abdomen: informe e imágenes (desactualizado | 1 de diciembre de 2026 | 11:59 | (hora de Indonesia occidental)",
            "zh    | 我们仍在等待 | 脑部核磁共振（MRI）：报告及影像 | 肿瘤分子（基因）检测结果 | 胸部和腹部CT：报告及影像（已过期 | 2026年12月1日 | 11:59 | (印度尼西亚西部时间)",
            "ar    | ما زلنا ننتظر | تصوير الدماغ بالرنين المغناطيسي: التقرير والصور | نتائج الفحوص الجزيئية (الجينية) للورم | تصوير مقطعي (CT) للصدر والبطن: التقرير والصور (قديم | 2026 | 11:59 | (توقيت غرب إندونيسيا)"})
    void aReminderNamesEachRecordByItsTitleInTheReadersLanguageAndTheDeadlineInTheirZone(String language, String subject,
            String missing, String otherMissing, String stale, String date, String time, String zone) {
        RenderedMail mail = render(new SendNotification("case-1", new Recipient("Budi", "budi@example.org", language),
                NotificationPurpose.RECORDS_REMINDER, Map.of("missing", "brain-mri, molecular-results",
                        "stale", "ct-chest-abdomen", "dueBy", "2026-12-01T04:59:00Z", "timeZone", "Asia/Jakarta")));

        assertThat(mail.subject()).startsWith(subject);
        for (String body : List.of(mail.text(), mail.html().replaceAll("<[^>]+>", ""))) {
            assertThat(body).contains(missing, otherMissing, stale, date, time, zone)
                    .doesNotContain("brain-mri", "molecular-results", "ct-chest-abdomen", "(Z)", "Asia/Jakarta");
        }
    }

    @Test
    void aTimeWithoutAZoneIsShownInUtcAndSaysSoInWords() {
        RenderedMail mail = render(new SendNotification("case-1", new Recipient("Budi", "budi@example.org", "en"),
                NotificationPurpose.RECORDS_REMINDER, Map.of("dueBy", "2026-12-01T04:59:00Z")));

        assertThat(mail.text()).contains("December 1, 2026", "4:59", "(Coordinated Universal Time)").doesNotContain("(Z)");
    }

    @Test
    void aReminderListsEveryMissingRecordAndTheDueDateInTheReadersWords() {
        RenderedMail mail = render(new SendNotification("case-1", new Recipient("Siti", "siti@example.org", "en"),
                NotificationPurpose.RECORDS_REMINDER,
                Map.of("missing", "brain MRI; EGFR/ALK results, PD-L1", "dueBy", "2026-12-01",
                        "uploadUrl", "https://consilium.example/cases/case-1/records")));

        assertThat(mail.text()).contains("  - brain MRI\n", "  - EGFR/ALK results\n", "  - PD-L1\n",
                "by December 1, 2026", "at https://consilium.example/cases/case-1/records");
        assertThat(mail.html()).contains("<li><span>PD-L1</span></li>", "href=\"https://consilium.example/cases/case-1/records\"");
    }

    @Test
    void theDoctorsRequestIsWrittenForAClinicianAndSaysConsentCanEnd() {
        RenderedMail mail = render(new SendNotification("case-1", new Recipient("Dr Karim", "karim@example.org", "en"),
                NotificationPurpose.RECORDS_REQUEST_TO_DOCTOR, Map.of("missing", "pathology report; staging CT",
                        "dueBy", "2026-12-01")));

        assertThat(mail.subject()).isEqualTo("Records requested for a patient's second-opinion review");
        assertThat(mail.text()).contains("Dear Dr Karim", "given us their consent to contact you", "  - pathology report\n",
                "  - staging CT\n", "by December 1, 2026", "withdraw this consent", "Case reference: case-1");
        assertThat(mail.html()).contains("<li><span>staging CT</span></li>");
    }

    @Test
    void aPanelMembersInvitationShowsTheSessionInTheirOwnZoneAndTheirRole() {
        RenderedMail mail = render(new SendNotification("case-1", new Recipient("Dr Hughes", "hughes@example.org", "en"),
                NotificationPurpose.MDT_INVITATION, Map.of("sessionStartsAt", "2026-12-08T02:00:00Z",
                        "timeZone", "Europe/London", "discipline", "thoracic-surgeon", "role", "chair",
                        "sessionId", "thoracic-2026-12-08")));

        assertThat(mail.subject()).isEqualTo("MDT review invitation: case case-1");
        assertThat(mail.text()).contains("Dear Dr Hughes", "as the thoracic-surgeon", "you chair the discussion",
                "December 8, 2026", "2:00", "(Greenwich Mean Time)", "session thoracic-2026-12-08");
    }

    @Test
    void aSessionTimeIsShownInThePatientsTimeZone() {
        RenderedMail mail = render(new SendNotification("case-1", SITI, NotificationPurpose.MDT_SCHEDULED,
                Map.of("sessionStartsAt", "2026-12-08T02:00:00Z", "timeZone", "Asia/Jakarta")));

        assertThat(mail.text()).contains("December 8, 2026", "9:00", "(Western Indonesia Time)").doesNotContain("(Asia/Jakarta)");
    }

    @Test
    void optionalParametersMayBeMissing() {
        for (String language : List.of("en", "id", "pt", "es", "zh", "ar")) {
            for (NotificationPurpose purpose : NotificationPurpose.values()) {
                if (purpose == NotificationPurpose.REPORT_COPY) {
                    continue; // sent from DeliverReport only (see below)
                }
                RenderedMail mail = render(new SendNotification("case-1", new Recipient("Siti Rahman", "siti@example.org",
                        language), purpose, Map.of()));
                assertThat(mail.text()).contains("Siti Rahman", "case-1").doesNotContain("null");
            }
        }
    }

    @Test
    void aCommandWithoutAUsableAddressCanNeverBeDeliveredSoItIsNotRetried() {
        assertThatThrownBy(() -> OutgoingMail.of(envelope(new SendNotification("case-1",
                new Recipient("Siti", "not an address", "id"), NotificationPurpose.CASE_DECLINED, Map.of()))))
                .isInstanceOf(UnreadableMessageException.class).hasMessageContaining("invalid recipient email");
        assertThatThrownBy(() -> OutgoingMail.of(envelope(new SendNotification("case-1", null,
                NotificationPurpose.CASE_DECLINED, Map.of()))))
                .isInstanceOf(UnreadableMessageException.class).hasMessageContaining("no recipient");
    }

    @Test
    void aReportCopyComesOnlyFromTheReportItCopies() {
        assertThatThrownBy(() -> OutgoingMail.of(envelope(new SendNotification("case-1", SITI,
                NotificationPurpose.REPORT_COPY, Map.of()))))
                .isInstanceOf(UnreadableMessageException.class).hasMessageContaining("from a DeliverReport only");
    }

    private RenderedMail render(CaseMessage command) {
        OutgoingMail mail = OutgoingMail.of(envelope(command)).orElseThrow();
        String language = templates.languageFor(mail.purpose().template(), mail.requestedLanguage());
        return templates.render(mail.purpose().template(), language, mail.variables(Locale.forLanguageTag(language)));
    }

    private static Envelope envelope(CaseMessage command) {
        return Envelope.of(command, "cmd-1", "/consilium/test", Instant.parse("2026-11-25T12:00:00Z"));
    }
}
