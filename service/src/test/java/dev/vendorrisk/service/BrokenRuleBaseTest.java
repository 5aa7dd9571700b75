package dev.vendorrisk.service;

import static dev.vendorrisk.service.Http.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.mockito.Mockito.when;

import dev.vendorrisk.assessor.Diagnostic;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** When the rule base could not be built, the service says so: not ready, and 503 with the diagnostics. */
@QuarkusTest
class BrokenRuleBaseTest {
    private static final List<Diagnostic> PROBLEM = List.of(new Diagnostic("rules/sla.drl", 18, 0,
            "rule 'SLA-004' has no @weight; add @weight(...) after the rule name"));

    @InjectMock
    RuleService rules;

    @BeforeEach
    void breakTheRuleBase() {
        when(rules.ready()).thenReturn(false);
        when(rules.failure()).thenReturn(PROBLEM);
        when(rules.assessor()).thenThrow(new RulesNotReadyException(PROBLEM));
        when(rules.maxBodyBytes()).thenReturn(1 << 20);
    }

    @Test
    void readinessIsDownWithTheProblem() {
        given().get("/q/health/ready").then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.find { it.name == 'rule base' }.data.problem1",
                        equalTo("rules/sla.drl:18: rule 'SLA-004' has no @weight; add @weight(...) after the rule name"));
    }

    @Test
    void assessmentsAndRulesGive503WithTheDiagnostics() {
        given().contentType("application/yaml").body("schemaVersion: 1\n").post("/assessments")
                .then().statusCode(503)
                .body("message", containsString("not ready"))
                .body("errors[0].file", equalTo("rules/sla.drl"))
                .body("errors[0].line", equalTo(18));
        given().get("/rules").then().statusCode(503);
    }
}
