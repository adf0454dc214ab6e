package org.consilium.bpmn.logging;

/**
 * The engine's log lines name the case they are about as the services' do (issue 15): the MDC key {@value #MDC_KEY},
 * shown by {@code logging.pattern.level} ({@code [case=<id>]}) and as a field of every structured (JSON) line. Put
 * where the engine acts on one case: storing and applying its events, sending its commands.
 */
public final class CaseLogs {
    public static final String MDC_KEY = "caseId";

    private CaseLogs() {
    }
}
