package dev.vendorrisk.assessor.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.vendorrisk.assessor.Assessment;
import dev.vendorrisk.assessor.Finding;
import dev.vendorrisk.assessor.portfolio.PortfolioResult;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CsvReportTest {
    /** Parses RFC 4180 text back into rows of cells, the header first. */
    static List<List<String>> parse(String csv) throws IOException {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (MappingIterator<List<String>> rows = mapper.readerForListOf(String.class).readValues(csv)) {
            return rows.readAll();
        }
    }

    static Map<String, String> cells(List<String> header, List<String> row) {
        assertThat(row).as("cells of %s", row).hasSameSizeAs(header);
        return IntStream.range(0, header.size()).boxed().collect(Collectors.toMap(header::get, row::get));
    }

    @Test
    void oneRowPerFindingUnderTheDocumentedHeader() throws IOException {
        String csv = ReportFixtures.render(new CsvReport(), ReportFixtures.samples());
        assertThat(csv).startsWith(String.join(",", CsvReport.COLUMNS) + "\r\n").endsWith("\r\n");
        List<List<String>> rows = parse(csv);
        assertThat(rows.get(0)).containsExactlyElementsOf(CsvReport.COLUMNS);
        int expected = 0;
        for (FileResult r : ReportFixtures.samples()) {
            expected += r.ok() ? Math.max(1, r.assessment().findings().size()) : r.errors().size();
        }
        assertThat(rows).hasSize(expected + 1);

        Assessment pbx = ReportFixtures.assessment("pbx-incident.yaml");
        Finding first = pbx.findings().get(0);
        Map<String, String> row = rows.stream().skip(1).map(r -> cells(CsvReport.COLUMNS, r))
                .filter(c -> c.get("file").equals(pbx.file()) && c.get("finding_id").equals(first.id()))
                .findFirst().orElseThrow();
        assertThat(row).containsEntry("vendor_id", pbx.vendorId()).containsEntry("rating", pbx.rating().name())
                .containsEntry("severity", first.severity().name()).containsEntry("weight", String.valueOf(first.weight()))
                .containsEntry("waived", "false").containsEntry("recommendation", first.recommendation())
                .containsEntry("title", first.title()).containsEntry("error", "");
        assertThat(row.get("evidence")).contains("(line " + first.line() + ")");
    }

    @Test
    void aWaivedFindingIsMarked() throws IOException {
        List<List<String>> rows = parse(ReportFixtures.render(new CsvReport(), ReportFixtures.sample("fresh-spinoff.yaml")));
        Map<String, String> waived = rows.stream().skip(1).map(r -> cells(CsvReport.COLUMNS, r))
                .filter(c -> c.get("finding_id").equals("SEC-002")).findFirst().orElseThrow();
        assertThat(waived).containsEntry("waived", "true").containsEntry("share", "0");
    }

    @Test
    void aVendorWithoutFindingsStillHasARow() throws IOException {
        List<List<String>> rows = parse(ReportFixtures.render(new CsvReport(), ReportFixtures.sample("well-run-msp.yaml")));
        assertThat(rows).hasSize(2);
        Map<String, String> row = cells(CsvReport.COLUMNS, rows.get(1));
        assertThat(row).containsEntry("vendor_id", "nordic-managed-it").containsEntry("rating", "LOW")
                .containsEntry("finding_id", "").containsEntry("evidence", "").containsEntry("error", "");
    }

    @Test
    void anInvalidFileHasARowPerDiagnosticWithOnlyFileAndError() throws IOException {
        FileResult invalid = ReportFixtures.invalidExample();
        List<List<String>> rows = parse(ReportFixtures.render(new CsvReport(), invalid));
        assertThat(rows).hasSize(invalid.errors().size() + 1);
        for (int i = 1; i < rows.size(); i++) {
            Map<String, String> row = cells(CsvReport.COLUMNS, rows.get(i));
            assertThat(row).containsEntry("file", invalid.file()).containsEntry("finding_id", "")
                    .containsEntry("vendor_id", "").containsEntry("error", invalid.errors().get(i - 1).render());
        }
    }

    @Test
    void hostileTextRoundTrips() throws IOException {
        FileResult hostile = ReportFixtures.hostile();
        List<List<String>> rows = parse(ReportFixtures.render(new CsvReport(), hostile));
        assertThat(rows).hasSize(hostile.assessment().findings().size() + 1);
        Map<String, String> row = cells(CsvReport.COLUMNS, rows.get(1));
        assertThat(row).containsEntry("file", hostile.file()).containsEntry("vendor_name", hostile.assessment().vendorName())
                .containsEntry("service", hostile.assessment().service());
    }

    @Test
    void theSummaryHasOneRowPerFile() throws IOException {
        String csv = ReportFixtures.render(new CsvSummaryReport(), ReportFixtures.samples());
        List<List<String>> rows = parse(csv);
        assertThat(rows.get(0)).containsExactlyElementsOf(CsvSummaryReport.COLUMNS);
        assertThat(rows).hasSize(ReportFixtures.samples().size() + 1);

        Map<String, String> spinoff = rows.stream().skip(1).map(r -> cells(CsvSummaryReport.COLUMNS, r))
                .filter(c -> c.get("file").equals("samples/fresh-spinoff.yaml")).findFirst().orElseThrow();
        Assessment a = ReportFixtures.assessment("fresh-spinoff.yaml");
        assertThat(spinoff).containsEntry("vendor_id", a.vendorId()).containsEntry("rating", a.rating().name())
                .containsEntry("waived", "1").containsEntry("currency", "CZK").containsEntry("errors", "")
                .containsEntry("top_recommendation", a.recommendations().get(0).text())
                .containsEntry("top_recommendation_points", Cells.number(a.recommendations().get(0).scoreReduction()))
                .containsEntry("top_recommendation_resolves_percent",
                        Cells.number(a.recommendations().get(0).resolvesPercent()))
                .containsEntry("way_down", String.join("; ", Cells.wayDown(a.wayDown())))
                .containsEntry("findings_high", String.valueOf(a.activeFindings().stream()
                        .filter(f -> f.severity().name().equals("HIGH")).count()));
        assertThat(Double.parseDouble(spinoff.get("per_incident_exposure"))).isEqualTo(a.exposure().perIncident());

        Map<String, String> unknowns = rows.stream().skip(1).map(r -> cells(CsvSummaryReport.COLUMNS, r))
                .filter(c -> c.get("file").equals("samples/many-unknowns.yaml")).findFirst().orElseThrow();
        assertThat(unknowns).containsEntry("per_incident_exposure", "").containsEntry("findings_info", "33")
                .containsEntry("way_down", "act on complete-profile -> 0 LOW");

        FileResult invalid = ReportFixtures.invalidExample();
        Map<String, String> bad = rows.stream().skip(1).map(r -> cells(CsvSummaryReport.COLUMNS, r))
                .filter(c -> c.get("file").equals(invalid.file())).findFirst().orElseThrow();
        assertThat(bad).containsEntry("vendor_id", "").containsEntry("score", "");
        assertThat(bad.get("errors").split("\n")).hasSize(invalid.errors().size());
    }

    @Test
    void portfolioFindingsAreRowsWithoutAFileAfterTheFilesRows() throws IOException {
        ReportFixtures.Batch batch = ReportFixtures.portfolioBatch();
        String csv = ReportFixtures.render(new CsvReport(), batch);
        assertThat(csv).startsWith(ReportFixtures.render(new CsvReport(), batch.results()));
        List<Map<String, String>> rows = parse(csv).stream().skip(1).map(r -> cells(CsvReport.COLUMNS, r)).toList();
        List<Map<String, String>> portfolio = rows.stream().filter(r -> r.get("file").isEmpty()).toList();
        assertThat(portfolio).hasSize(batch.portfolio().findings().size());
        assertThat(rows.subList(rows.size() - portfolio.size(), rows.size())).isEqualTo(portfolio);
        assertThat(portfolio).allSatisfy(r -> assertThat(r).containsEntry("area", "portfolio")
                .containsEntry("contribution", "").containsEntry("share", "").containsEntry("waived", "false")
                .containsEntry("rating", "").containsEntry("error", ""));

        Map<String, String> port001 = portfolio.stream().filter(r -> r.get("finding_id").equals("PORT-001"))
                .findFirst().orElseThrow();
        assertThat(port001).containsEntry("vendor_id", "pbx-hosting-example").containsEntry("severity", "HIGH")
                .containsEntry("weight", "20").containsEntry("recommendation", "concentration")
                .containsEntry("title", "Several high or critical services depend on the same vendor")
                .containsEntry("evidence", "vendor.id=pbx-hosting-example;"
                        + " services=[generated/pbx-backup-line.yaml, samples/pbx-incident.yaml]");
        assertThat(portfolio).filteredOn(r -> r.get("finding_id").equals("PORT-002"))
                .extracting(r -> r.get("vendor_id")).containsExactly("cloudcrm-global", "pbx-hosting-example");
    }

    @Test
    void aPortfolioWithoutFindingsAddsNoRow() throws IOException {
        List<FileResult> results = List.of(ReportFixtures.sample("pbx-incident.yaml"));
        PortfolioResult quiet = new PortfolioResult(1, List.of(), List.of("a note"), List.of());
        assertThat(ReportFixtures.render(new CsvReport(), results, quiet))
                .isEqualTo(ReportFixtures.render(new CsvReport(), results));
        assertThat(ReportFixtures.render(new CsvSummaryReport(), results, quiet))
                .isEqualTo(ReportFixtures.render(new CsvSummaryReport(), results));
    }

    @Test
    void theSummaryHasOneRowPerPortfolioFindingRatedPortfolio() throws IOException {
        ReportFixtures.Batch batch = ReportFixtures.portfolioBatch();
        String csv = ReportFixtures.render(new CsvSummaryReport(), batch);
        assertThat(csv).startsWith(ReportFixtures.render(new CsvSummaryReport(), batch.results()));
        List<Map<String, String>> rows = parse(csv).stream().skip(1).map(r -> cells(CsvSummaryReport.COLUMNS, r))
                .toList();
        assertThat(rows).hasSize(batch.results().size() + batch.portfolio().findings().size());
        List<Map<String, String>> portfolio = rows.subList(batch.results().size(), rows.size());
        assertThat(portfolio).allSatisfy(r -> assertThat(r).containsEntry("file", "")
                .containsEntry("rating", CsvSummaryReport.PORTFOLIO).containsEntry("score", "")
                .containsEntry("waived", "0").containsEntry("errors", ""));
        assertThat(rows.subList(0, batch.results().size())).noneMatch(r -> r.get("file").isEmpty());

        Map<String, String> port003 = portfolio.stream().filter(r -> r.get("service").startsWith("PORT-003 "))
                .findFirst().orElseThrow();
        assertThat(port003).containsEntry("vendor_id", "pbx-hosting-example").containsEntry("findings_high", "1")
                .containsEntry("findings_critical", "0").containsEntry("findings_medium", "0")
                .containsEntry("findings_low", "0").containsEntry("findings_info", "0");
        assertThat(port003.get("service")).isEqualTo("PORT-003 A critical service depends on a one-person provider"
                + " while a provider of the same kind in the portfolio has no critical findings");
        assertThat(port003.get("top_recommendation")).startsWith("Prepare the move of the critical service");
        assertThat(portfolio).filteredOn(r -> r.get("service").startsWith("PORT-002 "))
                .allSatisfy(r -> assertThat(r).containsEntry("findings_medium", "1").containsEntry("findings_high", "0"));
    }
}
