package org.consilium.stack.heap;

/** Stands in for a relaunched stack: watches its parent and otherwise does nothing until it is ended. */
public final class WatchedStack {

    private WatchedStack() {
    }

    public static void main(String[] args) throws InterruptedException {
        ParentWatch.startIfRelaunched();
        System.out.println("READY");
        System.out.flush();
        Thread.currentThread().join();
    }
}
