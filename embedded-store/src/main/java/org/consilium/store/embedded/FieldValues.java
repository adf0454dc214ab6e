package org.consilium.store.embedded;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * What one document holds at a dotted path, as an index keeps it: the plain values (a string, a number, a boolean,
 * a date, an id) it can be looked up by, and whether anything else is there. Arrays on the path are walked into, as
 * MongoDB does for a multikey index, so {@code outbox.eventId} gives every entry's id and nothing for an empty outbox.
 *
 * @param values     the plain values, numbers as {@link Double} (MongoDB compares 1, 1L and 1.0 as one number)
 * @param other      a value no lookup is served from (a sub-document, a nested array, a decimal, NaN, binary data):
 *                   such a document is a candidate for every query, so that nothing it might match is left out
 * @param present    whether the field is there at all (null and an empty array included), for {@code $exists}
 */
record FieldValues(List<Object> values, boolean other, boolean present) {

    static final FieldValues MISSING = new FieldValues(List.of(), false, false);

    /** Whether {@code path} can be walked: a numeric part ({@code outbox.0}) is an array position or a field name. */
    static boolean walkable(String path) {
        for (String part : path.split("\\.")) {
            if (part.isEmpty() || part.chars().allMatch(Character::isDigit)) {
                return false;
            }
        }
        return true;
    }

    static FieldValues of(Document document, String path) {
        Collector collector = new Collector();
        collector.walk(document, path.split("\\."), 0);
        return collector.present ? new FieldValues(List.copyOf(collector.values), collector.other, true) : MISSING;
    }

    /** The value as it is kept and looked up, or null when it is not a plain value. */
    static Object plain(Object value) {
        if (value instanceof Number number) {
            if (number instanceof Long l && l != (long) l.doubleValue()) {
                return null;
            }
            if (!(number instanceof Integer || number instanceof Long || number instanceof Double
                    || number instanceof Short || number instanceof Byte || number instanceof Float)) {
                return null; // Decimal128 and friends compare by rules this index does not copy
            }
            double d = number.doubleValue();
            if (Double.isNaN(d)) {
                return null;
            }
            return d == 0.0 ? 0.0 : d; // -0.0 and 0.0 are one value to MongoDB
        }
        if (value instanceof String || value instanceof Boolean || value instanceof Instant
                || value instanceof ObjectId || value instanceof UUID) {
            return value;
        }
        return null;
    }

    private static final class Collector {
        private final List<Object> values = new ArrayList<>();
        private boolean other;
        private boolean present;

        void walk(Object value, String[] path, int at) {
            if (at == path.length) {
                leaf(value);
                return;
            }
            if (value instanceof Document document) {
                if (document.containsKey(path[at])) {
                    walk(document.get(path[at]), path, at + 1);
                }
            } else if (value instanceof Collection<?> array) {
                for (Object element : array) {
                    if (element instanceof Document) {
                        walk(element, path, at);
                    } else if (element instanceof Collection<?>) {
                        // MongoDB does not walk an array inside an array by field name: nothing it can match here
                        // comes from this element, but keep the document a candidate rather than reason about it
                        present = true;
                        other = true;
                    }
                }
            }
        }

        private void leaf(Object value) {
            if (value instanceof Missing) {
                return;
            }
            present = true;
            if (value == null) {
                return;
            }
            if (value instanceof Collection<?> array) {
                for (Object element : array) {
                    add(element);
                }
                return;
            }
            add(value);
        }

        private void add(Object value) {
            if (value == null) {
                return;
            }
            Object plain = plain(value);
            if (plain == null) {
                other = true;
            } else if (!values.contains(plain)) {
                values.add(plain);
            }
        }
    }
}
