package org.consilium.support.web;

import org.springframework.boot.web.embedded.netty.NettyServerCustomizer;
import reactor.netty.http.server.HttpServer;

/**
 * The services answer one request per connection ({@code Connection: close}). Reactor Netty 1.2
 * (the newest line Boot 3.5 can use) sometimes stops reading a kept-alive connection whose next
 * request arrived while the previous response was finishing: the request waits unread until the
 * client gives up (reactor/reactor-netty#4361, fixed upstream after 1.2.18; ADR 11). We saw it in
 * about one test run in three, with the JDK client as with Netty's, so it is the server. Without
 * keep-alive there is never a next request on a connection. The cost is a TCP handshake per request
 * (local, or from the proxy in front). {@code consilium.http.keep-alive=true} turns keep-alive back on
 * once the Reactor Netty in use has the fix.
 */
public class OneRequestPerConnection implements NettyServerCustomizer {

    @Override
    public HttpServer apply(HttpServer server) {
        // one request on a connection: the response says Connection: close and the server closes it
        return server.maxKeepAliveRequests(1);
    }
}
