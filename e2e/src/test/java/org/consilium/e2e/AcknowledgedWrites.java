package org.consilium.e2e;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;

/**
 * The fault suite's ledger: for every 2xx the driver received, what must be visible afterwards. Checked once the
 * faults are over; a write the stack acknowledged and then forgot is the one failure it exists to find.
 */
final class AcknowledgedWrites {

    /** One acknowledged write: which case, what was acknowledged, and how to see that it is still there. */
    record Write(String caseId, String what, BooleanSupplier stillVisible) {
    }

    private final ConcurrentLinkedQueue<Write> writes = new ConcurrentLinkedQueue<>();

    void acknowledged(String caseId, String what, BooleanSupplier stillVisible) {
        writes.add(new Write(caseId, what, stillVisible));
    }

    int size() {
        return writes.size();
    }

    /** The writes no longer visible, each as "case: what"; a check that cannot be made counts as lost. */
    List<String> lost() {
        return writes.stream().filter(write -> !visible(write)).map(write -> write.caseId() + ": " + write.what()).toList();
    }

    private static boolean visible(Write write) {
        try {
            return write.stillVisible().getAsBoolean();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
