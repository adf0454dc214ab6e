package org.consilium.notification;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;

/** TEMPORARY diagnosis: all thread stacks when a request times out. */
public class ThreadDumpOnTimeout implements TestExecutionExceptionHandler {
    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        if (String.valueOf(throwable.getMessage()).contains("Timeout on blocking read")) {
            StringBuilder dump = new StringBuilder("THREAD DUMP at timeout in " + context.getDisplayName() + "\n");
            for (ThreadInfo info : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
                dump.append('"').append(info.getThreadName()).append("\" ").append(info.getThreadState());
                if (info.getLockName() != null) {
                    dump.append(" on ").append(info.getLockName()).append(" owned by ").append(info.getLockOwnerName());
                }
                dump.append('\n');
                for (StackTraceElement frame : info.getStackTrace()) {
                    dump.append("    at ").append(frame).append('\n');
                }
            }
            System.out.println(dump);
        }
        throw throwable;
    }
}
