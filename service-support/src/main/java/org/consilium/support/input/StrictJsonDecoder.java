package org.consilium.support.input;

import org.consilium.events.text.FieldProblem;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import org.springframework.core.ResolvableType;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.codec.Hints;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.codec.json.Jackson2JsonDecoder;
import org.springframework.util.MimeType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The JSON request body reader: collects the refused strings of one body ({@link CheckedStrings})
 * and refuses the body with all of them once it is read.
 */
final class StrictJsonDecoder extends Jackson2JsonDecoder {

    StrictJsonDecoder(ObjectMapper mapper) {
        super(mapper);
    }

    @Override
    public Object decode(DataBuffer buffer, ResolvableType targetType, MimeType mimeType, Map<String, Object> hints)
            throws DecodingException {
        List<FieldProblem> refusals = new ArrayList<>();
        Object value = super.decode(buffer, targetType, mimeType,
                Hints.merge(hints == null ? Map.of() : hints, CheckedStrings.REFUSALS, refusals));
        if (!refusals.isEmpty()) {
            throw new InvalidInput(refusals);
        }
        return value;
    }

    @Override
    protected ObjectReader customizeReader(ObjectReader reader, ResolvableType elementType, Map<String, Object> hints) {
        Object refusals = hints == null ? null : hints.get(CheckedStrings.REFUSALS);
        return refusals == null ? reader : reader.withAttribute(CheckedStrings.REFUSALS, refusals);
    }
}
