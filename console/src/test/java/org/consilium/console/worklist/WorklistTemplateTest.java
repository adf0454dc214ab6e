package org.consilium.console.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.consilium.console.TemplatePages;
import org.consilium.console.caseview.CaseEvents;
import org.consilium.console.caseview.CaseStage;
import org.consilium.console.caseview.CaseViewStore;
import org.consilium.console.caseview.TestCaseViews;
import org.consilium.console.cases.CaseHeader;
import org.consilium.console.cases.IntakeCases;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import reactor.core.publisher.Mono;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The worklist page rendered from the real template: rows to move between, boxes to assign, pages, the live hook. */
class WorklistTemplateTest {
    private static final Instant NOW = Instant.parse("2026-12-06T08:00:00Z");

    @Test
    void rowsForTheKeyboardBoxesForBulkAssignPagingAndTheLiveList() {
        OpenWork openWork = new OpenWork(mock(CaseViewStore.class));
        for (int i = 0; i < 30; i++) {
            String id = "case-" + i;
            openWork.changed(TestCaseViews.of(id, "lung", "URGENT", false,
                    CaseEvents.opened(id, "t-" + i, "Review intake", "URGENT", NOW, NOW.plus(Duration.ofHours(i - 2)))));
        }
        IntakeCases intake = mock(IntakeCases.class);
        when(intake.header(anyString())).thenReturn(Mono.just(new CaseHeader("case-0", "Budi Santoso", "SUBMITTED", null,
                "lung", "Surgery first?", null, NOW, List.of(), Map.of(), List.of(), null, null, null, List.of())));
        WorklistQuery query = WorklistQuery.of(new LinkedMultiValueMap<>(Map.of("tumour", List.of("lung"))));
        Worklist.Shown shown = new Worklist(openWork, intake, Clock.fixed(NOW, ZoneOffset.UTC)).show(query, "cora.nolan").block();

        Map<String, Object> model = new HashMap<>();
        model.put("stylesheet", "/css/console.css");
        model.put("query", query);
        model.put("here", query.here());
        model.put("coordinators", List.of("cora.nolan", "ana.okafor"));
        Map<String, String> stages = new LinkedHashMap<>();
        CaseStage.IN_ORDER.forEach(stage -> stages.put(stage, CaseStage.label(stage)));
        model.put("stages", stages);
        model.put("worklistScript", "/js/worklist-abc.js");
        model.put("rows", shown.rows());
        model.put("work", shown.page());
        String html = render(model);

        assertThat(html).contains("30</span>", "showing 1–25", "Page 1 of 2",
                "href=\"/worklist?tumour=lung&amp;page=2\"", "data-live=\"/worklist/changes\"",
                "<script src=\"/js/worklist-abc.js\" defer></script>", "<option value=\"lung\" selected=\"selected\">lung</option>",
                "name=\"taskId\" form=\"bulk\" value=\"t-0\"", "Choose Review intake for Budi Santoso", "overdue by 2 h",
                "<option value=\"ana.okafor\">ana.okafor</option>", "tabindex=\"-1\"", "class=\"button open-task\"");
    }

    @Test
    void theWorklistReadsInSimplifiedChinese() {
        OpenWork openWork = new OpenWork(mock(CaseViewStore.class));
        openWork.changed(TestCaseViews.of("case-0", "lung", "URGENT", false,
                CaseEvents.opened("case-0", "t-0", "Review intake", "URGENT", NOW, NOW.minus(Duration.ofHours(2)))));
        IntakeCases intake = mock(IntakeCases.class);
        when(intake.header(anyString())).thenReturn(Mono.just(new CaseHeader("case-0", "Budi Santoso", "SUBMITTED", null,
                "lung", "Surgery first?", null, NOW, List.of(), Map.of(), List.of(), null, null, null, List.of())));
        WorklistQuery query = WorklistQuery.of(new LinkedMultiValueMap<>());
        Worklist.Shown shown = new Worklist(openWork, intake, Clock.fixed(NOW, ZoneOffset.UTC)).show(query, "cora.nolan").block();
        Map<String, Object> model = new HashMap<>();
        model.put("query", query);
        model.put("here", query.here());
        model.put("coordinators", List.of("cora.nolan"));
        Map<String, String> stages = new LinkedHashMap<>();
        CaseStage.IN_ORDER.forEach(stage -> stages.put(stage, CaseStage.label(stage)));
        model.put("stages", stages);
        model.put("rows", shown.rows());
        model.put("work", shown.page());
        String html = TemplatePages.render("worklist", model, org.consilium.console.language.StaffLanguage.ZH);

        assertThat(html).contains("<html lang=\"zh-Hans\">", "<h1>工作列表</h1>", "剩余时间", "已超时2小时0分钟", "紧急",
                        "分诊结果，待确认", "肺癌", "已提交", "打开任务", "认领", "待您质控的报告", "未确认送达的邮件")
                .contains("Budi Santoso", "Surgery first?")
                .doesNotContain("??", "Open task", "overdue by");
    }

    private static String render(Map<String, Object> model) {
        return TemplatePages.render("worklist", model);
    }
}
