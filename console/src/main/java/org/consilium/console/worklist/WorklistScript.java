package org.consilium.console.worklist;

import org.consilium.console.signin.ContentAddress;
import org.springframework.stereotype.Component;

/**
 * The worklist's script (live updates and the keyboard) at the address of its content's hash, as the stylesheet is
 * ({@code signin.Stylesheet}): cached for a year, fetched again exactly when it changes.
 */
@Component
public class WorklistScript {
    private final String path = ContentAddress.of("static/js/worklist.js");

    public String path() {
        return path;
    }
}
