package org.consilium.store.embedded;

import de.bwaldvogel.mongo.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The part of a query on one field that a {@link FieldIndex} answers: every document that can match is among its
 * candidates (the query is still matched against each of them), so a lookup only has to be generous, never exact.
 * A condition it does not know ({@code $ne}, {@code $regex}, a null, a sub-document) is not served at all and the
 * store scans as it did before.
 */
sealed interface Lookup {

    /** {@code {f: v}}, {@code {f: {$eq: v}}}, {@code {f: {$in: [...]}}}: documents holding one of the values. */
    record Equal(List<Object> values) implements Lookup {
    }

    /**
     * {@code $gt}, {@code $gte}, {@code $lt}, {@code $lte} on numbers or on dates (MongoDB compares a bound only with
     * values of its own type): the bounds are taken inclusive, a candidate too many is matched away.
     */
    record Range(Comparable<Object> low, Comparable<Object> high) implements Lookup {
    }

    /** {@code {f: {$exists: true}}}: every document that has the field. */
    record Exists() implements Lookup {
    }

    /** The lookup for {@code condition} (the query's value for the field), or null when it cannot be served. */
    static Lookup of(Object condition) {
        if (!(condition instanceof Document operators)) {
            Object plain = FieldValues.plain(condition);
            return plain == null ? null : new Equal(List.of(plain));
        }
        if (operators.isEmpty() || !operators.keySet().stream().allMatch(key -> key.startsWith("$"))) {
            return null; // a sub-document's equality
        }
        Lookup lookup = null;
        Object low = null;
        Object high = null;
        for (Map.Entry<String, Object> operator : operators.entrySet()) {
            Object value = operator.getValue();
            switch (operator.getKey()) {
                case "$eq" -> lookup = narrower(lookup, of(value));
                case "$in" -> lookup = narrower(lookup, in(value));
                case "$exists" -> lookup = narrower(lookup, Boolean.TRUE.equals(value) ? new Exists() : null);
                case "$gt", "$gte" -> low = bound(value, low, true);
                case "$lt", "$lte" -> high = bound(value, high, false);
                default -> {
                    return null;
                }
            }
            if (lookup == null && !operator.getKey().matches("\\$(gt|gte|lt|lte)")) {
                return null;
            }
            if (low == Unserved.INSTANCE || high == Unserved.INSTANCE) {
                return null;
            }
        }
        if (low != null || high != null) {
            if (low != null && high != null && low.getClass() != high.getClass()) {
                return null; // a number above and a date below: nothing matches, and nothing to look up by
            }
            Lookup range = new Range(comparable(low), comparable(high));
            return lookup == null || lookup instanceof Exists ? range : lookup;
        }
        return lookup;
    }

    private static Lookup in(Object values) {
        if (!(values instanceof Collection<?> list)) {
            return null;
        }
        List<Object> plain = new ArrayList<>();
        for (Object value : list) {
            Object p = FieldValues.plain(value);
            if (p == null) {
                return null; // a null or a regex in the list: documents without a value of ours may match
            }
            plain.add(p);
        }
        return new Equal(plain);
    }

    /** Of two conditions on the field, the one that leaves fewer candidates; null (unserved) wins over nothing. */
    private static Lookup narrower(Lookup before, Lookup now) {
        if (now == null) {
            return null;
        }
        return before == null || before instanceof Exists ? now : before;
    }

    /** A bound kept: the tighter of two of the same kind is not worked out, the first one is as generous. */
    private static Object bound(Object value, Object before, boolean lower) {
        Object plain = FieldValues.plain(value);
        if (!(plain instanceof Double || plain instanceof Instant)) {
            return Unserved.INSTANCE;
        }
        if (before == null) {
            return plain;
        }
        if (before.getClass() != plain.getClass()) {
            return Unserved.INSTANCE;
        }
        int order = comparable(plain).compareTo(before);
        // both bounds must hold: the larger lower bound and the smaller upper bound
        return lower ? (order > 0 ? plain : before) : (order < 0 ? plain : before);
    }

    @SuppressWarnings("unchecked")
    private static Comparable<Object> comparable(Object value) {
        return (Comparable<Object>) value;
    }

    /** A bound the index cannot use. */
    enum Unserved { INSTANCE }
}
