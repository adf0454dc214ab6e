package org.consilium.mdt.review;

import org.consilium.support.crypto.SealedConverters;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The question and first opinion a brief copies from the case are sealed in reviews and panel gaps as
 * they are where they came from (submission.SealedQuestions, ADR 12); briefs stored before read as they are.
 */
@Configuration(proxyBeanMethods = false)
class SealedBriefs {

    @Bean
    SealedConverters briefTexts() {
        return SealedConverters.properties(CaseBrief.class, "questionForPanel", "firstOpinion");
    }
}
