package org.consilium.mdt.guest;

import org.consilium.mdt.panel.Panellist;
import org.consilium.support.crypto.FieldCipher;
import org.consilium.support.crypto.SealedConverters;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.convert.PropertyValueConverterRegistrar;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;

import java.util.List;

/**
 * A guest's name and address are sealed at rest (ADR 12) wherever they are kept: on the panel gap and the review
 * ({@link Guest}), and on the panel seat they take ({@link Panellist}). A seat does not know whether its holder is
 * a guest when it is written, so every seat's name and address are sealed: a directory specialist's are personal
 * data too, and nothing queries them. Values stored before read as they are.
 */
@Configuration(proxyBeanMethods = false)
class SealedGuests {

    @Bean
    SealedConverters guestsAndSeats() {
        return new SealedConverters() {
            @Override
            public List<?> converters(FieldCipher cipher) {
                return List.of();
            }

            @Override
            public void properties(FieldCipher cipher, PropertyValueConverterRegistrar<MongoPersistentProperty> properties) {
                SealedConverters.sealed(cipher, properties, Guest.class, "name");
                SealedConverters.sealed(cipher, properties, Guest.class, "email");
                SealedConverters.sealed(cipher, properties, Panellist.class, "name");
                SealedConverters.sealed(cipher, properties, Panellist.class, "email");
            }
        };
    }
}
