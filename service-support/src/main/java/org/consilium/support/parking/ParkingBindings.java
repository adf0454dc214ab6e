package org.consilium.support.parking;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.stream.config.BindingServiceProperties;

/**
 * Where a binding reads from and as which group: its dead-letter topic is {@code error.<destination>.<group>}. Read
 * when a message is dead-lettered, so a service without bindings (none parked) needs none.
 */
public record ParkingBindings(ObjectProvider<BindingServiceProperties> properties) {

    String destination(String binding) {
        return properties.getObject().getBindingDestination(binding);
    }

    String group(String binding) {
        String group = properties.getObject().getGroup(binding);
        if (group == null) {
            throw new IllegalStateException("binding " + binding + " has no group, so no dead-letter topic");
        }
        return group;
    }
}
