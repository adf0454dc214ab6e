package org.consilium.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a run sent and got back, for the printed summary, and every finding: a 5xx or no answer, a
 * hostile request answered 2xx, a refusal that is not a problem document, a refusal that stored
 * something.
 */
final class HostileTally {
    record Finding(String what, ApiOperation operation, Caller caller, HostileRequest request,
                   HostileClient.Outcome outcome, Map<String, Long> stored) {
        @Override
        public String toString() {
            return what + ": " + operation.key() + " as " + caller.role() + ", " + request.variant() + " -> "
                    + outcome.status() + (stored.isEmpty() ? "" : " stored " + stored) + " " + outcome.body();
        }
    }

    private final Map<String, Integer> byClass = new TreeMap<>();
    private final Map<String, Integer> byService = new TreeMap<>();
    private final List<Finding> findings = new ArrayList<>();
    private int operations;
    private int requests;

    void operation() {
        operations++;
    }

    void judge(ApiOperation operation, Caller caller, HostileRequest request, HostileClient.Outcome outcome,
               Map<String, Long> stored) {
        requests++;
        byClass.merge(outcome.statusClass(), 1, Integer::sum);
        byService.merge(operation.service() + " " + outcome.statusClass(), 1, Integer::sum);
        int status = outcome.status();
        if (status == 0 || status >= 500) {
            findings.add(new Finding(status == 0 ? "no answer" : "5xx", operation, caller, request, outcome, stored));
        } else if (status < 300 && request.mustRefuse()) {
            findings.add(new Finding("hostile input accepted", operation, caller, request, outcome, stored));
        } else if (status >= 400 && !stored.isEmpty()) {
            findings.add(new Finding("stored although refused", operation, caller, request, outcome, stored));
        } else if (status >= 400 && !explained(outcome)) {
            findings.add(new Finding("refusal without a problem document", operation, caller, request, outcome, stored));
        }
    }

    /**
     * A token the provider did not issue as it is (forged, tampered, expired, of another issuer or client) gets the
     * bearer challenge and a problem document, whatever the request: never another 4xx that might hide that the
     * token was taken, never a 2xx or 5xx.
     */
    void judgeForged(ApiOperation operation, Caller caller, HostileRequest request, HostileClient.Outcome outcome) {
        requests++;
        byClass.merge(outcome.statusClass(), 1, Integer::sum);
        byService.merge(operation.service() + " " + outcome.statusClass(), 1, Integer::sum);
        if (outcome.status() != 401) {
            findings.add(new Finding("forged token not refused with 401", operation, caller, request, outcome, Map.of()));
        } else if (!outcome.contentType().startsWith("application/problem+json")) {
            findings.add(new Finding("401 without a problem document", operation, caller, request, outcome, Map.of()));
        }
    }

    /** What an operation's refusals of forged tokens stored, counted once for all of them: must be nothing. */
    void storedByForged(ApiOperation operation, Caller caller, HostileRequest request, HostileClient.Outcome last,
                        Map<String, Long> stored) {
        if (!stored.isEmpty()) {
            findings.add(new Finding("stored although refused", operation, caller, request, last, stored));
        }
    }

    /**
     * Every refusal says why: a problem document, or for the FHIR API an OperationOutcome. Two kinds are
     * answered before any application code runs, and say why in their status alone: 401 is the bearer
     * challenge (RFC 6750: {@code WWW-Authenticate} says why), and 414 / 431 are Reactor Netty's and Tomcat's
     * refusal of a request line or headers over their limits (4 KiB / 8 KiB by default).
     */
    private static boolean explained(HostileClient.Outcome outcome) {
        int status = outcome.status();
        return status == 401 || status == 414 || status == 431
                || outcome.contentType().startsWith("application/problem+json")
                || outcome.contentType().startsWith("application/fhir+json") && outcome.body().contains("OperationOutcome");
    }

    List<Finding> findings() {
        return findings;
    }

    String summary() {
        return "hostile input: " + operations + " operations, " + requests + " requests; by status " + byClass
                + "; by service " + byService + "; findings " + findings.size();
    }
}
