package org.consilium.stack.services;

import java.util.List;
import java.util.Optional;

import org.consilium.stack.StackPorts;
import org.consilium.stack.services.ServiceDefinition.Kind;

/** The services, most important first: that is also the order they are started and listed in. */
public final class ServiceCatalog {

    /** Every API will ask it who the caller is (issue 6), so it comes first; it is small and starts in seconds. */
    public static final ServiceDefinition IDENTITY_PROVIDER =
            new ServiceDefinition("identity-provider", 9000, "128m", Kind.IDENTITY, Optional.empty());

    public static final List<ServiceDefinition> ALL = List.of(
            IDENTITY_PROVIDER,
            new ServiceDefinition("bpmn", 8080, "512m", Kind.ENGINE, Optional.empty()),
            // intake keeps HAPI FHIR's warmed validator resident: ~250 MB of live heap, the R4 profiles and their R5
            // copies. At 384 MB its old generation (two thirds) was full at idle, and 5,000 cases at 20/s cost it 20–44
            // full collections of ~0.6 s each; grown as used (HeapSizing), the larger bound costs nothing until needed
            new ServiceDefinition("intake-service", 8081, "512m", Kind.DOMAIN, Optional.of("consilium-intake")),
            new ServiceDefinition("records-service", 8082, "256m", Kind.DOMAIN, Optional.of("consilium-records")),
            new ServiceDefinition("mdt-scheduler", 8083, "256m", Kind.DOMAIN, Optional.of("consilium-mdt")),
            new ServiceDefinition("notification-service", 8084, "256m", Kind.DOMAIN, Optional.of("consilium-notification")),
            // last: it only reads the others' APIs (with the signed-in user's token), so nothing waits for it
            new ServiceDefinition("console", 8090, "256m", Kind.CONSOLE, Optional.of("consilium-console")));

    private ServiceCatalog() {
    }

    public static List<String> names() {
        return ALL.stream().map(ServiceDefinition::module).toList();
    }

    /** Where a service of the catalog answers on this machine, e.g. records-service's URL of intake-service. */
    public static String localUrl(String module, StackPorts ports) {
        ServiceDefinition service = ALL.stream().filter(s -> s.module().equals(module)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + module + " in the catalog"));
        return "http://localhost:" + ports.shift(service.basePort());
    }

    /** The embedded provider's issuer: what its tokens name, and what every service is told to trust. */
    public static String issuerUri(StackPorts ports) {
        return localUrl(IDENTITY_PROVIDER.module(), ports);
    }

    /** The named services in catalog order; an unknown name is a configuration error worth stopping for. */
    public static List<ServiceDefinition> select(List<String> requested) {
        List<String> names = requested.stream().map(String::trim).filter(name -> !name.isEmpty()).toList();
        List<String> unknown = names.stream().filter(name -> !names().contains(name)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Unknown service(s) " + unknown
                    + " in consilium.stack.services; known: " + names());
        }
        return ALL.stream().filter(service -> names.contains(service.module())).toList();
    }
}
