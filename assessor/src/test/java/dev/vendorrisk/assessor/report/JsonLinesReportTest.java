package dev.vendorrisk.assessor.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonLinesReportTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void oneCompactObjectPerAssessmentAndPerDiagnosticThenTheSummary() throws IOException {
        String text = ReportFixtures.render(new JsonLinesReport(), ReportFixtures.samples());
        assertThat(text).endsWith("\n").doesNotContain("\r");
        List<JsonNode> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            lines.add(JSON.readTree(line));
        }
        int vendors = 0;
        int diagnostics = 0;
        for (FileResult r : ReportFixtures.samples()) {
            vendors += r.ok() ? 1 : 0;
            diagnostics += r.errors().size();
        }
        assertThat(lines).hasSize(vendors + diagnostics + 1);
        assertThat(lines.stream().filter(l -> l.path("type").asText().equals("assessment"))).hasSize(vendors);
        assertThat(lines.stream().filter(l -> l.path("type").asText().equals("error"))).hasSize(diagnostics);

        JsonNode summary = lines.get(lines.size() - 1);
        assertThat(summary.path("type").asText()).isEqualTo("summary");
        assertThat(summary.path("files").asInt()).isEqualTo(ReportFixtures.samples().size());
        assertThat(summary.path("vendors").asInt()).isEqualTo(vendors);
        assertThat(summary.path("errors").asInt()).isEqualTo(diagnostics);
        assertThat(summary.path("waived").asInt()).isEqualTo(1);
    }

    @Test
    void anAssessmentLineHasTheJsonReportsShape() throws IOException {
        FileResult spinoff = ReportFixtures.sample("fresh-spinoff.yaml");
        JsonNode line = JSON.readTree(ReportFixtures.render(new JsonLinesReport(), spinoff).split("\n")[0]);
        JsonNode pretty = JSON.readTree(ReportFixtures.render(new JsonReport(), spinoff)).path("assessments").get(0);
        assertThat(line.path("type").asText()).isEqualTo("assessment");
        ((com.fasterxml.jackson.databind.node.ObjectNode) line).remove("type");
        assertThat(line).isEqualTo(pretty);
    }

    @Test
    void anErrorLineNamesFileLineColumnAndMessage() throws IOException {
        FileResult invalid = ReportFixtures.invalidExample();
        String[] lines = ReportFixtures.render(new JsonLinesReport(), invalid).split("\n");
        JsonNode first = JSON.readTree(lines[0]);
        assertThat(first.path("type").asText()).isEqualTo("error");
        assertThat(first.path("file").asText()).isEqualTo(invalid.file());
        assertThat(first.path("line").asInt()).isEqualTo(invalid.errors().get(0).line());
        assertThat(first.path("column").asInt()).isEqualTo(invalid.errors().get(0).column());
        assertThat(first.path("message").asText()).isEqualTo(invalid.errors().get(0).message());
        assertThat(lines).hasSize(invalid.errors().size() + 1);
    }

    @Test
    void aBatchRunHasThePortfolioLineOfTheJsonReportJustBeforeTheSummary() throws IOException {
        ReportFixtures.Batch batch = ReportFixtures.portfolioBatch();
        String[] lines = ReportFixtures.render(new JsonLinesReport(), batch).split("\n");
        assertThat(lines).hasSize(ReportFixtures.render(new JsonLinesReport(), batch.results()).split("\n").length + 1);
        assertThat(JSON.readTree(lines[lines.length - 1]).path("type").asText()).isEqualTo("summary");

        JsonNode portfolio = JSON.readTree(lines[lines.length - 2]);
        assertThat(portfolio.fieldNames().next()).isEqualTo("type");
        assertThat(portfolio.path("type").asText()).isEqualTo("portfolio");
        assertThat(portfolio.path("services").asInt()).isEqualTo(batch.portfolio().services());
        assertThat(portfolio.path("findings").findValuesAsText("id")).contains("PORT-001", "PORT-002", "PORT-003");
        assertThat(portfolio.path("notes")).hasSize(2);
        assertThat(portfolio.at("/warnings/0/file").asText()).isEqualTo("waivers.yaml");
        assertThat(portfolio.at("/warnings/0/line").asInt()).isEqualTo(1);

        JsonNode pretty = JSON.readTree(ReportFixtures.render(new JsonReport(), batch)).path("portfolio");
        ((com.fasterxml.jackson.databind.node.ObjectNode) portfolio).remove("type");
        assertThat(portfolio).isEqualTo(pretty);
    }
}
