package org.consilium.console.caseview;

/** Told each case as stored after an event changed it: the worklist's memory and its live updates listen. */
public interface CaseViewListener {
    void changed(CaseView view);
}
