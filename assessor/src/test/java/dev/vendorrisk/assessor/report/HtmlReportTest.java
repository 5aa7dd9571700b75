package dev.vendorrisk.assessor.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vendorrisk.assessor.Assessment;
import dev.vendorrisk.assessor.Finding;
import dev.vendorrisk.assessor.Rating;
import dev.vendorrisk.assessor.Recommendation;
import dev.vendorrisk.assessor.portfolio.PortfolioFinding;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

/** The page's structure, parsed as a browser would: everything each sample has is on it, and nothing loads. */
class HtmlReportTest {
    private static Document parse(String html) {
        return Jsoup.parse(html);
    }

    private static Document samples() {
        return parse(ReportFixtures.render(new HtmlReport(), ReportFixtures.samples()));
    }

    private static Element section(Document doc, Assessment a) {
        for (Element s : doc.select("section.vendor")) {
            if (s.selectFirst("p.file .mono").text().equals(a.file())) {
                return s;
            }
        }
        throw new AssertionError("no section for " + a.file());
    }

    private static boolean isGap(Finding f) {
        return f.id().startsWith("GAP-");
    }

    @Test
    void everyFindingGapWaiverAndRecommendationOfEverySampleIsInItsSection() {
        Document doc = samples();
        List<Assessment> assessed = ReportFixtures.samples().stream().filter(FileResult::ok).map(FileResult::assessment)
                .toList();
        assertThat(doc.select("section.vendor")).hasSize(assessed.size());
        int findings = 0;
        for (Assessment a : assessed) {
            Element s = section(doc, a);
            assertThat(s.attr("data-rating")).isEqualTo(a.rating().name());
            assertThat(s.selectFirst("dd.rating").text()).contains(a.rating().name()).contains(Cells.number(a.score()));
            List<String> active = new ArrayList<>();
            List<String> waived = new ArrayList<>();
            List<String> gaps = new ArrayList<>();
            for (Finding f : a.findings()) {
                findings++;
                (f.waived() ? waived : isGap(f) ? gaps : active).add(f.id() + " " + f.title());
            }
            assertThat(s.select("table.findings tr.finding")).extracting(r -> r.child(1).text() + " " + r.child(2).text())
                    .containsExactlyElementsOf(active);
            assertThat(s.select("table.waived-findings tr.finding"))
                    .extracting(r -> r.child(1).text() + " " + r.child(2).text()).containsExactlyElementsOf(waived);
            assertThat(s.select("ul.gaps li.gap")).hasSize(gaps.size());
            for (Finding f : a.findings()) {
                if (isGap(f) && !f.waived()) {
                    assertThat(s.select("ul.gaps li.gap").text()).contains(f.evidence().get(0).path());
                }
                if (!f.waived() && !isGap(f)) {
                    Element row = s.selectFirst("tr.finding[data-id=" + f.id() + "]");
                    for (var e : f.evidence()) {
                        assertThat(row.text()).contains(e.path() + " = " + e.text());
                        if (e.line() > 0) {
                            assertThat(row.text()).contains("(line " + e.line() + ")");
                        }
                    }
                }
            }
            assertThat(s.select("ol.recs li.recommendation")).extracting(li -> li.attr("data-key"))
                    .containsExactlyElementsOf(a.recommendations().stream().map(Recommendation::key).toList());
            for (Recommendation r : a.recommendations()) {
                assertThat(s.selectFirst("li.recommendation[data-key=" + r.key() + "]").text()).contains(r.text())
                        .contains("−" + Cells.number(r.scoreReduction()) + " points")
                        .contains(String.join(", ", r.resolves()));
            }
            for (String w : a.warnings()) {
                assertThat(s.select("p.warning").eachText()).contains("Warning: " + w);
            }
        }
        assertThat(findings).as("the samples have findings to look for").isGreaterThan(50);
    }

    @Test
    void waivedFindingsShowJustificationOwnerAndExpiry() {
        Element row = section(samples(), ReportFixtures.assessment("fresh-spinoff.yaml"))
                .selectFirst("table.waived-findings tr[data-id=SEC-002]");
        assertThat(row.selectFirst(".justification").text())
                .isEqualTo("subcontractor list received by e-mail on 2026-10-12, contract amendment pending");
        assertThat(row.selectFirst(".owner").text()).isEqualTo("procurement");
        assertThat(row.selectFirst(".expires").text()).isEqualTo("2027-03-31");
        assertThat(row.text()).contains("MEDIUM waived");
    }

    @Test
    void theExposureShowsItsArithmetic() {
        Element table = section(samples(), ReportFixtures.assessment("pbx-incident.yaml")).selectFirst("table.exposure");
        assertThat(table.select("tr").eachText()).containsExactly(
                "Cost per hour of outage 25 users × 450 CZK per person-hour + 0 CZK revenue lost per hour 11,250 CZK",
                "Hours per incident 24 h to first response (support.responseTimeHours) + 8 h to restore"
                        + " (continuity.restoreTimeHours) 32 h",
                "Per incident 11,250 CZK per hour × 32 h 360,000 CZK",
                "In monthly fees 360,000 CZK ÷ 200 CZK a month 1,800 months");
        Element unknown = section(samples(), ReportFixtures.assessment("many-unknowns.yaml"));
        assertThat(unknown.selectFirst("tr.per-incident").text()).endsWith("unknown");
        assertThat(unknown.select("p.warning").text()).contains("Unknown: service.usersAffected,"
                + " service.hourlyCostPerUser, support.responseTimeHours, continuity.restoreTimeHours");
    }

    @Test
    void invalidFilesAreListedWithTheirDiagnostics() {
        Document doc = samples();
        List<FileResult> invalid = ReportFixtures.samples().stream().filter(r -> !r.ok()).toList();
        assertThat(invalid).isNotEmpty();
        assertThat(doc.select("#invalid .invalid-file")).hasSize(invalid.size());
        for (FileResult r : invalid) {
            for (var d : r.errors()) {
                assertThat(doc.select("#invalid li.diagnostic").eachText()).contains(d.render());
            }
        }
    }

    @Test
    void theOverviewHasEveryChartWithItsMarksAndItsNumbersAsATable() {
        ReportFixtures.Batch batch = ReportFixtures.portfolioBatch();
        Document doc = parse(ReportFixtures.render(new HtmlReport(), batch));
        List<Assessment> assessed = batch.results().stream().filter(FileResult::ok).map(FileResult::assessment).toList();

        Element ratings = doc.selectFirst("#ratings");
        assertThat(ratings.select("svg rect.bar")).hasSize(4);
        assertThat(ratings.select("svg rect.bar")).extracting(e -> e.attr("data-value")).containsExactly(
                count(assessed, Rating.CRITICAL), count(assessed, Rating.HIGH), count(assessed, Rating.MEDIUM),
                count(assessed, Rating.LOW));
        assertThat(ratings.select("table tbody tr")).hasSize(4);

        Map<String, Integer> perCurrency = new TreeMap<>();
        for (Assessment a : assessed) {
            if (a.exposure().perIncident() != null) {
                perCurrency.merge(a.exposure().currency(), 1, Integer::sum);
            }
        }
        Elements maps = doc.select("svg.risk-map");
        assertThat(maps).extracting(m -> m.attr("data-currency")).containsExactlyElementsOf(perCurrency.keySet());
        for (Element map : maps) {
            int n = perCurrency.get(map.attr("data-currency"));
            assertThat(map.select(".mark")).hasSize(n);
            assertThat(map.parent().selectFirst("p.numbers a").attr("href")).isEqualTo("#service-table");
        }

        Set<String> areas = new TreeSet<>();
        assessed.forEach(a -> a.areas().forEach(s -> areas.add(s.area())));
        Element table = doc.selectFirst("#service-table");
        assertThat(table.select("thead th.area")).extracting(Element::text).containsExactlyElementsOf(areas);
        assertThat(table.select("tbody tr")).hasSize(assessed.size());
        assertThat(table.select("tbody td.heat")).hasSize(assessed.size() * areas.size());
        Element pbx = table.select("tbody tr").stream().filter(r -> r.text().contains("samples/pbx-incident.yaml"))
                .findFirst().orElseThrow();
        assertThat(pbx.text()).contains("samples/pbx-incident.yaml", "CRITICAL", "99.8", "100 %", "360,000", "CZK");

        assertThat(doc.select("#completeness svg rect.bar")).hasSize(10);
        assertThat(doc.select("#completeness table tbody tr")).hasSize(10);
        int bars = doc.select("#frequent-findings svg rect.bar").size();
        assertThat(bars).isBetween(1, 15);
        assertThat(doc.select("#frequent-findings table tbody tr").size()).isGreaterThanOrEqualTo(bars);
        assertThat(doc.select("#portfolio-recommendations svg rect.bar").size()).isBetween(1, 10);

        assertThat(doc.select("#portfolio tr.finding")).extracting(e -> e.attr("data-id"))
                .containsExactlyElementsOf(batch.portfolio().findings().stream().map(PortfolioFinding::id).toList());
        for (String note : batch.portfolio().notes()) {
            assertThat(doc.select("#portfolio p.note").eachText()).contains("Note: " + note);
        }
        for (var w : batch.portfolio().warnings()) {
            assertThat(doc.select("#portfolio p.warning").eachText()).contains("Warning: " + w.render());
        }
        // every chart says how many marks it draws, and draws them
        for (Element svg : doc.select("svg.chart")) {
            assertThat(svg.select("rect.bar, .mark")).hasSize(Integer.parseInt(svg.attr("data-marks")));
        }
    }

    @Test
    void theMostFrequentFindingsAndTheRecommendationsAddUpOverTheServices() {
        ReportFixtures.Batch batch = ReportFixtures.portfolioBatch();
        Document doc = parse(ReportFixtures.render(new HtmlReport(), batch));
        List<Assessment> assessed = batch.results().stream().filter(FileResult::ok).map(FileResult::assessment).toList();
        Map<String, Long> services = new TreeMap<>();
        for (Assessment a : assessed) {
            a.activeFindings().stream().map(Finding::id).distinct().forEach(id -> services.merge(id, 1L, Long::sum));
        }
        for (Element row : doc.select("#frequent-findings table tbody tr")) {
            assertThat(row.child(3).text()).as(row.child(0).text())
                    .isEqualTo(Long.toString(services.get(row.child(0).text())));
        }
        assertThat(doc.select("#frequent-findings table tbody tr")).hasSize(services.size());
        Map<String, Double> points = new TreeMap<>();
        for (Assessment a : assessed) {
            a.recommendations().forEach(r -> points.merge(r.key(), r.scoreReduction(), Double::sum));
        }
        Elements rows = doc.select("#portfolio-recommendations table tbody tr");
        assertThat(rows).hasSize(points.size());
        double previous = Double.MAX_VALUE;
        for (Element row : rows) {
            double p = points.get(row.child(1).text());
            assertThat(row.child(3).text()).isEqualTo(Cells.number(p));
            assertThat(p).isLessThanOrEqualTo(previous + 0.05);
            previous = p;
        }
    }

    private static String count(List<Assessment> assessed, Rating r) {
        return Long.toString(assessed.stream().filter(a -> a.rating() == r).count());
    }

    @Test
    void nothingLoadsFromAnywhere() throws Exception {
        assertLoadsNothing(ReportFixtures.render(new HtmlReport(), ReportFixtures.portfolioBatch()));
    }

    /**
     * A page of the report's look loads nothing: no element that fetches, links only within the page, no inline
     * style attribute, and the one style sheet and one script allowed by their hashes in the CSP.
     */
    static void assertLoadsNothing(String html) throws Exception {
        Document doc = parse(html);
        assertThat(doc.select("link, img, iframe, object, embed, video, audio, source, base, form")).isEmpty();
        assertThat(doc.select("[src]")).isEmpty();
        assertThat(doc.select("a[href]")).allSatisfy(a -> assertThat(a.attr("href")).startsWith("#"));
        assertThat(doc.select("a[href]")).allSatisfy(a ->
                assertThat(doc.getElementById(a.attr("href").substring(1))).as(a.attr("href")).isNotNull());
        assertThat(doc.select("[style]")).as("inline style attributes would break the CSP").isEmpty();
        assertThat(html).doesNotContain("url(", "@import", "http://", "https://");
        assertThat(doc.select("script")).hasSize(1);
        assertThat(doc.select("style")).hasSize(1);
        String csp = doc.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content");
        assertThat(csp).startsWith("default-src 'none';")
                .contains("script-src '" + sha256(doc.selectFirst("script").data()) + "'")
                .contains("style-src '" + sha256(doc.selectFirst("style").data()) + "'");
        assertThat(csp).isEqualTo(HtmlReport.CONTENT_SECURITY_POLICY);
    }

    @Test
    void theSameInputGivesTheSameBytes() {
        ReportFixtures.Batch batch = ReportFixtures.portfolioBatch();
        String first = ReportFixtures.render(new HtmlReport(), batch);
        assertThat(ReportFixtures.render(new HtmlReport(), batch)).isEqualTo(first);
        assertThat(first).doesNotContain("\r").endsWith("</html>\n");
    }

    @Test
    void userTextCannotAddMarkup() {
        String html = ReportFixtures.render(new HtmlReport(), ReportFixtures.hostile(), ReportFixtures.sample("pbx-incident.yaml"));
        Document doc = parse(html);
        assertThat(doc.select("script")).hasSize(1);
        assertThat(doc.select("section.vendor h2").first().text()).contains("Evil | *Corp*, \"Ltd\" <script>&amp;</script>");
        // a line break in user text is a character reference: it never starts a line of the page
        assertThat(html.lines()).noneMatch(l -> l.startsWith("next"));
        assertThat(html).doesNotContain("\u0001");
    }

    @Test
    void oneServiceHasNoOverview() {
        Document doc = parse(ReportFixtures.render(new HtmlReport(), ReportFixtures.sample("pbx-incident.yaml")));
        assertThat(doc.select("#overview")).isEmpty();
        assertThat(doc.select("section.vendor")).hasSize(1);
        assertThat(doc.title()).isEqualTo("Vendor risk report: Example PBX Hosting s.r.o., Hosted virtual PBX (Asterisk)");
    }

    @Test
    void theDetailLevelChoosesWhichServicesGetASectionAndEveryServiceStaysInTheTable() {
        ReportFixtures.Batch batch = ReportFixtures.portfolioBatch();
        List<Assessment> assessed = batch.results().stream().filter(FileResult::ok).map(FileResult::assessment).toList();

        Document riskiest = parse(ReportFixtures.render(new HtmlReport(HtmlReport.Detail.riskiest(2)), batch));
        List<String> expected = new ArrayList<>();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < assessed.size(); i++) {
            order.add(i);
        }
        order.sort((x, y) -> assessed.get(y).score() != assessed.get(x).score()
                ? Double.compare(assessed.get(y).score(), assessed.get(x).score()) : Integer.compare(x, y));
        order.subList(0, 2).stream().sorted().forEach(i -> expected.add(assessed.get(i).file()));
        assertThat(riskiest.select("section.vendor p.file .mono")).extracting(Element::text).containsExactlyElementsOf(expected);
        assertThat(riskiest.select("#details > p.note").text()).startsWith("The 2 riskiest of " + assessed.size());
        assertThat(riskiest.select("#service-table tbody tr")).hasSize(assessed.size());
        assertThat(riskiest.select("#service-table tbody a")).hasSize(2);

        Document critical = parse(ReportFixtures.render(new HtmlReport(HtmlReport.Detail.atLeast(Rating.CRITICAL)), batch));
        assertThat(critical.select("section.vendor")).hasSize((int) assessed.stream()
                .filter(a -> a.rating() == Rating.CRITICAL).count());
        assertThat(critical.select("section.vendor")).allSatisfy(s -> assertThat(s.attr("data-rating")).isEqualTo("CRITICAL"));

        Document all = parse(ReportFixtures.render(new HtmlReport(HtmlReport.Detail.all()), batch));
        assertThat(all.select("section.vendor")).hasSize(assessed.size());
        assertThat(all.select("#details > p.note")).isEmpty();
    }

    @Test
    void aBigPortfolioListsEveryServiceInTablesOfTheSameColumnsThatABrowserLaysOutWhenSeen() {
        List<Assessment> samples = ReportFixtures.samples().stream().filter(FileResult::ok).map(FileResult::assessment)
                .toList();
        int n = 2 * HtmlReport.ROWS_PER_TABLE + 201;
        List<FileResult> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Assessment a = samples.get(i % samples.size());
            results.add(FileResult.of(new Assessment(String.format("generated/%05d.yaml", i), a.vendorId(),
                    a.vendorName(), a.service(), a.tier(), a.assessedOn(), a.score(), a.rating(), a.completeness(),
                    a.findings(), a.areas(), a.exposure(), a.recommendations(), a.warnings())));
        }
        Document doc = parse(ReportFixtures.render(new HtmlReport(), results));

        Elements parts = doc.select("#service-table.table-group > div.part");
        assertThat(parts).hasSize(3);
        assertThat(parts).extracting(p -> p.hasClass("lazy")).containsExactly(true, true, false);
        assertThat(parts).extracting(p -> p.select("> table.sortable.heat-map > tbody > tr").size())
                .containsExactly(HtmlReport.ROWS_PER_TABLE, HtmlReport.ROWS_PER_TABLE, 201);
        String columns = parts.get(0).select("colgroup, thead").outerHtml();
        assertThat(parts).allSatisfy(p -> assertThat(p.select("colgroup, thead").outerHtml()).isEqualTo(columns));
        Elements rows = doc.select("#service-table tbody tr");
        assertThat(rows).extracting(r -> r.child(3).text())
                .containsExactlyElementsOf(results.stream().map(FileResult::file).toList());
        assertThat(rows).extracting(r -> r.child(0).text())
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, n).mapToObj(Integer::toString).toList());
        Set<String> areas = new TreeSet<>();
        samples.forEach(a -> a.areas().forEach(s -> areas.add(s.area())));
        assertThat(doc.select("#service-table tbody td.heat")).hasSize(n * areas.size());
        assertThat(doc.select("#service-table col.c-area").attr("span")).isEqualTo(Integer.toString(areas.size()));
        long withExposure = results.stream().filter(r -> r.assessment().exposure().perIncident() != null).count();
        assertThat(doc.select("svg.risk-map .mark")).hasSize((int) withExposure);
        assertThat(doc.select("#services > p.note").text()).startsWith(n + " services, written as tables of "
                + HtmlReport.ROWS_PER_TABLE + " rows");
        assertThat(doc.select("section.vendor")).hasSize(HtmlReport.DEFAULT_DETAIL_LIMIT);

        Document few = samples();
        assertThat(few.select("#service-table > div.part")).hasSize(1);
        assertThat(few.select("#service-table > div.part.lazy")).isEmpty();
        assertThat(few.select("#services > p.note")).isEmpty();
    }

    @Test
    void detailLevelsParseAndRefuseNonsense() {
        assertThat(HtmlReport.Detail.parse("all")).isEqualTo(HtmlReport.Detail.all());
        assertThat(HtmlReport.Detail.parse("high")).isEqualTo(HtmlReport.Detail.atLeast(Rating.HIGH));
        assertThat(HtmlReport.Detail.parse("250")).isEqualTo(HtmlReport.Detail.riskiest(250));
        assertThatThrownBy(() -> HtmlReport.Detail.parse("0")).hasMessage("unknown detail level '0'; use all, LOW,"
                + " MEDIUM, HIGH, CRITICAL (that rating or higher), or a number N (the N riskiest services)");
        assertThatThrownBy(() -> HtmlReport.Detail.parse("severe")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ratingsAreWordsNotOnlyColours() {
        Document doc = samples();
        assertThat(doc.select(".badge")).allSatisfy(b -> assertThat(b.text()).matches("CRITICAL|HIGH|MEDIUM|LOW|INFO"));
        assertThat(doc.select("svg.risk-map .mark")).allSatisfy(m -> assertThat(m.selectFirst("title").text())
                .contains(": score "));
        Set<String> shapes = doc.select("svg.risk-map .mark").stream().map(e -> e.tagName() + " " + e.className())
                .collect(Collectors.toSet());
        assertThat(shapes).contains("path mark r-critical", "circle mark r-low");
    }

    private static String sha256(String s) throws Exception {
        return "sha256-" + Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
