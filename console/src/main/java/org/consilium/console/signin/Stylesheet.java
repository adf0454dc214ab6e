package org.consilium.console.signin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.util.DigestUtils;

/**
 * The stylesheet's address with the hash of its content ({@code /css/console-<md5>.css}, what Spring's content
 * version strategy serves): browsers keep it for a year and fetch a new one exactly when it changes. WebFlux does not
 * rewrite the pages' links itself, so the pages take it from here.
 */
@Component
public class Stylesheet {
    private final String path;

    public Stylesheet() {
        try (InputStream css = new ClassPathResource("static/css/console.css").getInputStream()) {
            this.path = "/css/console-" + DigestUtils.md5DigestAsHex(css) + ".css";
        } catch (IOException missing) {
            throw new UncheckedIOException("the console's stylesheet is not in the jar", missing);
        }
    }

    public String path() {
        return path;
    }
}
