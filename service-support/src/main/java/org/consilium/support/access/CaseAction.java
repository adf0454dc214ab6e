package org.consilium.support.access;

/** What a caller wants to do with a case; who may do which is {@link CaseAudience}'s rule. */
public enum CaseAction {
    /** See the case: its status, checklist, documents and their content. */
    VIEW,
    /** Add to it: upload records, answer a request. */
    CONTRIBUTE,
    /** Read the panel's report (a draft for the panel, the released one for the patient's side). */
    READ_REPORT
}
