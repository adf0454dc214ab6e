package org.consilium.stack.services;

import java.util.List;
import java.util.Optional;

/** The five services, most important first: that is also the order they are started and listed in. */
public final class ServiceCatalog {

    public static final List<ServiceDefinition> ALL = List.of(
            new ServiceDefinition("bpmn", 8080, "512m", Optional.empty()),
            // intake keeps HAPI FHIR's warmed validator (~180 MB of heap) resident
            new ServiceDefinition("intake-service", 8081, "384m", Optional.of("consilium-intake")),
            new ServiceDefinition("records-service", 8082, "256m", Optional.of("consilium-records")),
            new ServiceDefinition("mdt-scheduler", 8083, "256m", Optional.of("consilium-mdt")),
            new ServiceDefinition("notification-service", 8084, "256m", Optional.of("consilium-notification")));

    private ServiceCatalog() {
    }

    public static List<String> names() {
        return ALL.stream().map(ServiceDefinition::module).toList();
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
