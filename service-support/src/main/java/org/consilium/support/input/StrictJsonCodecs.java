package org.consilium.support.input;

import org.consilium.events.text.PlainText;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.springframework.boot.web.codec.CodecCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.codec.CodecConfigurer;
import org.springframework.http.codec.ServerCodecConfigurer;

/**
 * Request bodies of every service are read strictly: one JSON document and nothing after it
 * ({@code {...}{...}} used to open a case from the first half), and every string checked by
 * {@link PlainText}. Only the server's reader: responses of other services read with WebClient stay
 * as lenient as before (a name stored before these checks must not make a case unreadable).
 * Runs after Boot's customizer, which installs the application's ObjectMapper.
 */
public class StrictJsonCodecs implements CodecCustomizer, Ordered {
    private final ObjectMapper mapper;

    public StrictJsonCodecs(ObjectMapper mapper) {
        this.mapper = strict(mapper);
    }

    /** The application's mapper with the request rules; its own configuration (modules, features) is kept. */
    public static ObjectMapper strict(ObjectMapper mapper) {
        return mapper.copy()
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .registerModule(new SimpleModule("consilium-plain-text").addDeserializer(String.class, new CheckedStrings()));
    }

    @Override
    public void customize(CodecConfigurer configurer) {
        if (configurer instanceof ServerCodecConfigurer) {
            configurer.defaultCodecs().jackson2JsonDecoder(new StrictJsonDecoder(mapper));
        }
    }

    @Override
    public int getOrder() {
        return 10;
    }
}
