package org.consilium.notification.casefile;

import org.consilium.support.crypto.FieldCipher;
import org.consilium.support.crypto.SealedConverters;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.convert.PropertyValueConverterRegistrar;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;

import java.util.List;

/**
 * The question, the first opinion and the released reports are the patient's words and the panel's answer: sealed
 * at rest (ADR 12) like the people, whose {@code Recipient}s the shared converters seal already.
 */
@Configuration(proxyBeanMethods = false)
class SealedCaseFacts {

    @Bean
    SealedConverters caseFactTexts() {
        return new SealedConverters() {
            @Override
            public List<?> converters(FieldCipher cipher) {
                return List.of();
            }

            @Override
            public void properties(FieldCipher cipher, PropertyValueConverterRegistrar<MongoPersistentProperty> properties) {
                SealedConverters.sealed(cipher, properties, CaseContacts.class, "questionForPanel");
                SealedConverters.sealed(cipher, properties, CaseContacts.class, "firstOpinion");
                SealedConverters.sealed(cipher, properties, ReleasedReport.class, "content");
            }
        };
    }
}
