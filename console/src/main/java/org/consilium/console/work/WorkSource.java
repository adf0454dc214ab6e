package org.consilium.console.work;

import java.util.List;

import reactor.core.publisher.Mono;

/**
 * A kind of coordinator work besides the engine's user tasks (reports waiting for QA, emails not confirmed
 * delivered), listed below the tasks on the worklist. The worklist knows only this: the packages that own each kind
 * of work depend on nothing of the worklist's, and a new kind is one more bean.
 */
public interface WorkSource {

    /** The model attribute the worklist's section reads; {@code <name>Problem} when the owning service did not answer. */
    String name();

    /** The service that owns this work, named when it does not answer. */
    String service();

    /** What waits on a coordinator now, read with the signed-in user's token. */
    Mono<? extends List<?>> waiting();
}
