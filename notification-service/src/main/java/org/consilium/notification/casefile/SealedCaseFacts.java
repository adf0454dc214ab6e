package org.consilium.notification.casefile;

import org.consilium.support.crypto.SealedConverters;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The question, the first opinion and the released reports are the patient's words and the panel's answer: sealed
 * at rest (ADR 12) like the people, whose {@code Recipient}s the shared converters seal already.
 */
@Configuration(proxyBeanMethods = false)
class SealedCaseFacts {

    @Bean
    SealedConverters caseContactTexts() {
        return SealedConverters.properties(CaseContacts.class, "questionForPanel", "firstOpinion");
    }

    @Bean
    SealedConverters releasedReportTexts() {
        return SealedConverters.properties(ReleasedReport.class, "content");
    }
}
