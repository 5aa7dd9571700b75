package dev.vendorrisk.service;

import dev.vendorrisk.assessor.Diagnostic;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the rule base is built and its metadata checked ({@code /q/health/ready}). */
@Readiness
@ApplicationScoped
public class RulesReadiness implements HealthCheck {
    @Inject
    RuleService rules;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("rule base");
        if (rules.ready()) {
            return response.up().withData("rules", rules.assessor().rules().rules().size()).build();
        }
        response.down();
        int i = 0;
        for (Diagnostic d : rules.failure()) {
            response.withData("problem" + (++i), d.render());
        }
        return response.build();
    }
}
