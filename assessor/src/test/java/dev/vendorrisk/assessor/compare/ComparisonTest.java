package dev.vendorrisk.assessor.compare;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vendorrisk.assessor.Assessment;
import dev.vendorrisk.assessor.Diagnostic;
import dev.vendorrisk.assessor.Finding;
import dev.vendorrisk.assessor.TestRules;
import dev.vendorrisk.assessor.VendorRiskAssessor;
import dev.vendorrisk.assessor.profile.ParsedProfile;
import dev.vendorrisk.assessor.report.HtmlReport;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class ComparisonTest {
    private static final List<String> SAMPLES = List.of("pbx-incident.yaml", "well-run-msp.yaml",
            "large-saas-with-sla.yaml", "fresh-spinoff.yaml", "many-unknowns.yaml");

    private static Comparison.Input input(String name) throws Exception {
        return input("samples/" + name, Files.readAllBytes(TestRules.ROOT.resolve("samples").resolve(name)));
    }

    private static Comparison.Input input(String file, byte[] yaml) throws Exception {
        VendorRiskAssessor assessor = TestRules.assessor();
        ParsedProfile parsed = assessor.reader().read(file, yaml);
        return new Comparison.Input(parsed, assessor.assess(parsed, List.of()));
    }

    private static Comparison samples() throws Exception {
        List<Comparison.Input> inputs = new ArrayList<>();
        for (String s : SAMPLES) {
            inputs.add(input(s));
        }
        return Comparison.compare(inputs, List.of());
    }

    private static String render(String format, Comparison c) throws Exception {
        StringWriter out = new StringWriter();
        ComparisonFormat.of(format).write(c, out);
        return out.toString();
    }

    @Test
    void candidatesAreRankedByRatingThenScoreWithReasons() throws Exception {
        Comparison c = samples();
        List<Assessment> ranked = c.candidates().stream().map(Comparison.Candidate::assessment).toList();
        assertThat(ranked).extracting(Assessment::file).containsExactly("samples/well-run-msp.yaml",
                "samples/many-unknowns.yaml", "samples/large-saas-with-sla.yaml", "samples/fresh-spinoff.yaml",
                "samples/pbx-incident.yaml");
        assertThat(c.candidates()).extracting(Comparison.Candidate::rank).containsExactly(1, 2, 3, 4, 5);
        for (int i = 0; i + 1 < ranked.size(); i++) {
            Assessment a = ranked.get(i);
            Assessment b = ranked.get(i + 1);
            assertThat(a.rating().compareTo(b.rating()) < 0
                    || a.rating() == b.rating() && a.score() <= b.score()).isTrue();
        }
        assertThat(c.candidates().get(0).reason()).isEqualTo("rated LOW, score 0; a lower rating than #2 (MEDIUM);"
                + " no active findings");
        assertThat(c.candidates().get(2).reason()).startsWith("rated CRITICAL, score 78.5; the same rating as #4 but a score 4.8"
                + " points lower (83.3); main risks: ");
        assertThat(c.candidates().get(4).reason()).startsWith("rated CRITICAL, score 99.8; the highest risk of the 5"
                + " candidates; main risks: STAFF-001 The provider is one person (CRITICAL)");
        assertThat(c.candidates().get(1).reason()).endsWith("unknown facts");
    }

    @Test
    void tiesOnRatingAndScoreGoToTheLowerExposureInTheSameCurrency() throws Exception {
        String msp = Files.readString(TestRules.ROOT.resolve("samples/well-run-msp.yaml"));
        String cheaper = msp.replace("  usersAffected: ", "  usersAffected: 1").replace("  id: nordic-managed-it",
                "  id: b-cheaper");
        Comparison.Input a = input("a.yaml", msp.getBytes(StandardCharsets.UTF_8));
        Comparison.Input b = input("b.yaml", cheaper.getBytes(StandardCharsets.UTF_8));
        assertThat(b.assessment().exposure().perIncident()).isGreaterThan(a.assessment().exposure().perIncident());
        Comparison c = Comparison.compare(List.of(b, a), List.of());
        assertThat(c.candidates()).extracting(k -> k.assessment().file()).containsExactly("a.yaml", "b.yaml");
        assertThat(c.candidates().get(0).reason()).contains("the same rating and score as #2, and a lower outage"
                + " exposure per incident (33,000 vs ");
        assertThat(c.facts()).extracting(Comparison.FactRow::path).containsExactly("service.usersAffected");
    }

    @Test
    void theFindingsMatrixHasEveryFindingOfEveryCandidateInRankOrder() throws Exception {
        Comparison c = samples();
        for (int i = 0; i < c.candidates().size(); i++) {
            Assessment a = c.candidates().get(i).assessment();
            for (Finding f : a.findings()) {
                String fact = f.id().startsWith("GAP-") ? f.evidence().get(0).path() : null;
                int col = i;
                assertThat(c.findings()).as(a.file() + " " + f.id()).anySatisfy(r -> {
                    assertThat(r.id()).isEqualTo(f.id());
                    assertThat(r.fact()).isEqualTo(fact);
                    assertThat(r.presence().get(col)).isEqualTo(f.waived() ? Comparison.Presence.WAIVED
                            : Comparison.Presence.ACTIVE);
                });
            }
        }
        assertThat(c.findings()).allSatisfy(r -> assertThat(r.presence()).hasSize(5)
                .contains(Comparison.Presence.ACTIVE, Comparison.Presence.ABSENT));
        assertThat(c.findings().get(0).severity().name()).isEqualTo("CRITICAL");
        assertThat(c.findings()).anySatisfy(r -> assertThat(r.presence()).contains(Comparison.Presence.WAIVED));
    }

    @Test
    void factsThatDifferAreListedWithEachCandidatesValue() throws Exception {
        Comparison c = samples();
        Comparison.FactRow staff = c.facts().stream().filter(f -> f.path().equals("company.staffCount")).findFirst()
                .orElseThrow();
        assertThat(staff.values()).hasSize(5);
        assertThat(staff.values().get(4)).isEqualTo("1");
        assertThat(c.facts().stream().filter(f -> f.path().equals("service.usersAffected")).findFirst().orElseThrow()
                .values().get(1)).as("many-unknowns, ranked #2").isEqualTo("unknown");
        assertThat(c.facts()).extracting(Comparison.FactRow::path).contains("support.channels", "service.currency")
                .noneMatch(p -> p.startsWith("vendor.") || p.startsWith("assessment.") || p.equals("schemaVersion"));
        assertThat(c.facts()).allSatisfy(f -> assertThat(new TreeSet<>(f.values())).hasSizeGreaterThan(1));
    }

    @Test
    void theJsonShapeIsTheDocumentedOne() throws Exception {
        Comparison c = Comparison.compare(List.of(input("pbx-incident.yaml"), input("well-run-msp.yaml")),
                List.of(new Diagnostic("broken.yaml", 3, 5, "unknown key 'suport'; did you mean 'support'?")));
        JsonNode json = new ObjectMapper().readTree(render("json", c));
        assertThat(names(json)).containsExactly("schemaVersion", "candidates", "findings", "facts", "errors");
        assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
        JsonNode first = json.get("candidates").get(0);
        assertThat(names(first)).containsExactly("rank", "file", "vendor", "service", "tier", "rating", "score",
                "completeness", "exposure", "activeFindings", "waivedFindings", "reason");
        assertThat(names(first.get("exposure"))).containsExactly("currency", "hourlyCost", "outageHours", "perIncident",
                "monthsOfFees", "missing");
        assertThat(first.get("rank").asInt()).isEqualTo(1);
        assertThat(first.get("rating").asText()).isEqualTo("LOW");
        assertThat(json.get("candidates").get(1).get("exposure").get("perIncident").asLong()).isEqualTo(360000);
        JsonNode finding = json.get("findings").get(0);
        assertThat(names(finding)).containsExactly("id", "title", "severity", "area", "candidates");
        assertThat(finding.get("candidates").toString()).isEqualTo("[\"absent\",\"active\"]");
        assertThat(names(json.get("facts").get(0))).containsExactly("path", "values");
        assertThat(json.get("facts").get(0).get("values").size()).isEqualTo(2);
        assertThat(json.get("errors").get(0).toString()).isEqualTo("{\"file\":\"broken.yaml\",\"line\":3,\"column\":5,"
                + "\"message\":\"unknown key 'suport'; did you mean 'support'?\"}");
        assertThat(render("json", c)).isEqualTo(render("json", c));
    }

    @Test
    void gapRowsNameTheFact() throws Exception {
        Comparison c = Comparison.compare(List.of(input("many-unknowns.yaml"), input("well-run-msp.yaml")), List.of());
        JsonNode json = new ObjectMapper().readTree(render("json", c));
        JsonNode gap = null;
        for (JsonNode f : json.get("findings")) {
            if (f.get("id").asText().startsWith("GAP-")) {
                gap = f;
                break;
            }
        }
        assertThat(gap).isNotNull();
        assertThat(names(gap)).containsExactly("id", "fact", "title", "severity", "area", "candidates");
    }

    @Test
    void textMarkdownAndHtmlShowTheSameRankingFindingsAndFacts() throws Exception {
        Comparison c = samples();
        String text = render("text", c);
        assertThat(text).startsWith("Comparison of 5 candidates, lowest risk first\n\n  #  Candidate")
                .contains("\nWhy this order\n  1. Nordic Managed IT AB (nordic-managed-it): rated LOW")
                .contains("\nFindings (x active, w waived, . absent; columns in rank order)\n")
                .contains("\nFacts that differ\n");
        String md = render("markdown", c);
        assertThat(md).startsWith("# Comparison of 5 candidates\n").contains("| 1 | Nordic Managed IT AB"
                + " (nordic-managed-it) | **LOW** | 0 | 33,000 EUR | 0 | samples/well-run-msp.yaml |");
        Document html = Jsoup.parse(render("html", c));
        assertThat(html.select("tr.candidate")).hasSize(5);
        assertThat(html.select("ol.reasons li")).hasSize(5);
        assertThat(html.select("table.matrix tr.finding")).hasSize(c.findings().size());
        assertThat(html.select("table.facts-differ tbody tr")).hasSize(c.facts().size());
        assertThat(html.select("svg.chart rect.bar")).hasSize(5);
        assertThat(html.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content"))
                .isEqualTo(HtmlReport.CONTENT_SECURITY_POLICY);
        assertThat(html.select("[src], link, [style]")).isEmpty();
        for (Comparison.FindingRow f : c.findings()) {
            assertThat(text).contains(f.id());
            assertThat(md).contains("| " + f.id() + " | " + f.severity() + " |");
        }
        for (String format : ComparisonFormat.names()) {
            assertThat(render(format, c)).isEqualTo(render(format, c));
        }
        Path out = Path.of("target", "compare-samples");
        Files.createDirectories(out);
        for (String format : ComparisonFormat.names()) {
            Files.writeString(out.resolve("samples." + format), render(format, c));
        }
    }

    private static List<String> names(JsonNode n) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }
}
