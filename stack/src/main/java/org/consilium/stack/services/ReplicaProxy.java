package org.consilium.stack.services;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A replicated service's own port (issue 17): a TCP proxy in the stack's JVM that hands each new connection to the
 * next replica that accepts it, round robin, as a Kubernetes Service spreads connections over its pods. A replica
 * that is down (killed, restarting) refuses the connection and the next one gets it; a connection open to a replica
 * that dies is cut, as on a cluster, and the client's next one reaches a live replica. Bytes are passed as they come:
 * HTTP, server-sent events and uploads alike, each connection to one replica for its whole life (keep-alive included).
 */
final class ReplicaProxy implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ReplicaProxy.class);
    /** A replica on loopback answers a connect at once or not at all: no need to wait long for one. */
    private static final int CONNECT_TIMEOUT_MS = 1_000;

    private final String name;
    private final List<Integer> replicaPorts;
    private final ServerSocket server;
    private final ExecutorService threads;
    private final AtomicInteger next = new AtomicInteger();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    private ReplicaProxy(String name, ServerSocket server, List<Integer> replicaPorts) {
        this.name = name;
        this.server = server;
        this.replicaPorts = List.copyOf(replicaPorts);
        this.threads = Executors.newCachedThreadPool(work -> {
            Thread thread = new Thread(work, "proxy-" + name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Listens on {@code port} (every address, as the services do) and passes connections to the replicas' ports. */
    static ReplicaProxy start(String name, int port, List<Integer> replicaPorts) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(port), 200);
        ReplicaProxy proxy = new ReplicaProxy(name, server, replicaPorts);
        proxy.threads.execute(proxy::accept);
        log.info("{} on port {}: connections go to its replicas on {}", name, port, replicaPorts);
        return proxy;
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                threads.execute(() -> connect(client));
            } catch (IOException e) {
                if (!server.isClosed()) {
                    log.warn("{}: could not accept a connection: {}", name, e.toString());
                }
            }
        }
    }

    private void connect(Socket client) {
        Socket upstream = firstThatAccepts();
        if (upstream == null) {
            // every replica is down: the client sees its connection closed, as with no pod ready behind a Service
            log.debug("{}: no replica accepts a connection", name);
            closeQuietly(client);
            return;
        }
        open.add(client);
        open.add(upstream);
        AtomicInteger directions = new AtomicInteger(2);
        threads.execute(() -> pump(upstream, client, directions));
        pump(client, upstream, directions);
    }

    private Socket firstThatAccepts() {
        int first = Math.floorMod(next.getAndIncrement(), replicaPorts.size());
        for (int i = 0; i < replicaPorts.size(); i++) {
            int port = replicaPorts.get((first + i) % replicaPorts.size());
            Socket upstream = new Socket();
            try {
                upstream.setTcpNoDelay(true);
                upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), CONNECT_TIMEOUT_MS);
                return upstream;
            } catch (IOException down) {
                closeQuietly(upstream);
            }
        }
        return null;
    }

    /**
     * Copies one direction until its end, then half-closes the other side (an HTTP client may close its sending
     * side and still wait for the answer); the connection is closed once both directions ended, or at once when
     * either side was cut.
     */
    private void pump(Socket from, Socket to, AtomicInteger directions) {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                out.write(buffer, 0, read);
            }
            to.shutdownOutput();
            if (directions.decrementAndGet() == 0) {
                close(from, to);
            }
        } catch (IOException cut) {
            close(from, to);
        }
    }

    private void close(Socket one, Socket other) {
        open.remove(one);
        open.remove(other);
        closeQuietly(one);
        closeQuietly(other);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is all that was left to do
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // it stops accepting either way
        }
        open.forEach(ReplicaProxy::closeQuietly);
        threads.shutdownNow();
    }
}
