package org.consilium.support.security;

import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;

/**
 * A service's rules of who may call which endpoint, by role ({@code hasRole("coordinator")}...).
 * Applied after the shared rules (health and API docs open, other actuator endpoints for
 * {@code ops}) and before the fallback (any other request needs a valid token). Which case a
 * caller may see is checked in the service itself, against the case ({@link Caller}).
 */
@FunctionalInterface
public interface EndpointRules {
    void apply(AuthorizeExchangeSpec exchanges);
}
