package org.consilium.mdt.review;

import org.consilium.support.crypto.FieldCipher;
import org.consilium.support.crypto.SealedConverters;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.convert.PropertyValueConverterRegistrar;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;

import java.util.List;

/**
 * The question and first opinion a brief copies from the case are sealed in reviews and panel gaps as
 * they are where they came from (submission.SealedQuestions, ADR 12); briefs stored before read as they are.
 */
@Configuration(proxyBeanMethods = false)
class SealedBriefs {

    @Bean
    SealedConverters briefTexts() {
        return new SealedConverters() {
            @Override
            public List<?> converters(FieldCipher cipher) {
                return List.of();
            }

            @Override
            public void properties(FieldCipher cipher, PropertyValueConverterRegistrar<MongoPersistentProperty> properties) {
                SealedConverters.sealed(cipher, properties, CaseBrief.class, "questionForPanel");
                SealedConverters.sealed(cipher, properties, CaseBrief.class, "firstOpinion");
            }
        };
    }
}
