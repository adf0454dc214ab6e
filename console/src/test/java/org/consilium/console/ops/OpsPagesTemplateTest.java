package org.consilium.console.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.consilium.console.TemplatePages;
import org.junit.jupiter.api.Test;

/** The ops pages rendered from the real templates with the models their controller gives them. */
class OpsPagesTemplateTest {
    private static final Instant AT = Instant.parse("2026-12-06T20:00:00Z");

    @Test
    void thePipelineShowsEachServicesBacklogAndTheOneThatDoesNotAnswer() {
        Map<String, Object> model = model();
        model.put("services", List.of(
                new ServicePulse.Row("bpmn", null, 0, 0, 0, 0, 2, 1, 0, 3, true),
                new ServicePulse.Row("intake-service", null, 4, 75, 0, 0, 0, 0, 0, 0, false),
                new ServicePulse.Row("records-service", null, 0, 0, 0, 0, 0, 0, 0, 0, false),
                new ServicePulse.Row("mdt-scheduler", "Connection refused: localhost/127.0.0.1:8083", 0, 0, 0, 0, 0, 0, 0, 0, false)));
        model.put("topics", List.of(new TopicRates.Row("consilium.case.events", 3, 12, 3.4, 1200)));
        model.put("rows", List.of(new ConsumerLag.Row("mdt-scheduler", "consilium.mdt.commands", 12, 100, 112, 3)));
        model.put("brokerDown", null);

        String html = TemplatePages.render("ops-pipeline", model);

        assertThat(row(html, "bpmn")).contains("needs a look", "2 pending, 0 expired, 1 dead", ">3</a>");
        assertThat(row(html, "intake-service")).contains("needs a look", "75 s");
        assertThat(row(html, "records-service")).contains("flowing");
        assertThat(row(html, "mdt-scheduler")).contains("not answering", "Connection refused");
        assertThat(html).contains("consilium.mdt.commands");
        int topic = html.indexOf("data-topic=\"consilium.case.events\"");
        assertThat(html.substring(topic, html.indexOf("</tr>", topic))).contains(">12<", ">3.4<", ">1200<");
    }

    @Test
    void incidentsOfferARetryOnlyWhereOneIsPossibleAndSayWhenTheEngineGaveNoMessage() {
        Map<String, Object> model = model();
        model.put("rows", List.of(
                new Incident("i-1", "case-1", "pi-1", "SendScheduleReview", "failedJob", AT, "broker down",
                        "TimeoutException: no ack — at org.consilium.bpmn.X.send(X.java:1)", true),
                new Incident("i-2", null, "pi-2", "Gateway_1", "failedCondition", AT, "", "", false)));
        model.put("shownAtMost", 100);
        model.put("done", null);
        model.put("engineDown", null);

        String html = TemplatePages.render("ops-incidents", model);

        assertThat(html).contains("value=\"i-1\"").doesNotContain("value=\"i-2\"");
        assertThat(html).contains("case-1", "pi-2", "broker down", "the engine gave no message", "at org.consilium.bpmn.X");
    }

    @Test
    void stuckCasesSayHowLongOverdueAndWhoseMoveItIs() {
        Map<String, Object> model = model();
        model.put("rows", List.of(new StuckCase("case-9", "COLLECTING_RECORDS", AT, Duration.ofHours(28),
                "the patient's side and their doctor: records", null)));
        model.put("shownAtMost", 200);

        String html = TemplatePages.render("ops-stuck", model);

        assertThat(html).contains("case-9", "Collecting records", "1 d 4 h", "the patient", "1 past their target");
    }

    @Test
    void stuckCasesInChinese() {
        Map<String, Object> model = model();
        model.put("rows", List.of(new StuckCase("case-9", "COLLECTING_RECORDS", AT, Duration.ofHours(28),
                "the patient's side and their doctor: records", null),
                new StuckCase("case-8", "SUBMITTED", AT, Duration.ofHours(3), "coordinators: Review intake", null)));
        model.put("shownAtMost", 200);

        String html = TemplatePages.render("ops-stuck", model, org.consilium.console.language.StaffLanguage.ZH);

        assertThat(html).contains("<html lang=\"zh-Hans\">", "停滞病例", "收集病历资料中", "1天4小时", "患者及其医生：病历资料",
                "协调员：Review intake", "2 例已超过目标时间", "消息管道").doesNotContain("??");
    }

    private static String row(String html, String service) {
        int start = html.indexOf("data-service=\"" + service + "\"");
        return html.substring(start, html.indexOf("</tr>", start));
    }

    private static Map<String, Object> model() {
        Map<String, Object> model = new HashMap<>();
        model.put("stylesheet", "/css/console.css");
        return model;
    }
}
