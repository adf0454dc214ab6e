package org.consilium.intake.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * {@code consilium.intake.rate-limit.*}: how many cases one caller may submit ({@code POST /cases},
 * {@code POST /fhir}) per period.
 *
 * @param submissions  how many per {@code per}, refilled evenly over it
 * @param exemptRoles  roles not limited: coordinators enter cases for patients in bulk (a partner
 *                     hospital's referrals) and are staff, not the public the limit is for
 * @param maxCallers   how many callers' counts are kept at most (least recently seen dropped first)
 */
@ConfigurationProperties("consilium.intake.rate-limit")
public record RateLimitProperties(@DefaultValue("true") boolean enabled,
                                  @DefaultValue("20") int submissions,
                                  @DefaultValue("1h") Duration per,
                                  @DefaultValue("coordinator") List<String> exemptRoles,
                                  @DefaultValue("100000") int maxCallers) {
}
