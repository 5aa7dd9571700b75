package dev.vendorrisk.service;

import static dev.vendorrisk.service.Http.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.Mockito.when;

import dev.vendorrisk.assessor.VendorRiskAssessor;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A rule that never ends is stopped at the library's time limit: the request gets 503 naming the rule
 * (file and line), a batch says which profiles were and were not assessed, and the service answers
 * the next requests normally, whether the rule loops in a condition, in an action, or over the portfolio. The service's own rules are compiled at build time, so the looping
 * rules come from an overlay compiled here, trusted (the safe rule language refuses loops), behind
 * the service's {@link RuleService}: everything from the HTTP request to the library's session pool
 * is the real thing.
 */
@QuarkusTest
class TimeLimitTest {
    /** Generous: the first evaluations also build the rule network, on busy machines. */
    private static final Duration LIMIT = Duration.ofSeconds(2);
    private static final Path OVERLAY = Path.of("target/runaway-rules");
    private static final String HEADER = """
            package runaway;
            import dev.vendorrisk.assessor.profile.*;
            import dev.vendorrisk.assessor.rules.*;

            """;
    /** staffCount 1: loops in an action. */
    private static final Path PBX = Library.ROOT.resolve("samples/pbx-incident.yaml");
    /** staffCount 9: loops in a condition. */
    private static final Path SPINOFF = Library.ROOT.resolve("samples/fresh-spinoff.yaml");
    /** Loops in a portfolio rule, which runs after the profile's own rules. */
    private static final Path UNKNOWNS = Library.ROOT.resolve("samples/many-unknowns.yaml");
    /** Neither: assessed as usual. */
    private static final Path MSP = Library.ROOT.resolve("samples/well-run-msp.yaml");
    private static final Path SAAS = Library.ROOT.resolve("samples/large-saas-with-sla.yaml");

    private static final String STOPPED = "the rules ran past the time limit (vra.assessment-timeout) and were"
            + " stopped; fix the rule that errors names";

    private static VendorRiskAssessor runaway;

    @InjectMock
    RuleService rules;

    @BeforeEach
    void rulesThatLoopOnSomeProfiles() {
        when(rules.ready()).thenReturn(true);
        when(rules.failure()).thenReturn(List.of());
        when(rules.assessor()).thenReturn(runawayAssessor());
        when(rules.maxBodyBytes()).thenReturn(1 << 20);
    }

    private static synchronized VendorRiskAssessor runawayAssessor() {
        if (runaway == null) {
            try {
                Files.createDirectories(OVERLAY);
                Files.writeString(OVERLAY.resolve("action.drl"), HEADER + """
                        rule "spins in its action"
                        when
                            Company(staffCount == 1)
                        then
                            while (true) { }
                        end
                        """);
                Files.writeString(OVERLAY.resolve("condition.drl"), HEADER + """
                        function boolean spins(Integer staff) {
                            while (staff != null && staff.intValue() == 9) { }
                            return false;
                        }

                        rule "spins in its condition"
                        when
                            Company(spins(staffCount))
                        then
                        end
                        """);
                Files.writeString(OVERLAY.resolve("portfolio-loop.drl"), HEADER + """
                        import dev.vendorrisk.assessor.portfolio.*;

                        rule "spins over the portfolio"
                        when
                            PortfolioEntry(vendorId == "quickprint-cloud")
                        then
                            while (true) { }
                        end
                        """);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            runaway = VendorRiskAssessor.builder().rules(Library.ROOT.resolve("rules")).rules(OVERLAY).trustRules(true)
                    .timeLimit(LIMIT).clock(Library.CLOCK).build();
        }
        return runaway;
    }

    private static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Enough normal requests to pass through every thread of the assessment pool. */
    private static void theServiceAnswersNormally() {
        for (int i = 0; i < 2 * Math.max(2, 2 * Runtime.getRuntime().availableProcessors()); i++) {
            given().contentType("application/yaml").queryParam("name", "msp.yaml").body(text(MSP)).post("/assessments")
                    .then().statusCode(200)
                    .body("assessments[0].file", equalTo("msp.yaml"))
                    .body("errors", hasSize(0));
        }
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void anActionThatNeverEndsGets503NamingTheRuleAndTheServiceAnswersNormallyAfterwards() {
        theServiceAnswersNormally(); // also builds the rule network before the clock starts
        given().contentType("application/yaml").queryParam("name", "pbx.yaml").body(text(PBX)).post("/assessments")
                .then().statusCode(503).contentType(startsWith("application/json"))
                .body("message", equalTo(STOPPED))
                .body("errors", hasSize(1))
                .body("errors[0].file", equalTo(OVERLAY + "/action.drl"))
                .body("errors[0].line", equalTo(5))
                .body("errors[0].message", startsWith("rule 'spins in its action' was still running after the time"
                        + " limit of 2 s on pbx.yaml and was stopped; make sure it ends"));
        theServiceAnswersNormally();
    }

    @Test
    void aConditionThatNeverEndsGets503AndTheServiceAnswersNormallyAfterwards() {
        given().contentType("application/yaml").queryParam("name", "spinoff.yaml").body(text(SPINOFF))
                .post("/assessments")
                .then().statusCode(503)
                .body("errors[0].message", startsWith("a rule's condition was still being evaluated after the time"
                        + " limit of 2 s on spinoff.yaml and was stopped"));
        theServiceAnswersNormally();
    }

    @Test
    void aPortfolioRuleThatNeverEndsGets503AndTheServiceAnswersNormallyAfterwards() {
        given().contentType("application/yaml").queryParam("name", "vendors").body(text(MSP) + "---\n" + text(UNKNOWNS))
                .post("/assessments/batch")
                .then().statusCode(503)
                .body("message", equalTo(STOPPED))
                .body("errors", hasSize(1))
                .body("errors[0].file", equalTo(OVERLAY + "/portfolio-loop.drl"))
                .body("errors[0].line", equalTo(7))
                .body("errors[0].message", startsWith("rule 'spins over the portfolio' was still running after the"
                        + " time limit of 2 s on the portfolio and was stopped"));
        theServiceAnswersNormally();
    }

    @Test
    void aBatchSaysWhichProfilesWereAndWereNotAssessed() {
        String body = text(MSP) + "---\n" + text(PBX) + "---\n" + text(SAAS);
        given().contentType("application/yaml").queryParam("name", "vendors").body(body).post("/assessments/batch")
                .then().statusCode(503)
                .body("message", equalTo(STOPPED))
                .body("errors", hasSize(2))
                .body("errors[0].file", equalTo(OVERLAY + "/action.drl"))
                .body("errors[0].message", containsString("rule 'spins in its action' was still running after the"
                        + " time limit of 2 s on vendors#2"))
                .body("errors[1].file", equalTo("batch"))
                .body("errors[1].message", equalTo("stopped at vendors#2: 1 of 3 profiles was assessed (vendors#1), 2"
                        + " were not (vendors#2, vendors#3); the answer holds none of them: fix the rule, or send the"
                        + " batch again without vendors#2"));
        theServiceAnswersNormally();
    }
}
