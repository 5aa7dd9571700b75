package dev.vendorrisk.assessor.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vendorrisk.assessor.Diagnostic;
import dev.vendorrisk.assessor.RuleBaseException;
import dev.vendorrisk.assessor.TestRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The common ways to break a rule file or a scoring file, each giving exactly one precise
 * diagnostic at the user's file and line, and every problem of every file reported in one pass.
 */
class RuleSetTest {
    private static final String HEADER = """
            package mine;
            import dev.vendorrisk.assessor.profile.*;
            import dev.vendorrisk.assessor.rules.*;
            import static dev.vendorrisk.assessor.rules.Emit.*;
            """;

    @TempDir
    Path dir;

    /** A file with one finding rule (its rule line is 5, conditions on 8, action on 10). */
    private String rule(String id, String meta, String when, String then) {
        return HEADER + "rule \"" + id + " rule\"\n"
                + "    @id(\"" + id + "\") @title(\"t\") @severity(\"LOW\") " + meta + "\n"
                + "    @recommendation(\"sla\") @backing(\"b\")\n"
                + "when\n"
                + "    " + when + "\n"
                + "then\n"
                + "    " + then + "\n"
                + "end\n";
    }

    private String good(String id) {
        return rule(id, "@weight(5)", "Company(staffCount == 1)", "insert(hit(kcontext, ev(\"company.staffCount\", 1)));");
    }

    private List<String> problems(String... fileAndContent) throws IOException {
        for (int i = 0; i < fileAndContent.length; i += 2) {
            Files.writeString(dir.resolve(fileAndContent[i]), fileAndContent[i + 1]);
        }
        RuleSet.Check check = RuleSet.read(List.of(dir), null).check();
        return check.errors().stream().map(Diagnostic::render).map(s -> s.replace(dir + "/", "")).toList();
    }

    @Test
    void missingThen() throws IOException {
        assertThat(problems("a.drl", good("T-001").replace("then\n", ""))).containsExactly(
                "a.drl:11:1: missing 'then' in rule 'T-001 rule'; a rule reads: rule \"name\" when <conditions> then <actions> end");
    }

    @Test
    void unbalancedParenthesisPointsAtTheConditionNotAtThen() throws IOException {
        assertThat(problems("a.drl", good("T-001").replace("Company(staffCount", "Company((staffCount"))).containsExactly(
                "a.drl:9: missing ')' in rule 'T-001 rule'; close every '(' of the condition on this line");
    }

    @Test
    void aMissingEndIsOneProblemAtTheNextRule() throws IOException {
        String two = good("T-001").replaceFirst("\nend\n$", "\n") + good("T-002").replace(HEADER, "");
        assertThat(problems("a.drl", two)).containsExactly(
                "a.drl:12: missing 'end' in rule 'T-001 rule'; end the rule before this line");
    }

    @Test
    void theParserIsBelievedOncePerRule() throws IOException {
        assertThat(problems("a.drl", good("T-001").replace("\"T-001 rule\"", "\"T-001 rule"))).singleElement()
                .asString().startsWith("a.drl:6:");
        assertThat(problems("a.drl", good("T-001").replace("Company(staffCount == 1)", "Company(staffCount == 1) and")))
                .hasSize(1);
    }

    @Test
    void anUnclosedAnnotationPointsAtItsLine() throws IOException {
        assertThat(problems("a.drl", good("T-001").replace("@weight(5)", "@weight(5"))).containsExactly(
                "a.drl:6: missing ')' in rule 'T-001 rule'; close every '(' of the metadata on this line");
    }

    @Test
    void aJavaSyntaxErrorInTheActionIsOneProblemAtItsLine() throws IOException {
        assertThat(problems("a.drl", good("T-001").replace("1)));", "1)))"))).singleElement().asString()
                .startsWith("a.drl:11: syntax error in the action: ")
                .endsWith("; check its parentheses and the ';' at the end of each statement");
    }

    @Test
    void aJavaTypeErrorInAOneLineActionPointsAtThatLine() throws IOException {
        // local variables are beyond the safe rule language: only trusted rules get this far
        Files.writeString(dir.resolve("a.drl"), good("T-001").replace("insert(", "int x = \"a\"; insert("));
        assertThat(RuleSet.read(List.of(dir), null).check(true).errors()).extracting(d -> d.render()
                .replace(dir + "/", "")).containsExactly(
                "a.drl:11: in the action: Type mismatch: cannot convert from String to int");
    }

    @Test
    void tripleEquals() throws IOException {
        assertThat(problems("a.drl", good("T-001").replace("==", "==="))).containsExactly(
                "a.drl:9:24: invalid operator '===' in rule 'T-001 rule'; compare with '=='");
    }

    @Test
    void unknownFactType() throws IOException {
        assertThat(problems("a.drl", good("T-001").replace("Company(", "Compny("))).containsExactly(
                "a.drl:9:5: unknown fact type 'Compny'; did you mean 'Company'?");
    }

    @Test
    void anUnknownFactTypeIsOneProblemEvenWhenTheActionUsesItsBinding() throws IOException {
        String rule = rule("T-001", "@weight(5)", "Compny(staffCount == 1, $n : staffCount)",
                "insert(hit(kcontext, ev(\"company.staffCount\", $n)));");
        assertThat(problems("a.drl", rule)).containsExactly("a.drl:9:5: unknown fact type 'Compny'; did you mean 'Company'?");
        String multiLine = rule("T-001", "@weight(5)", "Compny(staffCount == 1,\n        $n : staffCount)",
                "insert(hit(kcontext, ev(\"company.staffCount\", $n)));");
        assertThat(problems("a.drl", multiLine)).containsExactly(
                "a.drl:9:5: unknown fact type 'Compny'; did you mean 'Company'?");
    }

    @Test
    void aVariableBoundOnlyInsideNotIsStillReportedInTheAction() throws IOException {
        String rule = rule("T-001", "@weight(5)", "not Company($n : staffCount)",
                "insert(hit(kcontext, ev(\"company.staffCount\", $n)));");
        assertThat(problems("a.drl", rule)).singleElement().asString().contains("'$n' is not defined in the action");
    }

    @Test
    void aBindingToAnUnknownProperty() throws IOException {
        assertThat(problems("a.drl", rule("T-001", "@weight(5)", "Company(staffCount == 1, $n : staffCont)",
                "insert(hit(kcontext, ev(\"company.staffCount\", $n)));"))).containsExactly(
                "a.drl:9:35: unknown property 'staffCont' of Company; did you mean 'staffCount'?");
    }

    @Test
    void anUnknownMethodOfAValueInTheAction() throws IOException {
        assertThat(problems("a.drl", rule("T-001", "@weight(5)", "Company(staffCount == 1, $n : staffCount)",
                "insert(hit(kcontext, ev(\"company.staffCount\", $n.foo())));"))).containsExactly(
                "a.drl:11:54: unknown method 'foo()' of Integer in the action");
    }

    @Test
    void unknownProperty() throws IOException {
        assertThat(problems("a.drl", good("T-001").replace("staffCount ==", "staffCont =="))).containsExactly(
                "a.drl:9:13: unknown property 'staffCont' of Company; did you mean 'staffCount'?");
    }

    @Test
    void unboundVariableInTheAction() throws IOException {
        assertThat(problems("a.drl", good("T-001").replace("ev(\"company.staffCount\", 1)", "ev(\"x\", $undefined)")))
                .containsExactly("a.drl:11:34: '$undefined' is not defined in the action; bind it in the conditions"
                        + " first, e.g. Company($undefined : staffCount)");
    }

    @Test
    void misspeltFunctionInTheAction() throws IOException {
        assertThat(problems("a.drl", good("T-001").replace("hit(", "hitt("))).containsExactly(
                "a.drl:11:12: unknown function 'hitt(RuleContext, Evidence)' in the action; did you mean 'hit'?");
    }

    @Test
    void metadataProblemsOfAllFilesComeTogetherWithCompileErrors() throws IOException {
        List<String> problems = problems(
                "a.drl", rule("T-001", "", "Company(staffCount == 1)", "insert(hit(kcontext, ev(\"x\", 1)));"),
                "b.drl", rule("T-002", "@weight(500)", "Company(staffCount == 2)", "insert(hit(kcontext, ev(\"x\", 2)));")
                        .replace("\"LOW\"", "\"SEVERE\"").replace("\"sla\"", "\"no-such-text\""),
                "c.drl", good("T-003").replace("Company(", "Compny("));
        assertThat(problems).containsExactly(
                "a.drl:5: rule 'T-001' has no @weight; add @weight(1..100) after the rule name",
                "b.drl:6: rule 'T-002' has unknown severity 'SEVERE'; use one of INFO, LOW, MEDIUM, HIGH, CRITICAL",
                "b.drl:6: rule 'T-002' has weight '500'; a weight is a whole number from 1 to 100",
                "b.drl:7: rule 'T-002' names recommendation 'no-such-text', which has no text; add it under"
                        + " 'recommendations' in scoring.yaml",
                "c.drl:9:5: unknown fact type 'Compny'; did you mean 'Company'?");
    }

    @Test
    void duplicateIdsInOneFolder() throws IOException {
        assertThat(problems("a.drl", good("T-001"), "b.drl", good("T-001").replace("T-001 rule", "another rule")
                .replace("package mine;", "package mine2;")))
                .containsExactly("b.drl:5: rule 'another rule' has id 'T-001', already used by rule 'T-001 rule' at"
                        + " a.drl:5; give each rule its own id, or a distinct @variant");
    }

    @Test
    void unknownLimitIsFoundInTheText() throws IOException {
        assertThat(problems("a.drl", good("T-001").replace("Company(staffCount == 1)",
                "$c : Context()\n    Company(staffCount > $c.limit(\"servicesPerStaf\"))")
                .replace("then\n", "then\n"))).containsExactly(
                "a.drl:10:36: unknown limit 'servicesPerStaf'; did you mean 'servicesPerStaff'?");
    }

    @Test
    void badScoringFileReportsEveryProblemAtItsKey() throws IOException {
        List<String> problems = problems("a.drl", good("T-001"), "scoring.yaml", """
                tierFactor: {critical: 2}
                gapCap: lots
                tierFactors: {critcal: 2}
                limits:
                  servicesPerStaff: [5]
                maxFirings:
                """);
        assertThat(problems).containsExactly(
                "scoring.yaml:1:1: unknown key 'tierFactor'; did you mean 'tierFactors'?",
                "scoring.yaml:2:1: 'gapCap' must be a number, not 'lots'",
                "scoring.yaml:3:15: unknown key 'critcal' in 'tierFactors'; did you mean 'critical'?",
                "scoring.yaml:5:3: 'limits.servicesPerStaff' must be a number or a mapping of numbers, not a list",
                "scoring.yaml:6:1: 'maxFirings' has no value; give one, or remove the key");
    }

    @Test
    void scoringValuesOutOfRangeAreReportedAtTheirKey() throws IOException {
        assertThat(problems("a.drl", good("T-001"), "scoring.yaml", "gapCap: 130\nweights: {T-001: 0}\n")).containsExactly(
                "scoring.yaml:1:1: gapCap must be between 0 and 100",
                "scoring.yaml:2:11: weights.T-001 must be between 1 and 100");
    }

    @Test
    void textsByKindAreCheckedStrictly() throws IOException {
        assertThat(problems("a.drl", good("T-001"), "scoring.yaml", """
                recommendationsByKind:
                  sla:
                    hostin: Get one for the server.
                    saas: [no]
                """)).containsExactly(
                "scoring.yaml:3:5: unknown key 'hostin' in 'recommendationsByKind.sla'; did you mean 'hosting'?",
                "scoring.yaml:4:5: 'recommendationsByKind.sla.saas' must be text, not a list");
        assertThat(problems("a.drl", good("T-001"), "scoring.yaml", """
                recommendationsByKind:
                  fallbak:
                    telephony: Divert the numbers.
                """)).containsExactly(
                "scoring.yaml:2:3: recommendationsByKind.fallbak has no general text; add recommendations.fallbak"
                        + " (the text for the other kinds of service); did you mean 'fallback'?");
    }

    @Test
    void unusedRecommendationTextIsAWarning() throws IOException {
        Files.writeString(dir.resolve("a.drl"), good("T-001"));
        Files.writeString(dir.resolve("scoring.yaml"), "recommendations:\n  sla: Get one.\n  orphan: Nobody uses me.\n");
        RuleSet.Check check = RuleSet.read(List.of(dir), null).check();
        assertThat(check.errors()).isEmpty();
        assertThat(check.warnings()).extracting(Diagnostic::render).containsExactly(dir + "/scoring.yaml:3:3:"
                + " recommendation 'orphan' is used by no rule; remove it, or name it in a rule's @recommendation");
        assertThat(check.rules()).isEqualTo(1);
    }

    @Test
    void aFileThatDoesNotParseMakesNoTextLookUnused() throws IOException {
        Files.writeString(dir.resolve("a.drl"), good("T-001").replace("Company(staffCount == 1)", "Company(staffCount == 1"));
        Files.writeString(dir.resolve("scoring.yaml"), "recommendations:\n  sla: Get one.\n");
        RuleSet.Check check = RuleSet.read(List.of(dir), null).check();
        assertThat(check.errors()).extracting(Diagnostic::render).singleElement().asString()
                .contains("missing ')'");
        assertThat(check.warnings()).as("'sla' is used by the rule that did not parse").isEmpty();
    }

    @Test
    void theProjectRulesAreClean() {
        RuleSet.Check check = RuleSet.read(List.of(TestRules.ROOT.resolve("rules")), null).check();
        assertThat(check.errors()).isEmpty();
        assertThat(check.warnings()).isEmpty();
        assertThat(check.rules()).isGreaterThanOrEqualTo(47);
    }

    @Test
    void buildFailsWithTheSameProblems() throws IOException {
        Files.writeString(dir.resolve("a.drl"), good("T-001").replace("Company(", "Compny("));
        assertThatThrownBy(() -> RuleSet.read(List.of(dir), null).build(Set.of(), null))
                .isInstanceOf(RuleBaseException.class)
                .hasMessage(dir + "/a.drl:9:5: unknown fact type 'Compny'; did you mean 'Company'?");
    }

    @Test
    void thenMisspeltIsNamed() throws IOException {
        assertThat(problems("a.drl", good("T-001").replace("then\n", "thne\n"))).containsExactly(
                "a.drl:10:1: misspelt keyword 'thne' in rule 'T-001 rule'; did you mean 'then'?");
    }

    @Test
    void endMisspeltIsNamed() throws IOException {
        assertThat(problems("a.drl", good("T-001").replaceFirst("\nend\n$", "\nedn\n"))).containsExactly(
                "a.drl:12:1: misspelt keyword 'edn' in rule 'T-001 rule'; did you mean 'end'?");
    }

    @Test
    void aMissingEndAtTheEndOfTheFileIsNamed() throws IOException {
        assertThat(problems("a.drl", good("T-001").replaceFirst("\nend\n$", "\n"))).containsExactly(
                "a.drl:12: missing 'end' in rule 'T-001 rule'; end the rule before this line");
    }

    @Test
    void assignmentForComparisonIsNamed() throws IOException {
        assertThat(problems("a.drl", good("T-001").replace("staffCount == 1", "staffCount = 1"))).containsExactly(
                "a.drl:9:24: assignment '=' in a condition in rule 'T-001 rule'; compare with '=='");
        assertThat(problems("a.drl", good("T-001").replace("staffCount == 1", "staffCount >= 1, name = \"x\"")))
                .containsExactly("a.drl:9:35: assignment '=' in a condition in rule 'T-001 rule'; compare with '=='");
    }

    @Test
    void aMissingParenthesisInAConditionIsNamed() throws IOException {
        assertThat(problems("a.drl", good("T-001").replace("== 1)", "== 1"))).containsExactly(
                "a.drl:9: missing ')' in rule 'T-001 rule'; close every '(' of the condition on this line");
    }

    @Test
    void aMissingParenthesisInTheActionIsNamed() throws IOException {
        assertThat(problems("a.drl", good("T-001").replace("1)));", "1));"))).containsExactly(
                "a.drl:11: missing ')' in the action; close every '(' on this line");
    }

    @Test
    void aPatternOnATypeNeverInsertedIsAWarning() throws IOException {
        Files.writeString(dir.resolve("a.drl"), rule("T-001", "@weight(5)", "Vendor(country != null)",
                "insert(hit(kcontext, ev(\"vendor.country\", 1)));"));
        RuleSet.Check check = RuleSet.read(List.of(dir), null).check();
        assertThat(check.errors()).isEmpty();
        assertThat(check.warnings()).extracting(Diagnostic::render).containsExactly(dir + "/a.drl:9:5: rule 'T-001'"
                + " matches Vendor, which is never inserted into the session, so the rule can never fire; reach it"
                + " through VendorProfile.vendor, e.g. VendorProfile(vendor.country != null)");
    }

    @Test
    void factsRulesInsertAndSupertypesOfFactsCanBeMatched() throws IOException {
        Files.writeString(dir.resolve("a.drl"), HEADER + """
                declare Solo
                    count : Integer
                end
                declare Lonely
                    count : Integer
                end
                rule "a one-person company"
                when
                    Company(staffCount == 1, $n : staffCount)
                then
                    insert(new Solo($n));
                end
                """ + rule("T-001", "@weight(5)", "Solo() and Object() and not Lonely()",
                "insert(hit(kcontext, ev(\"company.staffCount\", 1)));").replace(HEADER, ""));
        // declared types are beyond the safe rule language: only trusted rules may have them
        assertThat(RuleSet.read(List.of(dir), null).check().errors()).extracting(Diagnostic::render)
                .anySatisfy(e -> assertThat(e).contains("a declared type ('Solo') is not allowed in a rule"));
        RuleSet.Check check = RuleSet.read(List.of(dir), null).check(true);
        assertThat(check.errors()).isEmpty();
        assertThat(check.warnings()).extracting(Diagnostic::render).filteredOn(w -> !w.contains("needs --trust-rules"))
                .singleElement().asString()
                .contains("rule 'T-001' matches Lonely, which is never inserted into the session")
                .endsWith("; match one of the fact types listed in docs/rules-facts.md, or insert Lonely facts from"
                        + " a rule's action");
    }
}
