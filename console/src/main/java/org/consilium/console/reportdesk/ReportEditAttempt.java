package org.consilium.console.reportdesk;

import java.util.Map;

/**
 * An edit of the report that mdt-scheduler refused, kept for the case page (Post/Redirect/Get): what was typed, and
 * why it was not saved.
 *
 * @param fieldErrors    field (the API's name, list indexes dropped for one-a-line lists) → what is wrong with it
 * @param refusal        the refusal in words when it names no field, else null
 * @param status         the service's status
 * @param savedMeanwhile the version someone else saved while this one was typed (409 stale-report-version), else null
 */
public record ReportEditAttempt(ReportEdit sent, Map<String, String> fieldErrors, String refusal, int status,
                                Integer savedMeanwhile) {
}
