package org.consilium.e2e;

import com.microsoft.playwright.Browser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A console browser test against the shared running stack, in the run's one headless Chromium ({@link ConsoleBrowser}).
 * Where no Chromium is installed (.ci/run installs Debian's {@code chromium}), the tests are skipped and say so —
 * checked before the shared stack starts, so a machine without a browser does not start the stack's JVMs for nothing.
 */
@EnabledIf(value = "org.consilium.e2e.ConsoleBrowser#chromiumInstalled", disabledReason = "SKIPPED (assumption): no "
        + "Chromium at /usr/bin/chromium or $CONSILIUM_CHROMIUM; install Debian's chromium (.ci/run does) to run the "
        + "console's browser tests")
@ExtendWith({SharedStack.class, ConsoleBrowser.class})
abstract class ConsoleBrowserTests {
    static Browser browser;

    @BeforeAll
    static void chromium() {
        browser = ConsoleBrowser.browser();
    }
}
