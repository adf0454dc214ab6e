package org.consilium.stack.heap;

import java.io.IOException;
import java.io.InputStream;

/**
 * In a stack relaunched with a bounded heap: the parent holds the other end of this JVM's stdin, and the
 * kernel closes it the moment the parent dies, however it dies. A parent killed with SIGKILL means the stack
 * was killed, so this JVM halts too, at once and without a graceful stop, as a single JVM would have died.
 * A graceful stop comes as a signal to this JVM and never reaches this watch.
 */
public final class ParentWatch {

    private ParentWatch() {
    }

    public static void startIfRelaunched() {
        if (System.getProperty(HeapLimit.RELAUNCHED_BY) == null) {
            return;
        }
        Thread watch = new Thread(() -> {
            awaitEndOfInput(System.in);
            Runtime.getRuntime().halt(137);
        }, "parent-watch");
        watch.setDaemon(true);
        watch.start();
    }

    public static void awaitEndOfInput(InputStream in) {
        byte[] ignored = new byte[64];
        try {
            while (in.read(ignored) >= 0) {
                // the parent never writes; anything that arrives is not ours to act on
            }
        } catch (IOException closed) {
            // the same as the end of input: the parent is gone
        }
    }
}
