package dev.vendorrisk.assessor.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vendorrisk.assessor.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A scoring file is read as strictly as a profile: nothing in it is silently dropped or chosen. */
class PolicyReaderStrictnessTest {
    private static List<String> problems(String content) {
        List<Diagnostic> problems = new ArrayList<>();
        PolicyReader.read("scoring.yaml", content, problems);
        return problems.stream().map(Diagnostic::render).toList();
    }

    @Test
    void aKeyGivenTwiceIsAnErrorAtTheSecondCopy() {
        assertThat(problems("""
                limits:
                  minTechnicalStaff: 2
                gapCap: 30
                limits:
                  minTechnicalStaff: 3
                """)).containsExactly(
                "scoring.yaml:4:1: duplicate key 'limits'; it is already set at line 1; keep one of them");
    }

    @Test
    void aNestedKeyGivenTwiceIsAnError() {
        assertThat(problems("""
                limits:
                  availability:
                    high: 99.5
                    high: 99.9
                tierFactors: {low: 0.6, low: 0.7}
                """)).containsExactly(
                "scoring.yaml:4:5: duplicate key 'high'; it is already set at line 3; keep one of them",
                "scoring.yaml:5:25: duplicate key 'low'; it is already set at line 5; keep one of them");
    }

    @Test
    void theSameKeyInSiblingMappingsIsNoDuplicate() {
        assertThat(problems("""
                limits:
                  availability: {high: 99.5}
                tierFromMtdHours: {high: 24}
                ratingBands: {high: 70}
                """)).isEmpty();
    }

    @Test
    void aliasesAreRefusedNotExpanded() {
        assertThat(problems("""
                gapCap: &cap 30
                completenessWarningPercent: *cap
                """)).containsExactly("scoring.yaml:2:29: YAML aliases such as '*cap' are not supported in a scoring"
                + " file; write the value out in full");
    }

    @Test
    void wrongTypesAndUnknownKeysAreReportedWithTheirPlace() {
        assertThat(problems("""
                maxFiring: 10
                ratingBands: {low: twenty}
                """)).containsExactly(
                "scoring.yaml:1:1: unknown key 'maxFiring'; did you mean 'maxFirings'?",
                "scoring.yaml:2:15: 'ratingBands.low' must be a number, not 'twenty'");
    }

    @Test
    void outOfRangeNumbersAreErrorsAtTheirKey() {
        List<Diagnostic> problems = new ArrayList<>();
        PolicyReader.Parsed parsed = PolicyReader.read("scoring.yaml", "gapCap: 130\nmaxFirings: 0\n", problems);
        assertThat(problems).isEmpty();
        PolicyReader.check("scoring.yaml", parsed.policy(), parsed, problems);
        assertThat(problems).extracting(Diagnostic::render).contains(
                "scoring.yaml:1:1: gapCap must be between 0 and 100",
                "scoring.yaml:2:1: maxFirings must be 1 or more");
    }

    @Test
    void nestingIsBounded() {
        String deep = "limits: " + "[".repeat(60) + "]".repeat(60) + "\n";
        assertThat(problems(deep)).singleElement().asString().startsWith("scoring.yaml:");
    }
}
