package org.consilium.notification;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.springframework.test.context.junit.jupiter.SpringExtension;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;

/** TEMPORARY diagnosis: all thread stacks and the Mongo pool meters when a request times out. */
public class ThreadDumpOnTimeout implements TestExecutionExceptionHandler {
    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        if (String.valueOf(throwable.getMessage()).contains("Timeout on blocking read")) {
            StringBuilder dump = new StringBuilder("THREAD DUMP at timeout in " + context.getDisplayName() + "\n");
            try {
                MeterRegistry meters = SpringExtension.getApplicationContext(context).getBean(MeterRegistry.class);
                for (Meter meter : meters.getMeters()) {
                    String name = meter.getId().getName();
                    if (name.startsWith("mongodb") || name.startsWith("reactor.netty") || name.startsWith("http.server.requests.active")) {
                        dump.append("METER ").append(meter.getId()).append(' ');
                        meter.measure().forEach(m -> dump.append(m.getStatistic()).append('=').append(m.getValue()).append(' '));
                        dump.append('\n');
                    }
                }
            } catch (RuntimeException e) {
                dump.append("no meters: ").append(e).append('\n');
            }
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
