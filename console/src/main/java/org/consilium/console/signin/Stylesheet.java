package org.consilium.console.signin;

import org.springframework.stereotype.Component;

/**
 * The stylesheet's address with the hash of its content ({@code /css/console-<md5>.css}, what Spring's content
 * version strategy serves): browsers keep it for a year and fetch a new one exactly when it changes. WebFlux does not
 * rewrite the pages' links itself, so the pages take it from here.
 */
@Component
public class Stylesheet {
    private final String path = ContentAddress.of("static/css/console.css");

    public String path() {
        return path;
    }
}
