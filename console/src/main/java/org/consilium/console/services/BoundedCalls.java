package org.consilium.console.services;

import java.time.Duration;

import io.netty.channel.ChannelOption;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import reactor.netty.http.client.HttpClient;

/**
 * Every call the console makes to another server ends: 3 s to connect, then {@code console.call-timeout} for the
 * answer. A page behind a call that never returns would keep the person waiting with nothing to read, while a
 * timed-out call becomes a page saying what did not answer.
 */
public final class BoundedCalls {
    private static final int CONNECT_MILLIS = 3000;

    private BoundedCalls() {
    }

    public static ReactorClientHttpConnector connector(Duration answerWithin) {
        return new ReactorClientHttpConnector(HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_MILLIS)
                .responseTimeout(answerWithin));
    }
}
