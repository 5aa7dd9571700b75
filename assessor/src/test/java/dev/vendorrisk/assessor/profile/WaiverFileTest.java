package dev.vendorrisk.assessor.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vendorrisk.assessor.Diagnostic;
import dev.vendorrisk.assessor.InvalidProfileException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class WaiverFileTest {
    private final ProfileReader reader = new ProfileReader();

    private WaiverFile read(String yaml) {
        return reader.readWaivers("waivers.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }

    private List<String> problems(String yaml) {
        try {
            read(yaml);
        } catch (InvalidProfileException e) {
            return e.diagnostics().stream().map(Diagnostic::render).toList();
        }
        throw new AssertionError("expected the waivers file to be refused");
    }

    @Test
    void aListOfCompleteWaiversIsReadWithTheirPositions() {
        WaiverFile file = read("""
                # accepted risks of the whole portfolio
                - vendor: pbx-hosting-example
                  rule: CORP-001
                  justification: support re-verified by a test call
                  owner: it-operations
                  expires: 2018-08-31
                - {vendor: cloudcrm-global, rule: SEC-001, justification: audited, owner: ciso, expires: 2027-01-31}
                """);
        assertThat(file.waivers()).containsExactly(
                new Waiver("pbx-hosting-example", "CORP-001", "support re-verified by a test call", "it-operations",
                        LocalDate.of(2018, 8, 31)),
                new Waiver("cloudcrm-global", "SEC-001", "audited", "ciso", LocalDate.of(2027, 1, 31)));
        assertThat(file.positions()).extracting(SourcePosition::line).containsExactly(2, 7);
    }

    @Test
    void aKeyGivenTwiceAndAnAliasAreErrorsAtTheirPlace() {
        assertThat(problems("""
                - vendor: pbx-hosting-example
                  rule: CORP-001
                  rule: CORP-002
                  justification: &why support re-verified
                  owner: it-operations
                  expires: 2018-08-31
                - {vendor: a, rule: SEC-001, justification: *why, owner: ciso, expires: 2027-01-31}
                """)).anySatisfy(p -> assertThat(p).startsWith("waivers.yaml:3:3: duplicate key 'rule'"))
                .anySatisfy(p -> assertThat(p).startsWith("waivers.yaml:7:"));
    }

    @Test
    void everyProblemIsReportedAtItsLineAndColumn() {
        assertThat(problems("""
                - vendor: pbx-hosting-example
                  rule: CORP-001
                  justifcation: typo
                  owner: it-operations
                  expires: 2018-31-08
                - rule: corp-1
                  justification: x
                  owner: y
                  expires: 2019-01-01
                """)).containsExactly(
                "waivers.yaml:1:3: waiver is missing 'justification'; every waiver in a waivers file needs vendor, rule,"
                        + " justification, owner and expires",
                "waivers.yaml:3:3: unknown key 'justifcation' in '[0]'; did you mean 'justification'?",
                "waivers.yaml:5:12: '2018-31-08' is not a calendar date for '[0].expires'; check the month and day",
                "waivers.yaml:6:3: waiver is missing 'vendor'; every waiver in a waivers file needs vendor, rule,"
                        + " justification, owner and expires",
                "waivers.yaml:6:9: invalid rule id 'corp-1'; rule ids look like 'CORP-001'");
    }

    @Test
    void aFileThatIsNotAListSaysWhatItShouldBe() {
        assertThat(problems("vendor: x\nrule: CORP-001\n")).singleElement().asString()
                .startsWith("waivers.yaml:1:1: a waivers file must be a list of waivers");
        assertThat(problems("")).singleElement().asString().startsWith("waivers.yaml: empty waivers file");
        assertThat(problems("- vendor: [unclosed\n")).anyMatch(p -> p.contains("invalid YAML"));
    }

    @Test
    void aMissingFileCannotBeRead() {
        assertThatThrownBy(() -> reader.readWaivers(Path.of("does-not-exist.yaml")))
                .isInstanceOf(InvalidProfileException.class)
                .hasMessage("does-not-exist.yaml: cannot read: no such file");
    }
}
