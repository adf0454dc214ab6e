package org.consilium.support.crypto;

import org.springframework.data.convert.PropertyValueConverterRegistrar;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;

import java.util.List;

/**
 * A service's own Mongo converters that seal its personal fields, added to the shared ones: Spring
 * {@code Converter}s or {@code GenericConverter}s marked {@code @WritingConverter}/{@code @ReadingConverter}.
 */
@FunctionalInterface
public interface SealedConverters {
    List<?> converters(FieldCipher cipher);

    /**
     * Plain properties (a String field of a document) to seal where they are, e.g.
     * {@code properties.registerConverter(Delivery.class, "text", String.class).writing(...).reading(...)};
     * see {@link #sealed}.
     */
    default void properties(FieldCipher cipher, PropertyValueConverterRegistrar<MongoPersistentProperty> properties) {
    }

    /** Only String properties of one document type sealed where they are, no converters of whole values. */
    static SealedConverters properties(Class<?> type, String... names) {
        return new SealedConverters() {
            @Override
            public List<?> converters(FieldCipher cipher) {
                return List.of();
            }

            @Override
            public void properties(FieldCipher cipher, PropertyValueConverterRegistrar<MongoPersistentProperty> properties) {
                for (String name : names) {
                    sealed(cipher, properties, type, name);
                }
            }
        };
    }

    /** Seals {@code property} of {@code type} (a String), bound to the context {@code type.property}. */
    static void sealed(FieldCipher cipher, PropertyValueConverterRegistrar<MongoPersistentProperty> properties,
                       Class<?> type, String property) {
        String context = type.getSimpleName() + "." + property;
        properties.registerConverter(type, property, String.class)
                .writing((value, mapping) -> cipher.seal(value, context))
                .reading((value, mapping) -> cipher.open(value, context));
    }
}
