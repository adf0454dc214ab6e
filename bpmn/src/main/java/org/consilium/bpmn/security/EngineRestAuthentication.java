package org.consilium.bpmn.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Tells the engine who calls its REST API, for the duration of the request: the token's user and the
 * Camunda groups of its roles. The engine checks its authorizations against them and writes the user into
 * the history (user operation log: who completed a task). Cleared afterwards, as the engine's thread-local
 * would otherwise leak to the next request on the same thread.
 */
final class EngineRestAuthentication extends OncePerRequestFilter {
    private final IdentityService identity;

    EngineRestAuthentication(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller == null || !caller.isAuthenticated()) {
            chain.doFilter(request, response);
            return;
        }
        identity.setAuthentication(caller.getName(), CamundaGroups.of(caller));
        try {
            chain.doFilter(request, response);
        } finally {
            identity.clearAuthentication();
        }
    }
}
