package org.consilium.console;

import org.consilium.support.web.OneRequestPerConnection;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The console answers one request per connection, as the services do (ADR 11): Reactor Netty 1.2 sometimes leaves a
 * kept-alive connection's next request unread (reactor/reactor-netty#4361). The console had kept keep-alive on (it
 * does not load the services' auto-configuration), and browsers met it: the sign-in's callback, sent on the
 * connection that had just carried the redirect to the provider, waited unanswered until the browser gave up (CI's
 * browser tests, about one run in five; the console's event loops idle, no filter ever saw the request).
 * {@code consilium.http.keep-alive=true} turns keep-alive back on once the Reactor Netty in use has the fix.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleHttpServer {

    @Bean
    @ConditionalOnProperty(name = "consilium.http.keep-alive", havingValue = "false", matchIfMissing = true)
    OneRequestPerConnection oneRequestPerConnection() {
        return new OneRequestPerConnection();
    }
}
