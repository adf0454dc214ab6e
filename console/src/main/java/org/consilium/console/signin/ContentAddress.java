package org.consilium.console.signin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.springframework.core.io.ClassPathResource;
import org.springframework.util.DigestUtils;

/**
 * A static file's address with the MD5 of its content, {@code /css/console-<md5>.css}, as Spring's content version
 * strategy serves it: browsers keep it for a year and fetch it again exactly when it changes.
 */
public final class ContentAddress {
    private ContentAddress() {
    }

    /** {@code static/js/worklist.js} → {@code /js/worklist-<md5>.js}. */
    public static String of(String classpathFile) {
        String path = classpathFile.substring("static".length());
        int dot = path.lastIndexOf('.');
        try (InputStream content = new ClassPathResource(classpathFile).getInputStream()) {
            return path.substring(0, dot) + "-" + DigestUtils.md5DigestAsHex(content) + path.substring(dot);
        } catch (IOException missing) {
            throw new UncheckedIOException(classpathFile + " is not in the jar", missing);
        }
    }
}
