package org.consilium.support.crypto;

import java.util.List;

/**
 * A service's own Mongo converters that seal its personal fields, added to the shared ones: Spring
 * {@code Converter}s or {@code GenericConverter}s marked {@code @WritingConverter}/{@code @ReadingConverter}.
 */
@FunctionalInterface
public interface SealedConverters {
    List<?> converters(FieldCipher cipher);
}
