package org.consilium.mdt.session;

public enum SessionKind {
    /** A recurring session of a tumour group's board. */
    BOARD,
    /** Made for one case when no board session met its clock; at a time every member is available. */
    AD_HOC,
    /** No live meeting: the members give their opinions in writing and the chair concludes by the deadline. */
    ASYNCHRONOUS
}
