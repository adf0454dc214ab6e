package org.consilium.records.checklist;

/** What kind of record an item asks for; lets rules be checked (every checklist needs pathology and imaging). */
public enum ItemCategory {
    PATHOLOGY, IMAGING, STAGING, MOLECULAR, LABORATORY, CLINICAL, TREATMENT
}
