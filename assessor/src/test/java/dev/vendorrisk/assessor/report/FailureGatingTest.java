package dev.vendorrisk.assessor.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vendorrisk.assessor.TestRules;
import dev.vendorrisk.assessor.gate.Failure;
import dev.vendorrisk.assessor.gate.FailurePolicy;
import dev.vendorrisk.assessor.history.BaselineIndex;
import dev.vendorrisk.assessor.history.ServiceChange;
import dev.vendorrisk.assessor.history.Snapshot;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * One decision, every output: for each cause a run can fail on, the failure policy's verdict shows the
 * same in the JUnit report (a failure of that type per cause), in SARIF (error level exactly for what
 * fails; every result has a region) and on the summary line of text, markdown and JSON. The command
 * line's exit code and stderr lines are tested in the cli module (GatingCommandTest).
 */
class FailureGatingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    /** A policy that makes exactly {@code cause} fail on the samples (run date 2026-11-01: pbx is overdue). */
    static FailurePolicy policyFor(Failure.Cause cause) {
        return switch (cause) {
            case RATING -> FailurePolicy.parse("CRITICAL", null, null, false);
            case SCORE -> FailurePolicy.parse(null, 95.0, null, false);
            case SEVERITY -> FailurePolicy.parse("severity:CRITICAL", null, null, false);
            case PORTFOLIO -> FailurePolicy.parse("severity:MEDIUM", null, null, false);
            case NEW_FINDING -> FailurePolicy.parse(null, null, "HIGH", false);
            case OVERDUE -> FailurePolicy.parse(null, null, null, true);
        };
    }

    /** The samples judged by {@code policy}, compared with a baseline from which STAFF-001 of pbx is missing. */
    static Judged judge(FailurePolicy policy) throws IOException {
        ReportFixtures.Batch batch = ReportFixtures.portfolioBatch();
        Path baseline = baselineWithoutPbxStaffFinding(batch);
        BaselineIndex index = BaselineIndex.read(baseline);
        Set<String> ids = new java.util.HashSet<>();
        TestRules.assessor().rules().rules().forEach(m -> ids.add(m.id()));
        List<FileResult> judged = new ArrayList<>();
        List<Failure> all = new ArrayList<>();
        for (FileResult r : batch.results()) {
            if (!r.ok()) {
                judged.add(r.judged(null, List.of()));
                continue;
            }
            ServiceChange change = index.compare(Snapshot.of(r.assessment()), ids);
            List<Failure> failures = policy.judge(r.assessment(), change);
            all.addAll(failures);
            judged.add(r.judged(change, failures));
        }
        List<Failure> portfolio = policy.judge(batch.portfolio());
        all.addAll(portfolio);
        return new Judged(judged, batch, portfolio, all);
    }

    record Judged(List<FileResult> results, ReportFixtures.Batch batch, List<Failure> portfolio, List<Failure> all) {
        String render(Report report) throws IOException {
            StringWriter out = new StringWriter();
            Summary summary = new Summary();
            report.start(out);
            for (FileResult r : results) {
                summary.add(r);
                report.file(out, r);
            }
            summary.portfolio(batch.portfolio());
            summary.portfolioFailures(portfolio);
            summary.thresholds("--fail-on ...");
            report.finish(out, summary);
            return out.toString();
        }
    }

    /** The batch's JSON report with pbx-incident's STAFF-001 taken out, so that it is new in the run. */
    private static Path baselineWithoutPbxStaffFinding(ReportFixtures.Batch batch) throws IOException {
        String json = ReportFixtures.render(new JsonReport(), batch);
        JsonNode root = JSON.readTree(json);
        for (JsonNode a : root.get("assessments")) {
            if (a.get("file").asText().equals("samples/pbx-incident.yaml")) {
                com.fasterxml.jackson.databind.node.ArrayNode findings =
                        (com.fasterxml.jackson.databind.node.ArrayNode) a.get("findings");
                for (int i = 0; i < findings.size(); i++) {
                    if (findings.get(i).get("id").asText().equals("STAFF-001")) {
                        findings.remove(i);
                        break;
                    }
                }
            }
        }
        Path out = Files.createTempFile(dir, "baseline", ".json");
        JSON.writeValue(out.toFile(), root);
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Failure.Cause.class)
    void everyFormatShowsTheSameFailures(Failure.Cause cause) throws IOException {
        Judged j = judge(policyFor(cause));
        List<Failure> ofCause = j.all().stream().filter(f -> f.cause() == cause).toList();
        assertThat(ofCause).as("the policy for %s fails the samples", cause).isNotEmpty();

        // JUnit: one <failure> per cause, typed by the cause, with the same sentence as the stderr line
        String junit = j.render(new JunitReport());
        assertThat(count(junit, "<failure ")).isEqualTo(j.all().size());
        for (Failure f : j.all()) {
            assertThat(junit).contains("type=\"" + f.cause().wire() + "\"")
                    .contains("message=\"" + JunitReport.clean(f.text()).replace("&", "&amp;").replace("\"", "&quot;")
                            .replace("<", "&lt;").replace(">", "&gt;") + "\"");
        }

        // SARIF: error results exactly for what fails; every result has a region
        JsonNode sarif = JSON.readTree(j.render(new SarifReport(TestRules.assessor().rules(), null, null)));
        int errors = 0;
        for (JsonNode r : sarif.at("/runs/0/results")) {
            assertThat(r.at("/locations/0/physicalLocation/region/startLine").asInt()).as("region of %s", r)
                    .isPositive();
            if (r.get("level").asText().equals("error")) {
                errors++;
            }
        }
        int invalidResults = (int) j.results().stream().filter(r -> !r.ok()).mapToLong(r -> r.errors().size()).sum();
        assertThat(errors).isEqualTo(j.all().size() + invalidResults);

        // the summary line of every format says that the run fails and why
        String causes = j.all().size() + (j.all().size() == 1 ? " cause" : " causes");
        assertThat(j.render(new TextReport(false))).contains("; FAILS: " + causes);
        assertThat(j.render(new MarkdownReport())).contains("; FAILS: " + causes);
        JsonNode summary = JSON.readTree(j.render(new JsonReport())).get("summary");
        assertThat(summary.get("fails").asBoolean()).isTrue();
        assertThat(summary.get("failures").asInt()).isEqualTo(j.all().size());
    }

    @Test
    void aPolicyNothingReachesPassesInEveryFormat() throws IOException {
        Judged j = judge(FailurePolicy.parse(null, 100.0, null, false));
        assertThat(j.all()).isEmpty();
        assertThat(j.render(new JunitReport())).doesNotContain("<failure ");
        JsonNode sarif = JSON.readTree(j.render(new SarifReport(TestRules.assessor().rules(), null, null)));
        for (JsonNode r : sarif.at("/runs/0/results")) {
            assertThat(r.get("level").asText()).as("%s", r.get("ruleId"))
                    .isEqualTo(r.get("ruleId").asText().equals(SarifReport.INVALID_PROFILE) ? "error" : r.get("level").asText())
                    .isNotEqualTo(r.get("ruleId").asText().equals(SarifReport.INVALID_PROFILE) ? "" : "error");
        }
        assertThat(j.render(new TextReport(false))).contains("; passes (--fail-on ...)");
        assertThat(JSON.readTree(j.render(new JsonReport())).at("/summary/fails").asBoolean()).isFalse();
    }

    @Test
    void invalidProfilesAreSarifErrorResultsAtTheirLine() throws IOException {
        Judged j = judge(FailurePolicy.none());
        JsonNode sarif = JSON.readTree(j.render(new SarifReport(TestRules.assessor().rules(), null, null)));
        List<JsonNode> invalid = new ArrayList<>();
        sarif.at("/runs/0/results").forEach(r -> {
            if (r.get("ruleId").asText().equals(SarifReport.INVALID_PROFILE)) {
                invalid.add(r);
            }
        });
        assertThat(invalid).isNotEmpty().allSatisfy(r -> assertThat(r.get("level").asText()).isEqualTo("error"));
        assertThat(invalid).anySatisfy(r -> {
            assertThat(r.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
                    .isEqualTo("examples/invalid/typos-and-types.yaml");
            assertThat(r.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(10);
            assertThat(r.at("/message/text").asText()).contains("unknown key 'suport'");
        });
    }

    @Test
    void sarifMarksEachFindingNewOrUnchangedAgainstTheBaseline() throws IOException {
        Judged j = judge(FailurePolicy.none());
        JsonNode sarif = JSON.readTree(j.render(new SarifReport(TestRules.assessor().rules(), null, null)));
        List<String> pbxStaff = new ArrayList<>();
        int unchanged = 0;
        for (JsonNode r : sarif.at("/runs/0/results")) {
            String uri = r.at("/locations/0/physicalLocation/artifactLocation/uri").asText();
            if (r.has("baselineState") && r.get("baselineState").asText().equals("unchanged")) {
                unchanged++;
            }
            if (uri.equals("samples/pbx-incident.yaml") && r.get("ruleId").asText().equals("STAFF-001")) {
                pbxStaff.add(r.get("baselineState").asText());
            }
        }
        assertThat(pbxStaff).containsExactly("new");
        assertThat(unchanged).isPositive();
    }

    private static int count(String text, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
