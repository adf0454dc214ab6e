package org.consilium.console.caseview;

import java.util.List;

/**
 * The stages as intake names them ({@code GET /cases/{id}}), in the order a case passes them: the projection moves a
 * case forward only, since events of different topics may arrive in any order. Declined and withdrawn are final.
 */
public final class CaseStage {
    public static final List<String> IN_ORDER = List.of("SUBMITTED", "COLLECTING_RECORDS", "RECORDS_COMPLETE",
            "MDT_SCHEDULED", "MDT_CONCLUDED", "REPORT_DELIVERED", "DECLINED", "WITHDRAWN");

    private CaseStage() {
    }

    static String later(String current, String next) {
        if (current == null) {
            return next;
        }
        if (current.equals("DECLINED") || current.equals("WITHDRAWN")) {
            return current;
        }
        return IN_ORDER.indexOf(next) > IN_ORDER.indexOf(current) ? next : current;
    }

    public static String label(String stage) {
        if (stage == null || stage.isEmpty()) {
            return "";
        }
        return (stage.charAt(0) + stage.substring(1).toLowerCase().replace('_', ' ')).replace("Mdt ", "MDT ");
    }
}
