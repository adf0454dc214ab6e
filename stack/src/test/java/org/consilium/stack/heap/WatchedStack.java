package org.consilium.stack.heap;

/** Stands in for a relaunched stack: watches its parent, stops slowly, and otherwise does nothing until it is ended. */
public final class WatchedStack {

    private WatchedStack() {
    }

    public static void main(String[] args) throws InterruptedException {
        ParentWatch.startIfRelaunched();
        // a graceful stop that takes a while, as the stack's does (services, then Kafka's controlled shutdown)
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Thread.sleep(1500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        System.out.println("READY");
        System.out.flush();
        Thread.currentThread().join();
    }
}
