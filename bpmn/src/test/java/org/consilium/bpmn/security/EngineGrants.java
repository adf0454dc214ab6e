package org.consilium.bpmn.security;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;

/** The product's grants ({@link EngineAccess}) on an engine built outside Spring, for benchmarks. */
public final class EngineGrants {
    private EngineGrants() {
    }

    public static void apply(ProcessEngine engine) {
        new EngineAccess(engine.getIdentityService(), engine.getAuthorizationService(), new CamundaBpmProperties())
                .run(null);
    }
}
