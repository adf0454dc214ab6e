package org.consilium.records.collection;

/** Where a case's record collection stands. COMPLETE still takes documents (optional items, updates). */
public enum RecordsStatus {
    COLLECTING, COMPLETE, CANCELLED
}
