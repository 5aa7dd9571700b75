package dev.vendorrisk.assessor.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vendorrisk.assessor.AssessorException;
import dev.vendorrisk.assessor.Rating;
import dev.vendorrisk.assessor.rules.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineIndexTest {
    @TempDir
    Path dir;

    private static final String REPORT = """
            {"schemaVersion": 1, "assessments": [
              {"file": "old/a.yaml", "vendor": {"id": "acme", "name": "Acme"}, "service": "PBX", "tier": "critical",
               "score": 60.0, "rating": "HIGH", "unknownKey": {"nested": [1, 2]},
               "findings": [
                 {"id": "STAFF-001", "title": "One person", "severity": "CRITICAL", "evidence": [], "waived": false},
                 {"id": "CORP-005", "title": "Weak finances", "severity": "MEDIUM", "evidence": [], "waived": false},
                 {"id": "GAP-001", "title": "Unknown", "severity": "INFO",
                  "evidence": [{"path": "company.staffCount", "value": null, "line": 0}], "waived": false},
                 {"id": "GAP-001", "title": "Unknown", "severity": "INFO",
                  "evidence": [{"path": "sla.offered", "value": null, "line": 0}], "waived": false},
                 {"id": "SUP-007", "title": "No status page", "severity": "LOW", "evidence": [], "waived": true}]},
              {"file": "old/b.yaml", "vendor": {"id": "beta", "name": "Beta"}, "service": "Mail", "score": 10,
               "rating": "LOW", "findings": [
                 {"id": "SUP-007", "title": "No status page", "severity": "LOW", "evidence": [], "waived": true}]}],
             "errors": [], "summary": {"runDate": "2026-05-01", "files": 2}}
            """;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static FindingRef ref(String id, Severity s, String gap) {
        return new FindingRef(id, s, id, gap, false);
    }

    @Test
    void findingsMatchByServiceIdVariantAndGapPathWhateverTheFile() throws IOException {
        BaselineIndex index = BaselineIndex.read(write("base.json", REPORT));
        assertThat(index.size()).isEqualTo(2);
        assertThat(index.runDate()).isEqualTo("2026-05-01");
        Snapshot now = new Snapshot("new/place/renamed.yaml", "acme", "Acme", "PBX", Rating.CRITICAL, 72.4, List.of(
                ref("STAFF-001", Severity.CRITICAL, null),
                ref("CORP-005", Severity.CRITICAL, null),          // weak -> distressed: another variant
                ref("GAP-001", Severity.INFO, "company.staffCount"),
                ref("GAP-001", Severity.INFO, "support.hours"),
                new FindingRef("SUP-007", Severity.LOW, "No status page", null, false))); // no longer waived: present
        ServiceChange c = index.compare(now, Set.of("STAFF-001", "CORP-005", "GAP-001", "SUP-007"));
        assertThat(c.added()).isFalse();
        assertThat(c.baselineFile()).isEqualTo("old/a.yaml");
        assertThat(c.changes()).containsExactly(Change.UNCHANGED, Change.NEW, Change.UNCHANGED, Change.NEW,
                Change.UNCHANGED);
        assertThat(c.resolved()).extracting(r -> r.finding().label()).containsExactly("CORP-005", "GAP-001 sla.offered");
        assertThat(c.move(Rating.CRITICAL, 72.4)).isEqualTo("HIGH -> CRITICAL, +12.4");
        assertThat(index.unseen()).extracting(BaselineIndex.Removed::label).containsExactly("beta / Mail");
    }

    @Test
    void aResolvedFindingWhoseRuleIsGoneSaysSo() throws IOException {
        BaselineIndex index = BaselineIndex.read(write("base.json", REPORT));
        ServiceChange c = index.compare(new Snapshot("b.yaml", "beta", "Beta", "Mail", Rating.LOW, 0, List.of()),
                Set.of("STAFF-001"));
        assertThat(c.resolved()).singleElement().satisfies(r ->
                assertThat(r.note()).isEqualTo("rule 'SUP-007' is no longer in the rule base"));
    }

    @Test
    void identicalFindingsOfDifferentServicesAreHeldOnce() throws IOException {
        List<Snapshot> read = new ArrayList<>();
        ReportReader.read(write("base.json", REPORT), read::add);
        assertThat(read.get(0).findings().get(4)).isSameAs(read.get(1).findings().get(0));
    }

    @Test
    void aServiceNotInTheBaselineIsAddedWithEveryFindingNew() throws IOException {
        BaselineIndex index = BaselineIndex.read(write("base.json", REPORT));
        ServiceChange c = index.compare(new Snapshot("c.yaml", "acme", "Acme", "Other", Rating.LOW, 5,
                List.of(ref("SUP-007", Severity.LOW, null))), null);
        assertThat(c.added()).isTrue();
        assertThat(c.changes()).containsExactly(Change.NEW);
        assertThat(c.move(Rating.LOW, 5)).isEqualTo("added");
    }

    @Test
    void whatIsNotACompleteReportOfThisToolIsAnErrorNamingTheFile() throws IOException {
        assertError(write("t.json", REPORT.substring(0, REPORT.length() / 2)), "the report ends early (truncated?)");
        assertError(write("v.json", REPORT.replace("\"schemaVersion\": 1", "\"schemaVersion\": 7")),
                "the report has schemaVersion 7; this vra reads schemaVersion 1");
        assertError(write("s.json", "{\"version\": \"2.1.0\", \"runs\": []}"), "not a JSON report of vra assess (it has"
                + " no 'schemaVersion')");
        assertError(write("y.json", "schemaVersion: 1\n"), "not valid JSON: Unrecognized token 'schemaVersion'");
        assertError(write("l.json", "[]"), "not a JSON report of vra assess (it does not start with a JSON object)");
        assertError(write("e.json", ""), "not a JSON report of vra assess");
        assertError(write("x.json", REPORT + "{}"), "there is more after the report's closing brace");
        assertError(write("r.json", REPORT.replace("\"rating\": \"HIGH\"", "\"rating\": \"SEVERE\"")),
                "unknown rating 'SEVERE'");
        assertError(dir.resolve("missing.json"), "no such file");
    }

    private static void assertError(Path file, String message) {
        assertThatThrownBy(() -> BaselineIndex.read(file)).isInstanceOf(AssessorException.class)
                .hasMessageStartingWith(file.toString() + ":").hasMessageContaining(message);
    }
}
