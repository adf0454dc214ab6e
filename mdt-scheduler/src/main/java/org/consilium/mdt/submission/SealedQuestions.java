package org.consilium.mdt.submission;

import org.consilium.support.crypto.SealedConverters;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The patient's question and their first opinion are health data: sealed where they are kept (ADR 12).
 */
@Configuration(proxyBeanMethods = false)
class SealedQuestions {

    @Bean
    SealedConverters questionTexts() {
        return SealedConverters.properties(SubmittedQuestion.class, "questionForPanel", "firstOpinion");
    }
}
