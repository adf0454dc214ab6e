package org.consilium.console.ops;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.KafkaFuture;

/**
 * A short-lived admin client on the broker for one read of an ops page: every call bounded by {@link #CALL}, and a
 * broker that does not answer in time said as {@link DeadLetterTopics.BrokerUnavailable} (the page's 503), never as an
 * empty list.
 */
final class BrokerAdmin {
    static final Duration CALL = Duration.ofSeconds(10);

    /** What a page reads with the admin client. */
    @FunctionalInterface
    interface Reading<T> {
        T from(Admin admin) throws ExecutionException, InterruptedException, TimeoutException;
    }

    private BrokerAdmin() {
    }

    static Properties properties(String bootstrapServers) {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) CALL.toMillis());
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) CALL.toMillis() - 1000);
        return properties;
    }

    static <T> T read(String bootstrapServers, Reading<T> reading) {
        try (Admin admin = Admin.create(properties(bootstrapServers))) {
            return reading.from(admin);
        } catch (ExecutionException | TimeoutException e) {
            throw new DeadLetterTopics.BrokerUnavailable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeadLetterTopics.BrokerUnavailable(e);
        }
    }

    /** The answer, or a timeout after {@link #CALL}. */
    static <T> T answer(KafkaFuture<T> future) throws ExecutionException, InterruptedException, TimeoutException {
        return future.get(CALL.toSeconds(), TimeUnit.SECONDS);
    }
}
