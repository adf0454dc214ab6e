package org.consilium.intake.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bson.Document;
import org.consilium.intake.draft.DraftAnswers;
import org.consilium.intake.request.CaseIntake;
import org.consilium.support.crypto.FieldCipher;
import org.consilium.support.crypto.SealedConverters;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The people of a case — the patient (name, age, e-mail, phone...), the caregiver and the treating
 * doctor — are stored sealed (issue 6: personal data at rest is encrypted where the store is shared).
 * Each is one sealed JSON value bound to its kind; nothing queries inside them. A case stored before
 * sealing is read as it was and sealed at its next save. An unfinished request's answers (a draft) are all the
 * patient's, so they are sealed whole the same way.
 */
@Configuration(proxyBeanMethods = false)
class SealedPeople {
    static final String SEALED = "sealed";
    static final Map<Class<?>, String> PEOPLE = Map.of(CaseIntake.Patient.class, "intake.patient",
            CaseIntake.Proxy.class, "intake.proxy", CaseIntake.TreatingTeam.class, "intake.treating-team",
            DraftAnswers.class, "intake.draft-answers");

    @Bean
    SealedConverters intakePeople(ObjectMapper json) {
        return cipher -> PEOPLE.entrySet().stream()
                .flatMap(kind -> Stream.of(new Sealing(cipher, json, kind.getKey(), kind.getValue()),
                        new Opening(cipher, json, kind.getKey(), kind.getValue())))
                .toList();
    }

    @WritingConverter
    record Sealing(FieldCipher cipher, ObjectMapper json, Class<?> type, String context) implements GenericConverter {
        @Override
        public Set<ConvertiblePair> getConvertibleTypes() {
            return Set.of(new ConvertiblePair(type, Document.class));
        }

        @Override
        public Object convert(Object person, TypeDescriptor sourceType, TypeDescriptor targetType) {
            try {
                return person == null ? null : new Document(SEALED, cipher.seal(json.writeValueAsString(person), context));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write a " + context, e);
            }
        }
    }

    @ReadingConverter
    record Opening(FieldCipher cipher, ObjectMapper json, Class<?> type, String context) implements GenericConverter {
        @Override
        public Set<ConvertiblePair> getConvertibleTypes() {
            return Set.of(new ConvertiblePair(Document.class, type));
        }

        @Override
        public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
            if (!(source instanceof Document stored)) {
                return null;
            }
            try {
                return stored.containsKey(SEALED) ? json.readValue(cipher.open(stored.getString(SEALED), context), type)
                        : json.convertValue(stored, type); // stored before sealing
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a stored " + context + " does not read", e);
            }
        }
    }
}
