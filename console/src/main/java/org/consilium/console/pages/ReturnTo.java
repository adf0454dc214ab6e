package org.consilium.console.pages;

import java.util.regex.Pattern;

/** Where a form may send the browser back to: a page of the console, never another site (no open redirect). */
public final class ReturnTo {
    private static final Pattern CONSOLE_PAGE = Pattern.compile("/(worklist|cases/[A-Za-z0-9_-]+)(\\?[A-Za-z0-9=&%._-]*)?");

    private ReturnTo() {
    }

    public static String safe(String requested) {
        return requested != null && CONSOLE_PAGE.matcher(requested).matches() ? requested : "/worklist";
    }
}
