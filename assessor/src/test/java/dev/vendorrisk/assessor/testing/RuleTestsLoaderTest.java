package dev.vendorrisk.assessor.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vendorrisk.assessor.Diagnostic;
import dev.vendorrisk.assessor.Rating;
import dev.vendorrisk.assessor.VendorRiskAssessor;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The loader's strictness and the runner's messages, on the fixtures under {@code ruletests/}. */
class RuleTestsLoaderTest {
    private static final Path FIXTURES = Path.of("src/test/resources/ruletests");
    private static final String INVALID = FIXTURES.resolve("invalid") + "/";

    private static VendorRiskAssessor assessor;

    @BeforeAll
    static void compileRules() {
        assessor = VendorRiskAssessor.builder().rules(Path.of("../rules")).build();
    }

    @Test
    void loadsAFolderRecursivelyInPathOrderAndSkipsTheBaselines() {
        RuleTestSuite suite = RuleTests.load(FIXTURES.resolve("valid"), assessor.rules());

        assertThat(suite.files()).containsExactly(
                FIXTURES.resolve("valid/more/inline.yml").toString(), FIXTURES.resolve("valid/staffing.yaml").toString());
        assertThat(suite.cases()).extracting(RuleTestCase::location, RuleTestCase::name).containsExactly(
                org.assertj.core.groups.Tuple.tuple(FIXTURES.resolve("valid/more/inline.yml") + ":3", "an inline profile"),
                org.assertj.core.groups.Tuple.tuple(FIXTURES.resolve("valid/staffing.yaml") + ":4", "one person"),
                org.assertj.core.groups.Tuple.tuple(FIXTURES.resolve("valid/staffing.yaml") + ":9",
                        "a null removes a fact and lists replace"));
        RuleTestCase first = suite.cases().get(0);
        assertThat(first.expect().fires()).extracting(RuleRef::key).containsExactly("CORP-005/weak");
    }

    @Test
    void aCacheReReadsOnlyTheFilesWhoseTextOrBaselineChanged(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path tests = dir.resolve("tests");
        java.nio.file.Files.createDirectories(tests.resolve("more"));
        for (String f : List.of("staffing.yaml", "baseline.yaml", "more/inline.yml")) {
            java.nio.file.Files.copy(FIXTURES.resolve("valid").resolve(f), tests.resolve(f));
        }
        RuleTests.Cache cache = new RuleTests.Cache();
        RuleTestSuite first = RuleTests.load(List.of(tests), assessor.rules(), cache);
        assertThat(first.cases()).hasSize(3);

        // nothing changed: the very same cases
        RuleTestSuite again = RuleTests.load(List.of(tests), assessor.rules(), cache);
        assertThat(again.cases()).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(again.cases().get(i)).isSameAs(first.cases().get(i));
        }

        // one file saved: its cases are read again, the other file's are kept
        Path staffing = tests.resolve("staffing.yaml");
        java.nio.file.Files.writeString(staffing, java.nio.file.Files.readString(staffing)
                .replace("name: one person", "name: just one person"));
        RuleTestSuite edited = RuleTests.load(List.of(tests), assessor.rules(), cache);
        assertThat(edited.cases().get(0)).isSameAs(first.cases().get(0));
        assertThat(edited.cases().get(1).name()).isEqualTo("just one person");

        // the baseline saved: the cases that patch it are read again, over the new baseline
        Path baseline = tests.resolve("baseline.yaml");
        java.nio.file.Files.writeString(baseline, java.nio.file.Files.readString(baseline)
                .replace("Tiny Host s.r.o.", "Tiny Host a.s."));
        RuleTestSuite rebased = RuleTests.load(List.of(tests), assessor.rules(), cache);
        assertThat(rebased.cases().get(0)).isSameAs(first.cases().get(0));
        assertThat(rebased.cases().get(2).profile()).contains("Tiny Host a.s.");

        // a broken save: every problem at once, as without a cache; the fix loads again
        String good = java.nio.file.Files.readString(staffing);
        java.nio.file.Files.writeString(staffing, good.replace("expect:", "expcet:"));
        assertThat(catchThrowableOfType(() -> RuleTests.load(List.of(tests), assessor.rules(), cache),
                RuleTestException.class).diagnostics()).isNotEmpty();
        java.nio.file.Files.writeString(staffing, good);
        assertThat(RuleTests.load(List.of(tests), assessor.rules(), cache).cases()).hasSize(3);
    }

    @Test
    void givenIsDeepMergedOverTheBaselineWithNullsRemovingFactsAndListsReplacing() {
        RuleTestCase patched = RuleTests.load(FIXTURES.resolve("valid/staffing.yaml")).cases().get(1);

        assertThat(patched.profile())
                .contains("staffCount: 3", "servicesOffered: 3", "name: \"Tiny Host s.r.o.\"")
                .doesNotContain("technicalStaffCount", "\"email\"")
                .contains("- \"phone\"\n  - \"chat\"");
        TestReport report = RuleTests.run(assessor, RuleTests.load(FIXTURES.resolve("valid")));
        assertThat(report.failures()).isEmpty();
        assertThat(report.results().get(2).gaps()).contains("company.technicalStaffCount");
    }

    @Test
    void unknownKeysAreErrorsAtTheirLineAndColumnWithTheClosestKey() {
        assertThat(problems("unknown-keys.yaml")).containsExactly(
                INVALID + "unknown-keys.yaml:2:1: unknown key 'case' in a test file; did you mean 'cases'?"
                        + " (keys: baseline, cases)",
                INVALID + "unknown-keys.yaml:6:5: unknown key 'expcet' in a case; did you mean 'expect'?"
                        + " (keys: name, today, given, profile, expect)",
                INVALID + "unknown-keys.yaml:10:7: unknown key 'fire' in 'expect'; did you mean 'fires'?"
                        + " (keys: fires, doesNotFire, rating, score, gaps, noGaps, recommendationTexts)",
                INVALID + "unknown-keys.yaml:11:15: unknown key 'minimum' in 'score'; use one of: min, max");
    }

    @Test
    void aRuleIdTheRuleBaseLacksIsAnErrorAtItsPosition() {
        RuleTestSuite suite = RuleTests.load(FIXTURES.resolve("invalid/unknown-rule.yaml"));

        assertThat(RuleTests.validate(suite, assessor.rules())).extracting(Diagnostic::render).containsExactly(
                INVALID + "unknown-rule.yaml:5:15: unknown rule 'STAF-001'; the rule base has no rule with this id;"
                        + " did you mean 'STAFF-001'?",
                INVALID + "unknown-rule.yaml:6:21: rule 'CORP-005' has no variant 'bankrupt'; its variants are"
                        + " CORP-005/distressed, CORP-005/weak",
                INVALID + "unknown-rule.yaml:6:40: rule 'STAFF-001' has no variants; write 'STAFF-001'");
        RuleTestException run = catchThrowableOfType(() -> RuleTests.run(assessor, suite), RuleTestException.class);
        assertThat(run.diagnostics()).hasSize(3);
    }

    @Test
    void recommendationTextVariantsAreGeneralOrAServiceKind() {
        assertThat(problems("recommendation-texts.yaml")).containsExactly(
                INVALID + "recommendation-texts.yaml:5:39: unknown text variant 'telephon' of recommendation 'fallback';"
                        + " use one of general, hosting, saas, telephony, network, msp, other; did you mean 'telephony'?",
                INVALID + "recommendation-texts.yaml:5:54: the text variant of recommendation 'sla' must be one of"
                        + " general, hosting, saas, telephony, network, msp, other, not a list",
                INVALID + "recommendation-texts.yaml:8:28: 'recommendationTexts' must map recommendation keys to general,"
                        + " hosting, saas, telephony, network, msp, other, e.g. {fallback: telephony}, not a list");
    }

    @Test
    void aMissingBaselineIsAnError() {
        assertThat(problems("missing-baseline.yaml")).containsExactly(INVALID + "missing-baseline.yaml:1:11:"
                + " baseline 'nowhere.yaml' not found (looked for " + INVALID + "nowhere.yaml); give a profile file's"
                + " path relative to this file");
    }

    @Test
    void aCaseNeedsANameAndAnExpectationAndWellFormedValues() {
        assertThat(problems("incomplete-cases.yaml")).containsExactly(
                INVALID + "incomplete-cases.yaml:3:5: case has no 'name'; say in a few words what it shows",
                INVALID + "incomplete-cases.yaml:8:5: case 'expects nothing' expects nothing; add at least one of"
                        + " fires, doesNotFire, rating, score, gaps, noGaps, recommendationTexts",
                INVALID + "incomplete-cases.yaml:9:5: case 'has no expect' has no 'expect'; add what must hold, e.g."
                        + " 'expect: {fires: [STAFF-001]}'",
                INVALID + "incomplete-cases.yaml:12:14: 'fires' must be a list of rule ids, e.g."
                        + " [STAFF-001, CORP-005/weak], not 'STAFF-001'",
                INVALID + "incomplete-cases.yaml:13:21: invalid rule id 'staff-1'; rule ids look like 'STAFF-001',"
                        + " or 'CORP-005/weak' for one variant; did you mean 'STAFF-001'?",
                INVALID + "incomplete-cases.yaml:14:15: unknown rating 'TERRIBLE'; use one of LOW, MEDIUM, HIGH, CRITICAL",
                INVALID + "incomplete-cases.yaml:15:20: score min 50 is above max 20",
                INVALID + "incomplete-cases.yaml:16:11: case name 'malformed values' is already used at line 10;"
                        + " give each case its own name",
                INVALID + "incomplete-cases.yaml:19:21: 'STAFF-001' is expected both to fire (line 18) and not to"
                        + " fire; keep one");
    }

    @Test
    void duplicateKeysOutOfRangeScoresAndAliasesAreErrorsAtTheirPlace() {
        assertThat(problems("duplicate-keys.yaml")).containsExactly(
                INVALID + "duplicate-keys.yaml:6:28: 'max' must be a score from 0 to 100, not '500'",
                INVALID + "duplicate-keys.yaml:7:5: duplicate key 'expect'; it is already set at line 4; keep one of them",
                INVALID + "duplicate-keys.yaml:12:5: case 'an alias' expects nothing; add at least one of fires,"
                        + " doesNotFire, rating, score, gaps, noGaps, recommendationTexts",
                INVALID + "duplicate-keys.yaml:12:21: YAML aliases such as '*patch' are not supported in a test file;"
                        + " write the values out in full");
    }

    @Test
    void syntaxErrorsAndProfilesInPlaceOfTestsAreErrors() {
        assertThat(problems("syntax-error.yaml")).singleElement().asString()
                .startsWith(INVALID + "syntax-error.yaml:5:1: invalid YAML: ");
        assertThat(problems("profile-not-test.yaml")).containsExactly(INVALID + "profile-not-test.yaml:1:1: this looks"
                + " like a vendor profile, not a test file; name it as the 'baseline' of a test file"
                + " (baseline: profile-not-test.yaml)");
    }

    @Test
    void aFolderWithErrorsReportsEveryFileInPathOrder() {
        RuleTestException e = catchThrowableOfType(() -> RuleTests.load(FIXTURES.resolve("invalid")),
                RuleTestException.class);

        assertThat(e.diagnostics()).extracting(Diagnostic::file).map(f -> Path.of(f).getFileName().toString())
                .containsSubsequence("incomplete-cases.yaml", "missing-baseline.yaml", "profile-not-test.yaml",
                        "syntax-error.yaml", "unknown-keys.yaml");
    }

    @Test
    void aFailingCaseSaysWhatWasExpectedAndWhatHappened() {
        TestReport report = RuleTests.run(assessor, RuleTests.load(FIXTURES.resolve("failing")));
        String file = FIXTURES.resolve("failing/failing.yaml").toString();

        assertThat(report.total()).isEqualTo(2);
        assertThat(report.passed()).isEqualTo(1);
        assertThat(report.failed()).isEqualTo(1);
        CaseResult wrong = report.results().get(1);
        assertThat(wrong.location()).isEqualTo(file + ":8");
        assertThat(wrong.passed()).isFalse();
        assertThat(wrong.fired()).containsExactly("GAP-001", "STAFF-001", "SUP-001", "SUP-002");
        assertThat(wrong.failures()).hasSize(5);
        assertThat(wrong.failures().get(0)).isEqualTo("expected STAFF-002 to fire; fired: [GAP-001, STAFF-001, SUP-001, SUP-002]");
        assertThat(wrong.failures().get(1)).isEqualTo("expected STAFF-001 not to fire; it fired on company.staffCount: 1");
        assertThat(wrong.failures().get(2)).startsWith("expected rating LOW; was " + Rating.CRITICAL + " (score ");
        assertThat(wrong.failures().get(3)).startsWith("expected score at most 10; was ");
        assertThat(wrong.failures().get(4)).startsWith("expected a GAP-001 gap for vendor.name; gaps: [company.financialHealth");
        assertThat(wrong.describe()).startsWith(file + ":8: case 'expects the wrong rules': expected STAFF-002 to fire;");
    }

    @Test
    void aBrokenTestFileReportsAllItsErrorsAtOnceEachAtItsLine() {
        RuleTestException e = catchThrowableOfType(() -> RuleTests.load(List.of(FIXTURES.resolve("invalid/bad-given.yaml")),
                assessor.rules()), RuleTestException.class);
        List<String> problems = e.diagnostics().stream().map(Diagnostic::render).toList();

        assertThat(problems).hasSize(3);
        assertThat(problems.get(0)).isEqualTo(INVALID + "bad-given.yaml:6:17: case 'patches a key the profile does not"
                + " have': unknown key 'staffCont' in 'company'; did you mean 'staffCount'?");
        assertThat(problems.get(1)).startsWith(INVALID + "bad-given.yaml:13:9: case 'a wrong type and a typo in a rule"
                + " id': ").contains("'many'");
        assertThat(problems.get(2)).isEqualTo(INVALID + "bad-given.yaml:15:15: unknown rule 'STAF-001'; the rule base"
                + " has no rule with this id; did you mean 'STAFF-001'?");
    }

    @Test
    void theCoverageOfAFolderCountsOnlyItsRules() {
        RuleTestSuite suite = RuleTests.load(FIXTURES.resolve("valid"));
        assertThat(RuleTests.run(assessor, suite, List.of(Path.of("../rules"))).rules()).contains("STAFF-001");
        assertThat(RuleTests.run(assessor, suite, List.of(FIXTURES)).rules()).isEmpty();
    }

    @Test
    void coverageCountsOnlyPassingCasesThatExpectARuleToFire() {
        TestReport report = RuleTests.run(assessor, RuleTests.load(FIXTURES.resolve("valid")));

        assertThat(report.rules()).contains("STAFF-001", "CORP-005/weak", "CORP-005/distressed", "CON-003/none",
                "CON-003/late", "GAP-001");
        assertThat(report.uncovered()).doesNotContain("STAFF-001", "SUP-001", "CORP-005/weak")
                .contains("CORP-005/distressed", "SUP-002", "GAP-001"); // SUP-002 and GAP-001 fired, but no case expects them
        assertThat(report.unrefuted()).doesNotContain("STAFF-001", "STAFF-002", "SUP-001", "CORP-005/distressed")
                .contains("CORP-005/weak", "STAFF-003");
        assertThat(report.covered()).isEqualTo(report.rules().size() - report.uncovered().size());
    }

    private static List<String> problems(String fixture) {
        RuleTestException e = catchThrowableOfType(() -> RuleTests.load(FIXTURES.resolve("invalid/" + fixture)),
                RuleTestException.class);
        assertThat(e).as("loading " + fixture + " fails").isNotNull();
        return e.diagnostics().stream().map(Diagnostic::render).toList();
    }
}
