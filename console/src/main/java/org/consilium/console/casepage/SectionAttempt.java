package org.consilium.console.casepage;

import java.util.Map;

/**
 * A form of the case page's records or links section that records-service refused, kept for the page
 * (Post/Redirect/Get, {@code pages.Refusals}): which form, what was typed, and why, in records' words.
 *
 * @param form        the form's id on the page ({@code waive-<item>}, {@code override}, {@code link-create}, ...)
 * @param typed       input name → what was typed
 * @param message     the refusal in words (records' title and detail)
 * @param fieldErrors input name → what records said is wrong with it (a validation problem's {@code errors})
 * @param status      records' status; the page answers with it
 */
public record SectionAttempt(String form, Map<String, String> typed, String message, Map<String, String> fieldErrors,
                             int status) {
}
