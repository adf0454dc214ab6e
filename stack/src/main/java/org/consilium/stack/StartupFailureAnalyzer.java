package org.consilium.stack;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a failed start into Boot's short "Description / Action" report instead of a stack trace. */
class StartupFailureAnalyzer extends AbstractFailureAnalyzer<StackStartupException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StackStartupException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
