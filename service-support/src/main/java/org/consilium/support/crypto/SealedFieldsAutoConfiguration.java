package org.consilium.support.crypto;

import io.micrometer.tracing.Tracer;
import org.consilium.support.tracing.CurrentTraceparent;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration;
import org.springframework.boot.autoconfigure.data.mongo.MongoReactiveDataAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

import java.util.ArrayList;
import java.util.List;

/**
 * Registers the sealing converters before Boot's Mongo mapping is built (its own conversions bean
 * backs off when this one exists). A service with conversions of its own adds them here.
 */
@AutoConfiguration(before = {MongoDataAutoConfiguration.class, MongoReactiveDataAutoConfiguration.class})
public class SealedFieldsAutoConfiguration {

    @Bean
    FieldCipher fieldCipher(@Value("${consilium.crypto.keyset:}") String keyset,
                            @Value("${consilium.crypto.keyset-file:}") String keysetFile,
                            @Value("${consilium.crypto.create-keyset-file:false}") boolean createFile,
                            @Value("${consilium.crypto.ephemeral-key:false}") boolean ephemeral) {
        return FieldCipherKeys.load(keyset, keysetFile, createFile, ephemeral);
    }

    @Bean
    MongoCustomConversions mongoCustomConversions(FieldCipher cipher, ObjectProvider<SealedConverters> services,
                                                  ObjectProvider<Tracer> tracer) {
        List<Object> converters = new ArrayList<>(SealedFieldConverters.all(cipher, new CurrentTraceparent(tracer)));
        List<SealedConverters> contributions = services.orderedStream().toList();
        contributions.forEach(service -> converters.addAll(service.converters(cipher)));
        return MongoCustomConversions.create(adapter -> {
            adapter.registerConverters(converters);
            adapter.configurePropertyConversions(properties ->
                    contributions.forEach(service -> service.properties(cipher, properties)));
        });
    }
}
