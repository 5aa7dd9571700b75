package dev.vendorrisk.assessor.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vendorrisk.assessor.Diagnostic;
import dev.vendorrisk.assessor.RuleTimeoutException;
import dev.vendorrisk.assessor.VendorRiskAssessor;
import dev.vendorrisk.assessor.batch.BatchAssessor;
import dev.vendorrisk.assessor.batch.BatchInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runaway rules are stopped at the time limit and named. The loops need Java, so these rules are
 * trusted; the safe rule language refuses loops in the first place. Generous limits: the machines
 * that run the build can be slow, and the first evaluation also builds the rule network.
 */
class RuleTimeLimitTest {
    private static final Duration LIMIT = Duration.ofSeconds(3);
    private static final String HEADER = """
            package loop;
            import dev.vendorrisk.assessor.profile.*;
            import dev.vendorrisk.assessor.rules.*;
            import static dev.vendorrisk.assessor.rules.Emit.*;
            """;

    private static VendorRiskAssessor assessor(Path dir, String drl, String scoring) throws IOException {
        Files.writeString(dir.resolve("loop.drl"), HEADER + drl);
        if (scoring != null) {
            Files.writeString(dir.resolve("scoring.yaml"), scoring);
        }
        return VendorRiskAssessor.builder().rules(dir).trustRules(true).timeLimit(LIMIT).build();
    }

    private static List<String> stop(VendorRiskAssessor assessor, Path profile) {
        RuleTimeoutException e = catchThrowableOfType(() -> assessor.assess(profile), RuleTimeoutException.class);
        assertThat(e).as("the evaluation is stopped").isNotNull();
        return e.diagnostics().stream().map(Diagnostic::render).toList();
    }

    @Test
    void anActionThatNeverEndsIsStoppedWithTheRuleNamed(@TempDir Path dir) throws IOException {
        VendorRiskAssessor assessor = assessor(dir, """
                rule "spins in its action"
                when
                    Company()
                then
                    while (true) { }
                end
                """, null);

        assertThat(stop(assessor, Path.of("../samples/pbx-incident.yaml"))).singleElement().asString()
                .startsWith(dir + "/loop.drl:5: rule 'spins in its action' was still running after the time limit of"
                        + " 3 s on ../samples/pbx-incident.yaml and was stopped");
        // the assessor still works: the stopped session was dropped, a new one is used
        assertThat(stop(assessor, Path.of("../samples/well-run-msp.yaml"))).singleElement().asString()
                .contains("rule 'spins in its action' was still running");
    }

    @Test
    void aConditionThatNeverEndsIsStopped(@TempDir Path dir) throws IOException {
        VendorRiskAssessor assessor = assessor(dir, """
                function boolean spin() { while (true) { } }

                rule "spins in its condition"
                when
                    Company(spin())
                then
                end
                """, null);

        assertThat(stop(assessor, Path.of("../samples/pbx-incident.yaml"))).singleElement().asString()
                .contains("a rule's condition was still being evaluated after the time limit of 3 s on"
                        + " ../samples/pbx-incident.yaml and was stopped");
    }

    @Test
    void rulesThatKeepFiringUnderTheCapAreHaltedWithTheLastRuleNamed(@TempDir Path dir) throws IOException {
        VendorRiskAssessor assessor = assessor(dir, """
                rule "keeps re-triggering itself"
                when
                    $c : Company()
                then
                    update($c);
                end
                """, "maxFirings: 2000000000\n");

        assertThat(stop(assessor, Path.of("../samples/pbx-incident.yaml"))).singleElement().asString()
                .startsWith(dir + "/loop.drl:5: ")
                .contains("on ../samples/pbx-incident.yaml")
                .contains("rule 'keeps re-triggering itself'");
    }

    @Test
    void aPortfolioRuleThatNeverEndsIsStoppedAndTheAssessorGoesOn(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("loop.drl"), HEADER + """
                import dev.vendorrisk.assessor.portfolio.*;

                rule "spins over the portfolio"
                when
                    PortfolioEntry(vendorId == "nordic-managed-it")
                then
                    while (true) { }
                end
                """);
        VendorRiskAssessor assessor = VendorRiskAssessor.builder().rules(Path.of("../rules")).rules(dir)
                .trustRules(true).timeLimit(LIMIT).build();
        List<BatchInput> inputs = List.of(BatchInput.file("../samples/well-run-msp.yaml"),
                BatchInput.file("../samples/pbx-incident.yaml"));
        List<String> reported = new ArrayList<>();

        RuleTimeoutException e = catchThrowableOfType(() -> BatchAssessor.builder(assessor).jobs(1).build()
                .assess(inputs, r -> reported.add(r.file())), RuleTimeoutException.class);

        assertThat(e).as("the portfolio's evaluation is stopped").isNotNull();
        assertThat(e.diagnostics()).extracting(Diagnostic::render).singleElement().asString()
                .startsWith(dir + "/loop.drl:7: rule 'spins over the portfolio' was still running after the time limit"
                        + " of 3 s on the portfolio and was stopped");
        assertThat(reported).hasSize(2);
        // the session stopped was dropped: a portfolio without that vendor is evaluated as usual
        BatchAssessor.builder(assessor).jobs(1).build().assess(List.of(inputs.get(1)), r -> assertThat(r.ok()).isTrue());
    }

    @Test
    void aBatchSaysWhichFilesWereAndWereNotAssessed(@TempDir Path dir) throws IOException {
        VendorRiskAssessor assessor = assessor(dir, """
                rule "spins on one-person providers"
                when
                    Company(staffCount == 1)
                then
                    while (true) { }
                end
                """, null);
        List<BatchInput> inputs = new ArrayList<>();
        for (String name : List.of("well-run-msp", "pbx-incident", "large-saas-with-sla")) {
            inputs.add(BatchInput.file("../samples/" + name + ".yaml"));
        }
        List<String> reported = new ArrayList<>();

        RuleTimeoutException e = catchThrowableOfType(() -> BatchAssessor.builder(assessor).jobs(1).build()
                .assess(inputs, r -> reported.add(r.file())), RuleTimeoutException.class);

        assertThat(e).isNotNull();
        assertThat(e.diagnostics().get(0).render()).contains("rule 'spins on one-person providers' was still running")
                .contains("on ../samples/pbx-incident.yaml");
        assertThat(reported).doesNotContain("../samples/pbx-incident.yaml", "../samples/large-saas-with-sla.yaml");
        assertThat(e.diagnostics()).extracting(Diagnostic::render).last().asString()
                .startsWith("batch: stopped: " + reported.size() + " of 3 files were assessed and reported")
                .endsWith("not (../samples/pbx-incident.yaml, ../samples/large-saas-with-sla.yaml); fix the rule,"
                        + " or run again without the file it stopped on");
    }
}
