package dev.vendorrisk.assessor.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.vendorrisk.assessor.Assessment;
import dev.vendorrisk.assessor.Finding;
import dev.vendorrisk.assessor.portfolio.PortfolioSession;
import dev.vendorrisk.assessor.VendorRiskAssessor;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the project's rule tests ({@code rules/tests/*.yaml}) against the project's rules: one
 * dynamic test per case, and a check that every rule has a case where it fires and one where it
 * does not.
 */
class RuleTestsTest {
    private static final Path RULES = Path.of("../rules");
    private static final Path TESTS = RULES.resolve("tests");

    private static VendorRiskAssessor assessor;
    private static RuleTestSuite suite;

    @BeforeAll
    static void compileRulesAndLoadTests() {
        assessor = VendorRiskAssessor.builder().rules(RULES).build();
        suite = RuleTests.load(TESTS, assessor.rules());
    }

    @TestFactory
    Stream<DynamicNode> everyCaseOfTheRuleTests() {
        Map<String, List<RuleTestCase>> byFile = new LinkedHashMap<>();
        suite.cases().forEach(c -> byFile.computeIfAbsent(c.file(), f -> new ArrayList<>()).add(c));
        return byFile.entrySet().stream().map(file -> DynamicContainer.dynamicContainer(
                Path.of(file.getKey()).getFileName().toString(), Path.of(file.getKey()).toUri(),
                file.getValue().stream().map(RuleTestsTest::dynamicTest)));
    }

    private static DynamicTest dynamicTest(RuleTestCase c) {
        URI source = URI.create(Path.of(c.file()).toUri() + "?line=" + c.line());
        return DynamicTest.dynamicTest(c.name(), source, () -> {
            CaseResult result = RuleTests.run(assessor, c);
            if (!result.passed()) {
                fail(result.describe());
            }
        });
    }

    @Test
    void everyRuleHasAFiringAndANonFiringCase() {
        TestReport report = RuleTests.run(assessor, suite);
        assertThat(report.failures()).as("failing cases").extracting(CaseResult::describe).isEmpty();
        assertThat(report.uncovered())
                .as("rules without a passing case that lists them under 'fires' (add one to " + TESTS + ")")
                .isEmpty();
        assertThat(report.unrefuted())
                .as("rules without a passing case that lists them under 'doesNotFire' (add a near miss to " + TESTS + ")")
                .isEmpty();
        long perProfile = assessor.rules().rules().stream()
                .filter(r -> !PortfolioSession.AREA.equals(r.area())).count(); // portfolio rules: PortfolioRulesTest
        assertThat(report.rules()).as("every per-profile rule, variants apart").hasSize((int) perProfile);
    }

    @Test
    void theBaselineRaisesNoFindingAtAll() {
        // on the day it was assessed, as the cases run it: no review is overdue yet
        Assessment a = assessor.withRunDate(java.time.LocalDate.of(2018, 2, 19)).assess(TESTS.resolve("baseline.yaml"));
        assertThat(a.findings()).extracting(Finding::message).isEmpty();
        assertThat(a.score()).isZero();
        assertThat(a.tier().wire()).isEqualTo("critical");
    }
}
