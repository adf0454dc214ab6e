package org.consilium.console.worklist;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.util.DigestUtils;

/**
 * The worklist's script (live updates and the keyboard) at the address of its content's hash, as the stylesheet is
 * ({@code signin.Stylesheet}): cached for a year, fetched again exactly when it changes.
 */
@Component
public class WorklistScript {
    private final String path;

    public WorklistScript() {
        try (InputStream script = new ClassPathResource("static/js/worklist.js").getInputStream()) {
            this.path = "/js/worklist-" + DigestUtils.md5DigestAsHex(script) + ".js";
        } catch (IOException missing) {
            throw new UncheckedIOException("the worklist's script is not in the jar", missing);
        }
    }

    public String path() {
        return path;
    }
}
