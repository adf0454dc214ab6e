package org.consilium.support.crypto;

import org.springframework.core.convert.converter.Converter;

import java.util.List;

/** A service's own Mongo converters that seal its personal fields, added to the shared ones. */
@FunctionalInterface
public interface SealedConverters {
    List<Converter<?, ?>> converters(FieldCipher cipher);
}
