package org.consilium.console.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.consilium.console.TemplatePages;
import org.consilium.console.casepage.Checklist;
import org.consilium.console.signin.SignedInUser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * The patient's pages rendered from the real templates and bundles: the case's progress in the patient's language
 * (Simplified Chinese, Arabic right to left), the records still missing in plain words, the released report with its
 * downloads, the follow-up questions with the chair's answer, a refused question with its message beside the field,
 * the inbox's unread count, and each section whose service did not answer saying so.
 */
class PatientPagesTemplateTest {
    static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    static PatientCase lungCase(String stage) {
        return new PatientCase("case-1", stage, List.of(new PatientCase.StageChange("SUBMITTED", NOW.minusSeconds(86_400 * 3)),
                new PatientCase.StageChange(stage, NOW.minusSeconds(86_400))), "lung", "Chemotherapy first?",
                LocalDate.parse("2026-12-20"), NOW.minusSeconds(86_400 * 3), null, List.of(),
                new PatientCase.Patient("Pat Lee", "pat.lee@example.org", List.of("zh-Hans", "en"), "Asia/Shanghai"),
                new PatientCase.Caregiver("Sam Lee", "sam.lee@example.org"),
                Map.of("REVIEW", true, "SHARE_WITH_PANEL", true, "CROSS_BORDER_TRANSFER", false, "CONTACT_CURRENT_DOCTOR", true),
                List.of(new PatientCase.ConsentChange("CROSS_BORDER_TRANSFER", false, NOW.minusSeconds(3600))));
    }

    static Checklist records(String... missing) {
        List<Checklist.Item> items = new java.util.ArrayList<>();
        items.add(new Checklist.Item("pathology-report", "Diagnostic pathology report", true, "RECEIVED", null, null, null, List.of()));
        for (String code : missing) {
            items.add(new Checklist.Item(code, "Brain MRI (stage II or higher)", !code.equals("brain-mri"), "MISSING", 60,
                    null, null, List.of()));
        }
        return new Checklist("COLLECTING", NOW.plusSeconds(86_400 * 5), null, null, items);
    }

    static PatientInbox inbox() {
        return new PatientInbox(1, List.of(new PatientInbox.Message("m-1", "case-1", "REPORT", "您的第二诊疗意见报告已完成",
                "报告见附件。", List.of("consilium-report-case-1-zh.pdf"), NOW, null)));
    }

    private static String render(PatientLanguage language, PatientCase theCase, Part<Checklist> records,
                                 Part<PatientReview> review, Part<PatientInbox> inbox, PatientPages.QuestionForm form) {
        Map<String, Object> model = new HashMap<>();
        model.put("w", new PatientWords(PatientWords.bundles(), language, ZoneId.of("Asia/Shanghai")));
        model.put("theCase", theCase);
        model.put("progress", CaseProgress.of(theCase, Optional.ofNullable(records.value()), Optional.ofNullable(review.value())));
        model.put("records", records);
        model.put("review", review);
        model.put("takesQuestions", review.map(r -> r.takesQuestions(NOW), false));
        model.put("inbox", inbox);
        model.put("form", form);
        model.put("done", "");
        model.put("languages", PatientLanguage.values());
        model.put("here", "/my/cases/case-1");
        model.put("user", new SignedInUser("pat.lee", "Pat Lee", List.of("patient")));
        return TemplatePages.render("my-case", model);
    }

    @Test
    void whereTheCaseStandsInSimplifiedChineseWithTheRecordsStillMissingInPlainWords() {
        Document page = Jsoup.parse(render(PatientLanguage.ZH, lungCase("COLLECTING_RECORDS"),
                new Part<>(records("brain-mri", "ct-chest-abdomen"), "", 200), new Part<>(null, "", 404),
                new Part<>(inbox(), "", 200), PatientPages.QuestionForm.EMPTY));

        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("zh-Hans");
        assertThat(page.selectFirst("html").attr("dir")).isEqualTo("ltr");
        assertThat(page.select(".status .stage-now").text()).isEqualTo("我们正在收集您的病历资料");
        assertThat(page.select(".waiting-on").text()).isEqualTo("您或您的医生：请提供下面列出的资料");
        assertThat(page.select(".next").text()).startsWith("请在2026年12月11日").contains("下面列出的资料");
        // what the case waits for, each in plain words; then what would also help
        assertThat(page.select(".missing:not(.optional) li").eachAttr("data-item")).containsExactly("ct-chest-abdomen");
        assertThat(page.select(".missing li[data-item=ct-chest-abdomen] strong").text()).isEqualTo("胸部和腹部CT（报告和影像）");
        assertThat(page.select(".missing.optional li").eachAttr("data-item")).containsExactly("brain-mri");
        assertThat(page.select("#records h3").text()).isEqualTo("如果您有，以下资料也会有帮助");
        assertThat(page.select(".steps li.current").text()).contains("资料");
        assertThat(page.select(".steps li[aria-current=step]")).hasSize(1);
        // no review yet: the report says it is not ready, no form to ask, no download
        assertThat(page.select("#report .expect").text()).startsWith("您的报告尚未完成");
        assertThat(page.select("#report a")).isEmpty();
        assertThat(page.select("form.ask")).isEmpty();
        // the inbox: the unread count in the header, the message with its button
        assertThat(page.select(".inbox-count .count").text()).isEqualTo("1");
        assertThat(page.select("#inbox li.unread button").text()).isEqualTo("标为已读");
        assertThat(page.select(".languages a[aria-current]").text()).isEqualTo("简体中文");
    }

    @Test
    void theReleasedReportWithItsDownloadsAndTheChairsAnswerRightToLeftInArabic() {
        PatientReview review = new PatientReview("case-1", "CONCLUDED", NOW.minusSeconds(86_400 * 2), NOW.minusSeconds(86_400),
                NOW.plusSeconds(86_400 * 29), new PatientReview.Report(2, NOW.minusSeconds(3600), false,
                "The panel suggests medicine first.", "Neoadjuvant chemo-immunotherapy", List.of("PD-L1"), List.of()),
                List.of(new PatientReview.Question("q1", "May I travel?", NOW.minusSeconds(1800), "Yes, after the first cycle.",
                        NOW.minusSeconds(600))));
        Document page = Jsoup.parse(render(PatientLanguage.AR, lungCase("REPORT_DELIVERED"),
                new Part<>(records(), "", 200), new Part<>(review, "", 200), new Part<>(inbox(), "", 200),
                PatientPages.QuestionForm.EMPTY));

        assertThat(page.selectFirst("html").attr("dir")).isEqualTo("rtl");
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("ar");
        assertThat(page.select(".status .stage-now").text()).isEqualTo("تقريرك جاهز");
        assertThat(page.select("#report .plain").text()).isEqualTo("The panel suggests medicine first.");
        assertThat(page.select("#report .verdict").text()).isEqualTo("يقترح الفريق خطة مختلفة عن التي اقترحها طبيبك.");
        assertThat(page.select("#report .downloads a").eachAttr("href")).containsExactly(
                "/my/cases/case-1/report/plain.pdf?language=ar", "/my/cases/case-1/report/clinician.pdf");
        // the doctor's part stays English and left to right inside the Arabic page
        assertThat(page.select(".clinician p").attr("dir")).isEqualTo("ltr");
        assertThat(page.select(".questions li[data-question=q1] .a").text()).isEqualTo("Yes, after the first cycle.");
        assertThat(page.select("form.ask textarea#question")).hasSize(1);
        assertThat(page.select(".records .missing, #records .missing")).isEmpty();
        assertThat(page.select("#records .ok").text()).isEqualTo("لدينا كل السجلات التي يحتاجها الفريق.");
    }

    @Test
    void aRefusedQuestionIsShownAgainWithItsMessageBesideTheField() {
        PatientReview review = new PatientReview("case-1", "CONCLUDED", null, NOW.minusSeconds(3600),
                NOW.plusSeconds(86_400), null, List.of());
        Document page = Jsoup.parse(render(PatientLanguage.EN, lungCase("MDT_CONCLUDED"), new Part<>(records(), "", 200),
                new Part<>(review, "", 200), new Part<>(inbox(), "", 200),
                new PatientPages.QuestionForm("   ", "question.error.required")));

        assertThat(page.select("#question").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.select("#question").attr("aria-describedby")).contains("question-error");
        assertThat(page.select("#question-error").text()).isEqualTo("Write your question before sending it.");
        assertThat(page.select(".waiting-on").text()).isEqualTo("us, the coordination team");
    }

    @Test
    void eachServiceThatDidNotAnswerLeavesItsSectionSayingWhatIsMissing() {
        Document page = Jsoup.parse(render(PatientLanguage.EN, lungCase("MDT_SCHEDULED"),
                new Part<>(null, "unavailable.records", 0), new Part<>(null, "unavailable.review", 503),
                new Part<>(null, "unavailable.inbox", 0), PatientPages.QuestionForm.EMPTY));

        assertThat(page.select("#records .alert").text()).contains("the records service did not answer");
        assertThat(page.select("#report .alert").text()).contains("the review service did not answer");
        assertThat(page.select("#inbox .alert").text()).contains("the message service did not answer");
        assertThat(page.select(".status .stage-now").text()).isEqualTo("The panel will discuss your case");
        assertThat(page.select(".inbox-count")).isEmpty();
    }

    @Test
    void theListOfMyCasesNamesWhoseCaseACaregiverActsFor() {
        Map<String, Object> model = new HashMap<>();
        model.put("w", new PatientWords(PatientWords.bundles(), PatientLanguage.EN, ZoneId.of("UTC")));
        model.put("cases", new Part<>(List.of(new MyCaseRow("case-1", "MDT_SCHEDULED", NOW, NOW, "lung", "Pat Lee",
                List.of("zh-Hans"), "Asia/Shanghai", "caregiver")), "", 200));
        model.put("inbox", new Part<>(new PatientInbox(0, List.of()), "", 200));
        model.put("languages", PatientLanguage.values());
        model.put("here", "/my");
        Document page = Jsoup.parse(TemplatePages.render("my", model));

        assertThat(page.select(".my-cases li[data-case=case-1] h2 a").text()).isEqualTo("The case of Pat Lee, for whom you act");
        assertThat(page.select(".my-cases li[data-case=case-1] h2 a").attr("href")).isEqualTo("/my/cases/case-1");
        assertThat(page.select(".my-cases .stage-now").text()).isEqualTo("The panel will discuss your case");
        assertThat(page.select("#inbox .empty").text()).isEqualTo("No message yet.");
    }

    @Test
    void eachConsentInPlainWordsWithTheChangeItOffersAndTheCaseWithdrawnOnlyAfterAskingOnceMore() {
        Map<String, Object> model = new HashMap<>();
        model.put("w", new PatientWords(PatientWords.bundles(), PatientLanguage.ZH, ZoneId.of("Asia/Shanghai")));
        model.put("theCase", lungCase("COLLECTING_RECORDS"));
        model.put("purposes", PatientConsentController.PURPOSES);
        model.put("done", "consent.changed");
        model.put("error", "");
        model.put("languages", PatientLanguage.values());
        model.put("here", "/my/cases/case-1/consent");
        Document page = Jsoup.parse(TemplatePages.render("my-consent", model));

        assertThat(page.select("article.consent").eachAttr("data-purpose")).containsExactlyElementsOf(PatientConsentController.PURPOSES);
        assertThat(page.select("#consent-CROSS_BORDER_TRANSFER h2").text()).isEqualTo("其他国家的专家");
        assertThat(page.select("#consent-CROSS_BORDER_TRANSFER input[name=granted]").val()).isEqualTo("true");
        assertThat(page.select("#consent-CONTACT_CURRENT_DOCTOR input[name=granted]").val()).isEqualTo("false");
        assertThat(page.select("#consent-CONTACT_CURRENT_DOCTOR button").text()).isEqualTo("停止此项");
        // the review itself is not stopped by one button: that is withdrawing the case, on its own page
        assertThat(page.select("#consent-REVIEW form")).isEmpty();
        assertThat(page.select("#consent-REVIEW a").attr("href")).isEqualTo("/my/cases/case-1/withdraw");
        assertThat(page.select(".consent-history li").text()).contains("其他国家的专家").contains("您未同意");
        assertThat(page.select("[role=status]").text()).isEqualTo("您的选择已保存。");

        model.put("w", new PatientWords(PatientWords.bundles(), PatientLanguage.AR, ZoneId.of("UTC")));
        model.put("reason", "");
        model.put("error", "withdraw.error.reason");
        model.put("here", "/my/cases/case-1/withdraw");
        Document withdraw = Jsoup.parse(TemplatePages.render("my-withdraw", model));
        assertThat(withdraw.selectFirst("html").attr("dir")).isEqualTo("rtl");
        assertThat(withdraw.select("#reason").attr("aria-invalid")).isEqualTo("true");
        assertThat(withdraw.select("#reason-error").text()).isEqualTo("يرجى ذكر سبب السحب في كلمات قليلة.");
        assertThat(withdraw.select("form button").text()).isEqualTo("نعم، اسحب طلبي");
        assertThat(withdraw.select("form").attr("action")).isEqualTo("/my/cases/case-1/withdraw");
    }
}
