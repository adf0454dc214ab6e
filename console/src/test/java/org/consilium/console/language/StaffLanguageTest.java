package org.consilium.console.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * Which language a staff page takes: the switcher's (kept in the session), else the sign-in's {@code locale} claim,
 * else the browser's Accept-Language, else English; Simplified Chinese for zh, zh-CN, zh-Hans, never for zh-TW or
 * zh-Hant.
 */
class StaffLanguageTest {
    private static final List<Locale> CHINESE_BROWSER = Locale.LanguageRange.parse("zh-CN,zh;q=0.9,en;q=0.8").stream()
            .map(range -> Locale.forLanguageTag(range.getRange())).toList();
    private static final List<Locale> ENGLISH_BROWSER = List.of(Locale.forLanguageTag("en-US"), Locale.ENGLISH);

    @Test
    void theSwitcherComesFirstThenTheClaimThenTheBrowserThenEnglish() {
        assertThat(StaffLanguage.choose(Optional.of(StaffLanguage.EN), "zh-CN", CHINESE_BROWSER)).isEqualTo(StaffLanguage.EN);
        assertThat(StaffLanguage.choose(Optional.of(StaffLanguage.ZH), "en", ENGLISH_BROWSER)).isEqualTo(StaffLanguage.ZH);
        assertThat(StaffLanguage.choose(Optional.empty(), "zh-CN", ENGLISH_BROWSER)).isEqualTo(StaffLanguage.ZH);
        assertThat(StaffLanguage.choose(Optional.empty(), "en-GB", CHINESE_BROWSER)).isEqualTo(StaffLanguage.EN);
        assertThat(StaffLanguage.choose(Optional.empty(), "", CHINESE_BROWSER)).isEqualTo(StaffLanguage.ZH);
        assertThat(StaffLanguage.choose(Optional.empty(), null, ENGLISH_BROWSER)).isEqualTo(StaffLanguage.EN);
        assertThat(StaffLanguage.choose(Optional.empty(), null, List.of())).isEqualTo(StaffLanguage.EN);
    }

    @Test
    void aClaimOrABrowserLanguageThePagesAreNotWrittenInIsPassedOver() {
        // a French claim: the browser decides; a French browser that also reads Chinese: Chinese
        assertThat(StaffLanguage.choose(Optional.empty(), "fr-FR", CHINESE_BROWSER)).isEqualTo(StaffLanguage.ZH);
        assertThat(StaffLanguage.choose(Optional.empty(), null,
                List.of(Locale.FRENCH, Locale.forLanguageTag("zh-Hans")))).isEqualTo(StaffLanguage.ZH);
        assertThat(StaffLanguage.choose(Optional.empty(), null, List.of(Locale.GERMAN))).isEqualTo(StaffLanguage.EN);
    }

    @Test
    void simplifiedChineseIsZhZhCnAndZhHansNotTraditional() {
        for (String tag : new String[]{"zh", "zh-CN", "zh-Hans", "zh-Hans-CN", "zh-SG", "zh_CN"}) {
            assertThat(StaffLanguage.of(tag)).as(tag).contains(StaffLanguage.ZH);
        }
        for (String tag : new String[]{"zh-TW", "zh-Hant", "zh-HK", "zh-Hant-TW", "zh-MO"}) {
            assertThat(StaffLanguage.of(tag)).as(tag).isEmpty();
        }
        // a Traditional-Chinese browser that reads English gets English, not Simplified text
        assertThat(StaffLanguage.choose(Optional.empty(), null,
                List.of(Locale.forLanguageTag("zh-TW"), Locale.ENGLISH))).isEqualTo(StaffLanguage.EN);
        assertThat(StaffLanguage.choose(Optional.empty(), null, List.of(Locale.forLanguageTag("zh-Hant"))))
                .isEqualTo(StaffLanguage.EN);
    }

    @Test
    void theSwitchersValuesAndTheTagsThePagesCarry() {
        assertThat(StaffLanguage.ofCode("zh")).contains(StaffLanguage.ZH);
        assertThat(StaffLanguage.ofCode("en")).contains(StaffLanguage.EN);
        assertThat(StaffLanguage.ofCode("ar")).isEmpty();
        assertThat(StaffLanguage.ofCode(null)).isEmpty();
        assertThat(StaffLanguage.ZH.tag()).isEqualTo("zh-Hans");
        assertThat(StaffLanguage.ZH.nativeName()).isEqualTo("简体中文");
        assertThat(StaffLanguage.EN.nativeName()).isEqualTo("English");
        assertThat(StaffWords.in(StaffLanguage.ZH).lang()).isEqualTo("zh-Hans");
    }

    @Test
    void javaSaysItsWordsInThePagesLanguage() {
        StaffWords chinese = StaffWords.in(StaffLanguage.ZH);
        assertThat(chinese.duration(java.time.Duration.ofHours(27))).isEqualTo("1天3小时");
        assertThat(StaffWords.ENGLISH.duration(java.time.Duration.ofHours(27))).isEqualTo("1 d 3 h");
        assertThat(chinese.say("clock.overdue", chinese.duration(java.time.Duration.ofMinutes(90)))).isEqualTo("已超时1小时30分钟");
        assertThat(chinese.task("ReviewIntake", "Review intake")).isEqualTo("审核受理申请");
        assertThat(chinese.task("SomeNewTask", "Some new task")).isEqualTo("Some new task");
        assertThat(StaffWords.ENGLISH.task("ReviewIntake", "Review intake")).isEqualTo("Review intake");
        assertThat(chinese.urgency(null)).isEqualTo("未分诊");
        assertThat(chinese.cancerType("head-and-neck")).isEqualTo("头颈部肿瘤");
        assertThat(StaffWords.ENGLISH.cancerType("head-and-neck")).isEqualTo("head and neck");
    }
}
