package org.consilium.stack.mail;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

import org.consilium.stack.StackProperties;
import org.springframework.stereotype.Component;

/**
 * GreenMail's standalone server: SMTP that accepts mail for anyone, plus its JSON API that lists what arrived
 * ({@code GET /api/user/{email}/messages/}).
 * <p>
 * The standalone jar bundles unrelocated slf4j 1.7, log4j-core, Jackson and Jersey, which would fight this
 * application's logback, slf4j 2 and Jackson on one class path. So the jar ships as a resource and runs in a
 * class loader of its own whose parent is the platform loader: it sees none of our classes, nor we its.
 */
@Component
public class MailServer {

    private static final String JAR_RESOURCE = "/greenmail/greenmail-standalone.jar";
    private static final String RUNNER = "com.icegreen.greenmail.standalone.GreenMailStandaloneRunner";

    private final StackProperties properties;
    private URLClassLoader loader;
    private Object runner;

    public MailServer(StackProperties properties) {
        this.properties = properties;
    }

    public synchronized void start() throws Exception {
        Path jar = extractJar();
        loader = new URLClassLoader("greenmail", new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        Properties settings = new Properties();
        settings.setProperty("greenmail.smtp.hostname", "127.0.0.1");
        settings.setProperty("greenmail.smtp.port", String.valueOf(properties.ports().smtp()));
        // mail for any recipient is accepted and kept under that address; nobody logs in to send
        settings.setProperty("greenmail.auth.disabled", "true");
        settings.setProperty("greenmail.api.hostname", "127.0.0.1");
        settings.setProperty("greenmail.api.port", String.valueOf(properties.ports().mailApi()));
        withGreenMailContext(() -> {
            runner = loader.loadClass(RUNNER).getConstructor().newInstance();
            runner.getClass().getMethod("doRun", Properties.class).invoke(runner, settings);
        });
    }

    public String apiUrl() {
        return "http://localhost:" + properties.ports().mailApi();
    }

    public synchronized void stop() throws Exception {
        if (runner != null) {
            Method stop = runner.getClass().getDeclaredMethod("stop");
            stop.setAccessible(true);
            withGreenMailContext(() -> stop.invoke(runner));
            runner = null;
        }
        if (loader != null) {
            loader.close();
            loader = null;
        }
    }

    /**
     * A URLClassLoader cannot read a jar nested in the executable jar, so it gets a copy under the data dir
     * (not in /tmp, where every launcher killed with SIGKILL would leave 11 MB behind).
     */
    private Path extractJar() throws IOException {
        Path copy = properties.dataPath().resolve("mail").resolve("greenmail-standalone.jar");
        Files.createDirectories(copy.getParent());
        try (InputStream in = MailServer.class.getResourceAsStream(JAR_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(JAR_RESOURCE + " is missing: build the stack module with Maven");
            }
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
        }
        return copy;
    }

    /**
     * GreenMail and Jersey find their resources and service providers through the context class loader, and the
     * server threads they start inherit it, so it must be theirs while they start and stop.
     */
    private void withGreenMailContext(ReflectiveAction action) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            action.run();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @FunctionalInterface
    private interface ReflectiveAction {
        void run() throws Exception;
    }
}
