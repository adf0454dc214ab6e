package org.consilium.stack.fake;

/** Stands in for a service that cannot start. */
public final class FailingService {

    private FailingService() {
    }

    public static void main(String[] args) {
        System.out.println("Simulated start-up failure: cannot reach the database");
        System.exit(3);
    }
}
