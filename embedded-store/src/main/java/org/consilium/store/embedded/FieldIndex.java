package org.consilium.store.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * A secondary index of the embedded store, which mongo-java-server itself does not have (it keeps the definition and
 * scans the collection for every query but one by {@code _id} or a unique key). It is kept on the index's first
 * field, in memory, and built from the documents when the store opens, so the services' declared indexes
 * ({@code StoreIndexes}) serve the same queries here as on a real MongoDB: the outbox relay's poll, a case's
 * deliveries, the sweeps by state. A query on the field is answered with candidates, which the store then matches
 * against the whole query as before; see {@link Lookup} for what is served. The positions are the documents' ids
 * (the H2 backend's keys).
 */
final class FieldIndex extends Index<Object> {

    private final String field;
    private final boolean walkable;
    /** Documents by plain value; numbers and dates also ordered, for ranges. */
    private final Map<Object, Set<Object>> byValue = new HashMap<>();
    private final NavigableMap<Double, Set<Object>> numbers = new TreeMap<>();
    private final NavigableMap<Instant, Set<Object>> dates = new TreeMap<>();
    /** Documents holding something no lookup is served from: a candidate for every query. */
    private final Set<Object> others = new LinkedHashSet<>();
    /** Every document that has the field, with what it holds there (to take it out again). */
    private final Map<Object, FieldValues> held = new HashMap<>();
    /** Opened with its database and filled by it ({@link IndexedH2Database}), not by mongo-java-server's own pass. */
    private boolean building;

    FieldIndex(String name, List<IndexKey> keys, boolean sparse, boolean building) {
        super(name, keys, sparse);
        this.field = keys.get(0).getKey();
        this.walkable = FieldValues.walkable(field);
        this.building = building;
    }

    /** mongo-java-server fills an index that reports empty when it is added; one its database fills is not. */
    @Override
    public synchronized boolean isEmpty() {
        return !building && held.isEmpty();
    }

    synchronized void built() {
        building = false;
    }

    String field() {
        return field;
    }

    @Override
    public synchronized boolean canHandle(Document query) {
        return walkable && query.containsKey(field) && Lookup.of(query.get(field)) != null;
    }

    @Override
    public synchronized Iterable<Object> getPositions(Document query) {
        Lookup lookup = Lookup.of(query.get(field));
        Set<Object> candidates = new LinkedHashSet<>();
        if (lookup instanceof Lookup.Equal equal) {
            equal.values().forEach(value -> addAll(candidates, byValue.get(value)));
        } else if (lookup instanceof Lookup.Range range) {
            inRange(range).values().forEach(candidates::addAll);
        } else {
            candidates.addAll(held.keySet());
        }
        candidates.addAll(others);
        return new ArrayList<>(candidates); // a copy: the store reads the documents after this returns
    }

    /**
     * How many documents hold exactly {@code value} when that count needs no document read (the field has nothing
     * unserved anywhere), else -1. For the {@code count} command the store answers from here ({@link IndexedH2Database}).
     */
    synchronized long countEqual(Object condition) {
        if (!walkable || !others.isEmpty() || !(Lookup.of(condition) instanceof Lookup.Equal equal)
                || equal.values().size() != 1) {
            return -1;
        }
        Set<Object> positions = byValue.get(equal.values().get(0));
        return positions == null ? 0 : positions.size();
    }

    private Map<?, Set<Object>> inRange(Lookup.Range range) {
        Object bound = range.low() != null ? range.low() : range.high();
        NavigableMap<?, Set<Object>> ordered = bound instanceof Instant ? dates : numbers;
        return slice(ordered, range.low(), range.high());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Map<?, Set<Object>> slice(NavigableMap ordered, Object low, Object high) {
        if (low != null && high != null) {
            return ((Comparable<Object>) low).compareTo(high) > 0 ? Map.of() : ordered.subMap(low, true, high, true);
        }
        return low != null ? ordered.tailMap(low, true) : ordered.headMap(high, true);
    }

    private static void addAll(Set<Object> into, Collection<Object> from) {
        if (from != null) {
            into.addAll(from);
        }
    }

    @Override
    public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
        if (!walkable) {
            return;
        }
        FieldValues values = FieldValues.of(document, field);
        if (!values.present()) {
            return;
        }
        held.put(position, values);
        for (Object value : values.values()) {
            byValue.computeIfAbsent(value, v -> new LinkedHashSet<>()).add(position);
            if (value instanceof Double number) {
                numbers.put(number, byValue.get(value));
            } else if (value instanceof Instant date) {
                dates.put(date, byValue.get(value));
            }
        }
        if (values.other()) {
            others.add(position);
        }
    }

    @Override
    public synchronized Object remove(Document document) {
        Object position = document.get("_id");
        FieldValues values = held.remove(position);
        if (values != null) {
            for (Object value : values.values()) {
                Set<Object> positions = byValue.get(value);
                positions.remove(position);
                if (positions.isEmpty()) {
                    byValue.remove(value);
                    if (value instanceof Double number) {
                        numbers.remove(number);
                    } else if (value instanceof Instant date) {
                        dates.remove(date);
                    }
                }
            }
            others.remove(position);
        }
        return position;
    }

    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, Object position,
                                           MongoCollection<Object> collection) {
        remove(oldDocument);
        add(newDocument, position, collection);
    }

    /** Positions are found by the {@code _id} index: this one holds no document that lacks the field. */
    @Override
    public Object getPosition(Document document) {
        return null;
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        // not unique: nothing to refuse
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        // not unique: nothing to refuse
    }

    @Override
    public synchronized long getCount() {
        return held.size();
    }

    @Override
    public long getDataSize() {
        return 0; // in memory, not in the store's file
    }

    @Override
    public synchronized void drop() {
        byValue.clear();
        numbers.clear();
        dates.clear();
        others.clear();
        held.clear();
    }
}
