package org.consilium.support.input;

import org.consilium.events.text.FieldProblem;
import org.consilium.events.text.PlainText;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.type.LogicalType;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Every {@code String} of a request body (a record component, a list element, an untyped value)
 * is read through here, so each text field is checked without an annotation of its own. A refused
 * string is noted with its JSON path under {@link #REFUSALS} and reading goes on, so that the answer
 * names every bad field at once ({@link StrictJsonDecoder} throws afterwards); read without that list
 * (a streamed body), the first one throws.
 */
final class CheckedStrings extends StdScalarDeserializer<String> {
    static final String REFUSALS = CheckedStrings.class.getName() + ".refusals";

    CheckedStrings() {
        super(String.class);
    }

    @Override
    public LogicalType logicalType() {
        return LogicalType.Textual;
    }

    @Override
    public Object getEmptyValue(DeserializationContext ctxt) {
        return "";
    }

    @Override
    @SuppressWarnings("unchecked")
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        String value = StringDeserializer.instance.deserialize(p, ctxt);
        String problem = PlainText.problem(value);
        if (problem != null) {
            FieldProblem refused = new FieldProblem(path(p.getParsingContext()), problem);
            if (!(ctxt.getAttribute(REFUSALS) instanceof List<?> refusals)) {
                throw new InvalidInput(List.of(refused));
            }
            ((List<FieldProblem>) refusals).add(refused);
        }
        return value;
    }

    /** {@code patient.name}, {@code openConcerns[2]}: the names bean validation gives the same fields. */
    static String path(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + Math.max(c.getCurrentIndex(), 0) + "]");
            } else if (c.getCurrentName() != null) {
                parts.push((c.getParent() == null || c.getParent().inRoot() ? "" : ".") + c.getCurrentName());
            }
        }
        return parts.isEmpty() ? "body" : String.join("", parts);
    }
}
