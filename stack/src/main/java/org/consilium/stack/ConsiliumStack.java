package org.consilium.stack;

import java.util.Optional;

import org.consilium.stack.heap.BoundedRelaunch;
import org.consilium.stack.heap.ParentWatch;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The one-command embedded default: Kafka, MongoDB wire protocol, SMTP and every Consilium
 * service as its own JVM. Run {@code java -jar stack/target/stack-exec.jar} from the repository root.
 */
// The launcher serves MongoDB and is never its client: with a driver on the class path (as in the tests)
// Boot would otherwise connect a client to the default port 27017, possibly someone else's stack.
@SpringBootApplication(exclude = MongoAutoConfiguration.class)
@ConfigurationPropertiesScan
public class ConsiliumStack {

    public static void main(String[] args) {
        if (Usage.requested(args)) {
            System.out.print(Usage.text());
            return;
        }
        Optional<Integer> relaunched = BoundedRelaunch.ifUnbounded(args);
        if (relaunched.isPresent()) {
            System.exit(relaunched.get());
        }
        ParentWatch.startIfRelaunched();
        try {
            SpringApplication.run(ConsiliumStack.class, args);
        } catch (RuntimeException startupFailed) {
            // Boot has already reported the failure and stopped what was started; exit non-zero even
            // if some library left a non-daemon thread behind, so scripts see the failure.
            System.exit(1);
        }
    }
}
