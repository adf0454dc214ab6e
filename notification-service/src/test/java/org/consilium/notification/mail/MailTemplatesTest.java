package org.consilium.notification.mail;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MailTemplatesTest {
    final MailTemplates templates = new MailTemplates(new GenericApplicationContext(),
            new MailSettings("care-team@consilium.local", "Consilium care team", "classpath:/mail/", "en"));

    @Test
    void triesTheFullTagThenItsBaseLanguageThenTheFallback() {
        assertThat(MailTemplates.candidates("pt-BR", "en")).containsExactly("pt-br", "pt", "en");
        assertThat(MailTemplates.candidates("zh_Hans_CN", "en")).containsExactly("zh-hans-cn", "zh-hans", "zh", "en");
        assertThat(MailTemplates.candidates("EN", "en")).containsExactly("en");
        assertThat(MailTemplates.candidates(null, "en")).containsExactly("en");
        assertThat(MailTemplates.candidates("../../etc/passwd", "en")).containsExactly("en");
    }

    @Test
    void choosesTheFirstLanguageWhoseFilesAllExist() {
        assertThat(templates.languageFor("records-reminder", "id-ID")).isEqualTo("id");
        assertThat(templates.languageFor("case-declined", "id")).isEqualTo("en");
        assertThat(templates.languageFor("records-reminder", "qaa-ID")).isEqualTo("qaa");
        // qaa has no report templates: a language may be partly translated
        assertThat(templates.languageFor("report", "qaa")).isEqualTo("en");
        assertThatThrownBy(() -> templates.languageFor("no-such-template", "en")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rendersSubjectPlainTextAndHtmlWithTheReadersValuesEscapedInHtml() {
        RenderedMail mail = templates.render("case-declined", "en", Map.of("caseId", "case-1",
                "recipientName", "Siti <Rahman>", "params", Map.of("reason", "out of scope")));
        assertThat(mail.language()).isEqualTo("en");
        assertThat(mail.subject()).isEqualTo("Your request for a second opinion");
        assertThat(mail.text()).startsWith("Dear Siti <Rahman>,").contains("The reason: out of scope", "case-1");
        assertThat(mail.html()).contains("Siti &lt;Rahman&gt;", "out of scope");
    }
}
