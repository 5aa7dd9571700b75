package dev.vendorrisk.assessor.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.vendorrisk.assessor.TestRules;
import dev.vendorrisk.assessor.rules.RuleMeta;
import dev.vendorrisk.assessor.rules.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SarifReportTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        try (InputStream in = SarifReportTest.class.getResourceAsStream("/schemas/sarif-schema-2.1.0.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
    }

    private static SarifReport report() {
        return new SarifReport(TestRules.assessor().rules(), "0.1.0-test", "https://example.org/vra");
    }

    private static JsonNode sarifOf(List<FileResult> results) throws IOException {
        return JSON.readTree(ReportFixtures.render(report(), results));
    }

    @Test
    void theSamplesGiveSarifTheOfficialSchemaAccepts() throws IOException {
        JsonNode sarif = sarifOf(ReportFixtures.samples());
        Set<ValidationMessage> problems = schema.validate(sarif);
        assertThat(problems).as("SARIF schema violations").isEmpty();
        assertThat(sarif.path("version").asText()).isEqualTo("2.1.0");
        assertThat(sarif.path("runs")).hasSize(1);
    }

    @Test
    void hostileTextStillValidates() throws IOException {
        JsonNode sarif = sarifOf(List.of(ReportFixtures.hostile()));
        assertThat(schema.validate(sarif)).isEmpty();
        assertThat(sarif.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("samples/odd%20dir/%C3%A9vil%2C%20%22name%22.yaml");
    }

    @Test
    void theSchemaCheckCanFail() {
        JsonNode broken = JSON.createObjectNode().put("version", "2.1.0").put("runs", "none");
        assertThat(schema.validate(broken)).isNotEmpty();
    }

    @Test
    void theDriverListsTheCatalogueOncePerId() throws IOException {
        JsonNode driver = sarifOf(List.of()).at("/runs/0/tool/driver");
        List<RuleMeta> catalogue = TestRules.assessor().rules().rules();
        Set<String> ids = catalogue.stream().map(RuleMeta::id).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        assertThat(driver.path("name").asText()).isEqualTo("vra");
        assertThat(driver.path("version").asText()).isEqualTo("0.1.0-test");
        assertThat(driver.path("informationUri").asText()).isEqualTo("https://example.org/vra");
        List<String> listed = new ArrayList<>();
        driver.path("rules").forEach(r -> listed.add(r.path("id").asText()));
        List<String> expected = new ArrayList<>(ids);
        expected.addAll(List.of(SarifReport.INVALID_PROFILE, SarifReport.FAIL_PREFIX + "rating",
                SarifReport.FAIL_PREFIX + "score", SarifReport.FAIL_PREFIX + "overdue"));
        assertThat(listed).containsExactlyElementsOf(expected);

        RuleMeta staff = catalogue.stream().filter(m -> m.id().equals("STAFF-001")).findFirst().orElseThrow();
        JsonNode rule = driver.path("rules").get(listed.indexOf("STAFF-001"));
        assertThat(rule.at("/shortDescription/text").asText()).isEqualTo(staff.title());
        assertThat(rule.at("/help/text").asText())
                .isEqualTo(TestRules.assessor().rules().policy().recommendations().get(staff.recommendation()));
        assertThat(rule.at("/properties/severity").asText()).isEqualTo("CRITICAL");
        assertThat(rule.at("/properties/weight").asInt()).isEqualTo(staff.weight());
        assertThat(rule.at("/properties/area").asText()).isEqualTo(staff.area());
        assertThat(rule.at("/properties/backing").asText()).isEqualTo(staff.backing());
        assertThat(rule.at("/properties/tags").toString()).contains(staff.area());
        assertThat(rule.at("/defaultConfiguration/level").asText()).isEqualTo("error");
    }

    @Test
    void everyFindingIsAResultAtItsFileAndEvidenceLine() throws IOException {
        FileResult pbx = ReportFixtures.sample("pbx-incident.yaml");
        JsonNode results = sarifOf(List.of(pbx)).at("/runs/0/results");
        assertThat(results).hasSize(pbx.assessment().findings().size());
        JsonNode staff = find(results, "STAFF-001");
        assertThat(staff.path("level").asText()).isEqualTo("error");
        assertThat(staff.at("/message/text").asText()).isNotBlank();
        assertThat(staff.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("samples/pbx-incident.yaml");
        int line = pbx.assessment().findings().stream().filter(f -> f.id().equals("STAFF-001")).findFirst()
                .orElseThrow().line();
        assertThat(line).isPositive();
        assertThat(staff.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(line);
        assertThat(staff.at("/properties/contribution").isNumber()).isTrue();
        assertThat(staff.has("suppressions")).isFalse();
        assertThat(results.get(0).path("ruleIndex").isInt()).isTrue();
    }

    @Test
    void aFindingWithoutALineIsAtTheFilesFirstLine() throws IOException {
        JsonNode results = sarifOf(List.of(ReportFixtures.sample("many-unknowns.yaml"))).at("/runs/0/results");
        JsonNode gap = find(results, "GAP-001");
        assertThat(gap.path("level").asText()).isEqualTo("note");
        for (JsonNode r : results) { // code-scanning views need a region on every result
            assertThat(r.at("/locations/0/physicalLocation/region/startLine").asInt()).isPositive();
        }
        List<JsonNode> gaps = new ArrayList<>();
        results.forEach(r -> {
            if (r.path("ruleId").asText().equals("GAP-001")) {
                gaps.add(r);
            }
        });
        assertThat(gaps).as("a gap without a line is at the file's first line")
                .anySatisfy(r -> assertThat(r.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(1));
    }

    @Test
    void aWaivedFindingIsASuppressedResult() throws IOException {
        JsonNode results = sarifOf(List.of(ReportFixtures.sample("fresh-spinoff.yaml"))).at("/runs/0/results");
        JsonNode waived = find(results, "SEC-002");
        assertThat(waived.at("/suppressions/0/kind").asText()).isEqualTo("external");
        assertThat(waived.at("/suppressions/0/justification").asText()).contains("subcontractor list received");
    }

    @Test
    void invalidFilesAreErrorNotificationsWithTheirPositions() throws IOException {
        FileResult invalid = ReportFixtures.invalidExample();
        JsonNode invocation = sarifOf(List.of(invalid)).at("/runs/0/invocations/0");
        assertThat(invocation.path("executionSuccessful").asBoolean(true)).isFalse();
        JsonNode notes = invocation.path("toolExecutionNotifications");
        assertThat(notes).hasSize(invalid.errors().size());
        JsonNode first = notes.get(0);
        assertThat(first.path("level").asText()).isEqualTo("error");
        assertThat(first.at("/message/text").asText()).isEqualTo(invalid.errors().get(0).message());
        assertThat(first.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("examples/invalid/typos-and-types.yaml");
        assertThat(first.at("/locations/0/physicalLocation/region/startLine").asInt())
                .isEqualTo(invalid.errors().get(0).line());
    }

    @Test
    void severitiesMapToLevels() {
        assertThat(SarifReport.level(Severity.CRITICAL).value()).isEqualTo("error");
        assertThat(SarifReport.level(Severity.HIGH).value()).isEqualTo("error");
        assertThat(SarifReport.level(Severity.MEDIUM).value()).isEqualTo("warning");
        assertThat(SarifReport.level(Severity.LOW).value()).isEqualTo("warning");
        assertThat(SarifReport.level(Severity.INFO).value()).isEqualTo("note");
    }

    @Test
    void filesBecomeUriReferences() {
        assertThat(SarifReport.uri("samples/a.yaml")).isEqualTo("samples/a.yaml");
        assertThat(SarifReport.uri("samples\\sub\\a b.yaml")).isEqualTo("samples/sub/a%20b.yaml");
        assertThat(SarifReport.uri("/home/me/a.yaml")).isEqualTo("file:///home/me/a.yaml");
        assertThat(SarifReport.uri("C:\\profiles\\a.yaml")).isEqualTo("file:///C:/profiles/a.yaml");
        assertThat(SarifReport.uri("<stdin>")).isEqualTo("%3Cstdin%3E");
    }

    @Test
    void aBatchRunsPortfolioStillValidatesAndItsFindingsAreResultsOfThePortRules() throws IOException {
        ReportFixtures.Batch batch = ReportFixtures.portfolioBatch();
        JsonNode sarif = JSON.readTree(ReportFixtures.render(report(), batch));
        assertThat(schema.validate(sarif)).as("SARIF schema violations").isEmpty();
        JsonNode results = sarif.at("/runs/0/results");
        JsonNode rules = sarif.at("/runs/0/tool/driver/rules");
        List<JsonNode> portfolio = new ArrayList<>();
        results.forEach(r -> {
            if (r.path("ruleId").asText().startsWith("PORT-")) {
                portfolio.add(r);
            }
        });
        assertThat(portfolio).hasSize(batch.portfolio().findings().size());
        assertThat(results.get(results.size() - 1).path("ruleId").asText()).startsWith("PORT-");
        for (JsonNode r : portfolio) {
            assertThat(rules.get(r.path("ruleIndex").asInt()).path("id").asText()).isEqualTo(r.path("ruleId").asText());
            assertThat(r.at("/properties/scope").asText()).isEqualTo("portfolio");
            assertThat(r.at("/properties").has("contribution")).isFalse();
            assertThat(r.at("/locations/0/logicalLocations/0/kind").asText()).isEqualTo("vendor");
            assertThat(r.at("/locations/0/physicalLocation/region/startLine").asInt()).as("the file's first line")
                    .isEqualTo(1);
        }

        JsonNode port001 = find(results, "PORT-001");
        assertThat(port001.path("level").asText()).isEqualTo("error");
        assertThat(port001.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("generated/pbx-backup-line.yaml");
        assertThat(port001.at("/relatedLocations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("samples/pbx-incident.yaml");
        assertThat(port001.at("/locations/0/logicalLocations/0/name").asText()).isEqualTo("pbx-hosting-example");
        assertThat(port001.at("/message/text").asText()).startsWith("Several high or critical services depend");

        JsonNode port002 = find(results, "PORT-002");
        assertThat(port002.path("level").asText()).isEqualTo("warning");
        assertThat(port002.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
                .as("PORT-002 names no profile file: it is placed at its vendor's first file")
                .isEqualTo("samples/large-saas-with-sla.yaml");
        assertThat(port002.at("/locations/0/logicalLocations/0/name").asText()).isEqualTo("cloudcrm-global");
        assertThat(port002.at("/properties/vendorId").asText()).isEqualTo("cloudcrm-global");

        JsonNode port003 = find(results, "PORT-003");
        assertThat(port003.path("level").asText()).isEqualTo("error");
        assertThat(port003.at("/locations/0/physicalLocation/artifactLocation/uri").asText()).endsWith(".yaml");
        assertThat(port003.has("relatedLocations")).isFalse();
    }

    @Test
    void waiverWarningsAndPortfolioNotesAreNotificationsOfTheInvocation() throws IOException {
        ReportFixtures.Batch batch = ReportFixtures.portfolioBatch();
        List<FileResult> valid = batch.results().stream().filter(FileResult::ok).toList();
        JsonNode invocation = JSON.readTree(ReportFixtures.render(report(), valid, batch.portfolio()))
                .at("/runs/0/invocations/0");
        assertThat(invocation.path("executionSuccessful").asBoolean(false)).isTrue();
        JsonNode notes = invocation.path("toolExecutionNotifications");
        assertThat(notes).hasSize(3);
        JsonNode warning = notes.get(0);
        assertThat(warning.path("level").asText()).isEqualTo("warning");
        assertThat(warning.at("/message/text").asText()).startsWith("waiver for SEC-003 of vendor 'pbx-hosting-example'");
        assertThat(warning.at("/locations/0/physicalLocation/artifactLocation/uri").asText()).isEqualTo("waivers.yaml");
        assertThat(warning.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(1);
        assertThat(warning.at("/locations/0/physicalLocation/region/startColumn").asInt()).isEqualTo(3);
        assertThat(notes.get(1).path("level").asText()).isEqualTo("note");
        assertThat(notes.get(1).at("/message/text").asText()).startsWith("the outage exposure of 1 of 7 services");
        assertThat(notes.get(1).has("locations")).isFalse();
        assertThat(notes.get(2).at("/message/text").asText()).startsWith("exposures are in 2 currencies");
    }

    private static JsonNode find(JsonNode results, String ruleId) {
        for (JsonNode r : results) {
            if (r.path("ruleId").asText().equals(ruleId)) {
                return r;
            }
        }
        throw new AssertionError("no result for " + ruleId + " in " + results);
    }
}
