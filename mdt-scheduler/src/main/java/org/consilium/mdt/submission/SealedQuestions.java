package org.consilium.mdt.submission;

import org.consilium.support.crypto.FieldCipher;
import org.consilium.support.crypto.SealedConverters;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.convert.PropertyValueConverterRegistrar;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;

import java.util.List;

/**
 * The patient's question and their first opinion are health data: sealed where they are kept (ADR 12).
 */
@Configuration(proxyBeanMethods = false)
class SealedQuestions {

    @Bean
    SealedConverters questionTexts() {
        return new SealedConverters() {
            @Override
            public List<?> converters(FieldCipher cipher) {
                return List.of();
            }

            @Override
            public void properties(FieldCipher cipher, PropertyValueConverterRegistrar<MongoPersistentProperty> properties) {
                SealedConverters.sealed(cipher, properties, SubmittedQuestion.class, "questionForPanel");
                SealedConverters.sealed(cipher, properties, SubmittedQuestion.class, "firstOpinion");
            }
        };
    }
}
