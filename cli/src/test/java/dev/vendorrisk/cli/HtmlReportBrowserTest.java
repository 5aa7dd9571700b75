package dev.vendorrisk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The html report in a real browser (headless Chromium over the DevTools protocol): the reports of
 * every sample, of the samples folder as a portfolio and of a generated 1,000-service portfolio open
 * without a console error or a single network request, every chart draws as many marks as the JSON
 * report has data for, the page is complete with scripts off, sorting and filtering work with them
 * on, and printing to PDF succeeds (for the samples' reports: printing the 200 detailed services of the
 * generated portfolio takes minutes on a busy machine, and tests the browser more than the page).
 * Screenshots and PDFs land in {@code target/browser/} for reviewers.
 *
 * <p>Skipped with a message when there is no Chromium; {@code -Dvra.browser.required=true} (CI) makes
 * that a failure.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HtmlReportBrowserTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path OUT = Path.of("target", "browser").toAbsolutePath();
    private static final int PORTFOLIO = 1000;
    /** CSS pixels across a landscape US Letter page less Chromium's default print margins (11 in - 2 x 0.4 in). */
    private static final int LANDSCAPE_LETTER_PX = 979;

    private Chromium browser;

    @BeforeAll
    void start() throws Exception {
        Path binary = Chromium.binaryOrSkip();
        Files.createDirectories(OUT);
        browser = new Chromium(binary);
    }

    @AfterAll
    void stop() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    /** Each sample alone, each broken example alone, the samples folder as one portfolio, and with the broken ones. */
    static List<String> reports() throws IOException {
        List<String> names = new ArrayList<>();
        for (String folder : List.of("samples", "examples/invalid")) {
            try (Stream<Path> walk = Files.walk(CliRunner.ROOT.resolve(folder))) {
                walk.filter(p -> p.toString().endsWith(".yaml")).sorted()
                        .forEach(p -> names.add(CliRunner.ROOT.relativize(p).toString().replace('\\', '/')));
            }
        }
        names.add("samples");
        names.add("samples+examples/invalid");
        return names;
    }

    /** Writes the html and json reports of {@code input} (relative to the repository) and returns the html file. */
    private static Path render(String input, String name, String... extra) {
        Path html = OUT.resolve(name + ".html");
        Path json = OUT.resolve(name + ".json");
        List<String> args = new ArrayList<>(List.of("assess", "--no-progress", "-o", "html=" + html, "-o", "json=" + json));
        args.addAll(List.of(extra));
        for (String in : input.split("\\+")) {
            args.add(in.startsWith("/") ? in : CliRunner.path(in));
        }
        CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isIn(ExitCodes.OK, ExitCodes.INVALID_INPUT);
        return html;
    }

    private static String name(String input) {
        return input.replace("samples/", "").replace(".yaml", "").replace('/', '-').replace('+', '-');
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reports")
    void theReportOpensWithoutErrorsOrNetworkAndEveryChartIsDrawnAndItPrints(String input) throws IOException {
        String name = name(input);
        Path html = render(input, name);
        JsonNode json = JSON.readTree(OUT.resolve(name + ".json").toFile());
        try (Chromium.Tab tab = browser.open(true)) {
            tab.load(html);
            assertClean(tab, html);
            assertChartsMatch(tab, json);
            assertThat(tab.eval("document.querySelectorAll('section.vendor').length").asInt())
                    .isEqualTo(json.get("assessments").size());
            Files.write(OUT.resolve(name + ".png"), tab.screenshot());
            byte[] pdf = tab.pdf();
            assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
            Files.write(OUT.resolve(name + ".pdf"), pdf);
            int vendors = json.get("assessments").size();
            assertThat(pages(pdf)).as("a page break between vendors").isGreaterThanOrEqualTo(Math.max(1, vendors));
            assertClean(tab, html);
        }
    }

    @Test
    void withScriptsOffThePageShowsEverythingItShowsWithScriptsOn() {
        Path html = render("samples+examples/invalid", "samples-scripts");
        String counts = "['section.vendor','tr.finding','li.gap','li.recommendation','svg.chart','svg .mark','rect.bar',"
                + "'#service-table tbody tr','td.heat','#invalid li.diagnostic']"
                + ".map(s => s + '=' + document.querySelectorAll(s).length).join(' ')";
        String on;
        String off;
        try (Chromium.Tab tab = browser.open(true)) {
            tab.load(html);
            on = tab.eval(counts).asText();
            assertThat(tab.eval("document.querySelectorAll('input.filter').length").asInt()).isPositive();
        }
        try (Chromium.Tab tab = browser.open(false)) {
            tab.load(html);
            assertClean(tab, html);
            off = tab.eval(counts).asText();
            assertThat(tab.eval("document.querySelectorAll('input.filter').length").asInt())
                    .as("no dead controls without scripts").isZero();
            assertThat(tab.eval("document.body.innerText.includes('Services in detail')").asBoolean()).isTrue();
            assertThat(tab.pdf().length).isGreaterThan(10_000);
        }
        assertThat(off).isEqualTo(on).contains("section.vendor=5");
    }

    @Test
    void theServicesTableSortsAndFilters() {
        Path html = render("samples", "samples-sorting");
        try (Chromium.Tab tab = browser.open(true)) {
            tab.load(html);
            String scores = "[...document.querySelectorAll('#service-table tbody tr')].filter(r => !r.hidden)"
                    + ".map(r => parseFloat(r.cells[6].textContent))";
            tab.eval("document.querySelectorAll('#service-table thead th')[6].click()");
            List<Double> down = doubles(tab.eval(scores));
            assertThat(down).isSortedAccordingTo((a, b) -> Double.compare(b, a));
            tab.eval("document.querySelectorAll('#service-table thead th')[6].click()");
            assertThat(doubles(tab.eval(scores))).isSorted();
            tab.eval("const f = document.querySelector('input.filter'); f.value = 'critical';"
                    + " f.dispatchEvent(new Event('input'))");
            assertThat(tab.eval("[...document.querySelectorAll('#service-table tbody tr')].filter(r => !r.hidden)"
                    + ".every(r => r.dataset.rating === 'CRITICAL')").asBoolean()).isTrue();
            assertThat(doubles(tab.eval(scores))).hasSize(3);
            assertClean(tab, html);
        }
    }

    /** The generated portfolio of {@value #PORTFOLIO} profiles (2 % invalid), made once per build folder. */
    private static Path portfolio() throws Exception {
        Path profiles = OUT.resolve("portfolio-" + PORTFOLIO);
        if (!Files.isDirectory(profiles)) {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    CliRunner.path("bench/GenerateProfiles.java"), Integer.toString(PORTFOLIO), profiles.toString(), "7")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
        }
        return profiles;
    }

    /**
     * Above 500 services the services table is written as several tables of the same columns, the full ones laid
     * out only when seen: every service is still listed, in file order, with scripts on and off; sorting orders all
     * rows across the tables and filtering hides the tables left without a row.
     */
    @Test
    void aThousandServicePortfolioOpensListsEveryServiceAndSortsAndFiltersAcrossItsTables() throws Exception {
        Path html = render(portfolio().toString(), "portfolio-" + PORTFOLIO);
        JsonNode json = JSON.readTree(OUT.resolve("portfolio-" + PORTFOLIO + ".json").toFile());
        JsonNode assessments = json.get("assessments");
        assertThat(assessments.size()).isGreaterThan(900);
        List<String> files = new ArrayList<>();
        assessments.forEach(a -> files.add(a.get("file").asText()));
        String listed = "[...document.querySelectorAll('#service-table tbody tr')].map(r => r.cells[3].textContent)";
        String perPart = "[...document.querySelectorAll('#service-table > .part')].map(p => (p.hidden ? 'hidden ' : '')"
                + " + (p.classList.contains('lazy') ? 'lazy ' : '') + p.querySelectorAll('tbody tr').length)";
        int n = assessments.size();
        try (Chromium.Tab tab = browser.open(true)) {
            long ms = tab.load(html);
            System.out.printf("html report of %d files (%,d bytes) loaded in Chromium in %d ms%n", PORTFOLIO,
                    Files.size(html), ms);
            assertClean(tab, html);
            assertChartsMatch(tab, json);
            assertThat(strings(tab.eval(listed))).containsExactlyElementsOf(files);
            assertThat(strings(tab.eval(perPart))).containsExactly("lazy 500", Integer.toString(n - 500));
            Files.write(OUT.resolve("portfolio-" + PORTFOLIO + ".png"), tab.screenshot());

            tab.eval("document.querySelectorAll('#service-table thead th')[6].click()");
            List<Double> scores = doubles(tab.eval("[...document.querySelectorAll('#service-table tbody tr')]"
                    + ".map(r => parseFloat(r.cells[6].textContent))"));
            assertThat(scores).hasSize(n).isSortedAccordingTo((a, b) -> Double.compare(b, a));
            assertThat(strings(tab.eval(perPart))).containsExactly("lazy 500", Integer.toString(n - 500));
            assertThat(strings(tab.eval("[...document.querySelectorAll('#service-table thead th:nth-child(7)')]"
                    + ".map(h => h.getAttribute('aria-sort'))"))).containsExactly("descending", "descending");

            String last = files.get(files.size() - 1);
            filter(tab, last);
            assertThat(strings(tab.eval("[...document.querySelectorAll('#service-table tbody tr')].filter(r => !r.hidden)"
                    + ".map(r => r.cells[3].textContent)"))).containsExactly(last);
            assertThat(strings(tab.eval(perPart)).stream().filter(p -> !p.startsWith("hidden"))).hasSize(1);
            filter(tab, "");
            assertThat(strings(tab.eval(perPart))).noneMatch(p -> p.startsWith("hidden"));
            assertClean(tab, html);
        }
        try (Chromium.Tab tab = browser.open(false)) {
            tab.load(html);
            assertClean(tab, html);
            assertThat(strings(tab.eval(listed))).containsExactlyElementsOf(files);
            assertThat(tab.eval("document.querySelectorAll('#service-table tbody td.heat').length").asInt())
                    .isEqualTo(tab.eval("document.querySelector('#service-table thead').querySelectorAll('th.area').length")
                            .asInt() * n);
        }
    }

    /**
     * "Print to PDF" of a many-service report: the print style sheet puts each detailed vendor on a new page, prints
     * every row of the services table (the tables laid out when seen on screen are laid out for print), keeps rows
     * whole and repeats table headers, and leaves out the contents list and the filter boxes. The generated
     * {@value #PORTFOLIO}-file portfolio, with 10 services in detail to keep the test's time modest (printing 200
     * takes minutes on a busy machine).
     */
    @Test
    void aManyServiceReportPrintsAPageForEachVendorEveryRowAndNoScreenControls() throws Exception {
        int detailed = 10;
        Path html = render(portfolio().toString(), "portfolio-print", "--html-detail", Integer.toString(detailed));
        JsonNode json = JSON.readTree(OUT.resolve("portfolio-print.json").toFile());
        int n = json.get("assessments").size();
        try (Chromium.Tab tab = browser.open(true)) {
            tab.load(html);
            assertThat(tab.eval("document.querySelectorAll('section.vendor').length").asInt()).isEqualTo(detailed);
            assertThat(tab.eval("document.querySelectorAll('input.filter').length").asInt()).isPositive();
            tab.call("Emulation.setEmulatedMedia", Map.of("media", "print"));
            // the services table goes on landscape pages: US Letter less Chromium's default margins of 0.4 in
            tab.call("Emulation.setDeviceMetricsOverride", Map.of("width", LANDSCAPE_LETTER_PX, "height", 1600,
                    "deviceScaleFactor", 1, "mobile", false));
            String printed = "(() => { const all = (sel, f) => [...document.querySelectorAll(sel)].every(e => f(getComputedStyle(e)));"
                    + " return {"
                    + " filtersHidden: all('input.filter', s => s.display === 'none'),"
                    + " navHidden: all('nav', s => s.display === 'none'),"
                    + " vendorsOnNewPages: all('section.vendor', s => s.breakBefore === 'page'),"
                    + " partsLaidOut: all('#service-table > .part', s => s.contentVisibility === 'visible'),"
                    + " rowsWhole: all('tr', s => s.breakInside === 'avoid'),"
                    + " headersRepeated: all('thead', s => s.display === 'table-header-group'),"
                    + " noSortArrows: [...document.querySelectorAll('th.sortable')].every(h =>"
                    + "   ['none', 'normal', '\"\"'].includes(getComputedStyle(h, '::after').content)),"
                    + " servicesLandscape: getComputedStyle(document.querySelector('#services')).page === 'services',"
                    + " servicesFitThePage: [...document.querySelectorAll('#service-table table')].every(t =>"
                    + "   t.getBoundingClientRect().right <= document.documentElement.clientWidth + 1),"
                    + " sortableHeaders: document.querySelectorAll('th.sortable').length }; })()";
            JsonNode print = tab.eval(printed);
            assertThat(print.get("sortableHeaders").asInt()).isPositive();
            print.fieldNames().forEachRemaining(k -> assertThat(print.get(k).asBoolean(true)).as(k).isTrue());
            tab.call("Emulation.setEmulatedMedia", Map.of("media", ""));
            long start = System.nanoTime();
            byte[] pdf = tab.pdf();
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            Files.write(OUT.resolve("portfolio-print.pdf"), pdf);
            String text = new String(pdf, StandardCharsets.ISO_8859_1);
            assertThat(text).startsWith("%PDF-");
            assertThat(text.stripTrailing()).endsWith("%%EOF");
            int pages = pages(pdf);
            System.out.printf("the html report of %d services with %d in detail printed to %d PDF pages in %d ms%n", n,
                    detailed, pages, ms);
            // a page per detailed vendor, and the services table cannot fit fewer than 60 rows on a page
            assertThat(pages).as("a page per vendor in detail, after the overview")
                    .isGreaterThanOrEqualTo(detailed + n / 60);
            assertClean(tab, html);
        }
    }

    /**
     * {@code vra diff -o html}: a year on, two reviews are overdue, one vendor is gone and one is new. The page
     * opens clean, its charts draw, it has a section per changed service and a row per finding of {@code -f json},
     * it shows the same with scripts off, and it prints.
     */
    @Test
    void theDiffPageOpensWithoutErrorsOrNetworkShowsTheSameWithScriptsOffAndPrints() throws IOException {
        Path older = OUT.resolve("diff-last-year.json");
        Path newer = OUT.resolve("diff-today.json");
        assess("2026-11-30", older, "pbx-incident", "well-run-msp", "many-unknowns", "large-saas-with-sla");
        assess("2027-12-01", newer, "pbx-incident", "well-run-msp", "large-saas-with-sla", "fresh-spinoff");
        Path html = OUT.resolve("diff.html");
        CliRunner.Result r = CliRunner.run("diff", "-o", "html=" + html, older.toString(), newer.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        JsonNode json = JSON.readTree(CliRunner.run("diff", "-f", "json", older.toString(), newer.toString()).out());
        int findings = 0;
        for (JsonNode service : json.get("changed")) {
            findings += service.get("findings").size();
        }
        assertThat(findings).isPositive();
        String counts = "['svg.chart','rect.bar','section.service-diff','tr.finding','tr.move','tr.added-service',"
                + "'tr.removed-service'].map(s => s + '=' + document.querySelectorAll(s).length).join(' ')";
        String on;
        try (Chromium.Tab tab = browser.open(true)) {
            tab.load(html);
            assertClean(tab, html);
            assertThat(assertChartsDrawn(tab).size()).isEqualTo(2);
            on = tab.eval(counts).asText();
            assertThat(tab.eval("document.querySelectorAll('input.filter').length").asInt()).isPositive();
            Files.write(OUT.resolve("diff.png"), tab.screenshot());
            byte[] pdf = tab.pdf();
            assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
            Files.write(OUT.resolve("diff.pdf"), pdf);
            assertClean(tab, html);
        }
        assertThat(on).isEqualTo("svg.chart=2 rect.bar=9 section.service-diff=" + json.get("changed").size()
                + " tr.finding=" + findings + " tr.move=2 tr.added-service=1 tr.removed-service=1");
        try (Chromium.Tab tab = browser.open(false)) {
            tab.load(html);
            assertClean(tab, html);
            assertThat(tab.eval(counts).asText()).isEqualTo(on);
            assertThat(tab.eval("document.querySelectorAll('input.filter').length").asInt()).isZero();
        }
    }

    /**
     * {@code vra compare -o html}: three candidates. The page opens clean, its chart draws, it has a row per
     * candidate, per finding and per differing fact of {@code -o json}, it shows the same with scripts off,
     * and it prints.
     */
    @Test
    void theComparePageOpensWithoutErrorsOrNetworkShowsTheSameWithScriptsOffAndPrints() throws IOException {
        Path html = OUT.resolve("compare.html");
        Path jsonFile = OUT.resolve("compare.json");
        CliRunner.Result r = CliRunner.run("compare", "--today", "2026-11-30", "-o", "html=" + html, "-o",
                "json=" + jsonFile, CliRunner.path("samples/pbx-incident.yaml"), CliRunner.path("samples/well-run-msp.yaml"),
                CliRunner.path("samples/fresh-spinoff.yaml"));
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        JsonNode json = JSON.readTree(jsonFile.toFile());
        String counts = "['svg.chart','rect.bar','tr.candidate','tr.finding','table.facts-differ tbody tr']"
                + ".map(s => s + '=' + document.querySelectorAll(s).length).join(' ')";
        String expected = "svg.chart=1 rect.bar=3 tr.candidate=3 tr.finding=" + json.get("findings").size()
                + " table.facts-differ tbody tr=" + json.get("facts").size();
        try (Chromium.Tab tab = browser.open(true)) {
            tab.load(html);
            assertClean(tab, html);
            assertThat(assertChartsDrawn(tab).size()).isEqualTo(1);
            assertThat(tab.eval(counts).asText()).isEqualTo(expected);
            Files.write(OUT.resolve("compare.png"), tab.screenshot());
            byte[] pdf = tab.pdf();
            assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
            Files.write(OUT.resolve("compare.pdf"), pdf);
            assertClean(tab, html);
        }
        try (Chromium.Tab tab = browser.open(false)) {
            tab.load(html);
            assertClean(tab, html);
            assertThat(tab.eval(counts).asText()).isEqualTo(expected);
        }
    }

    private static void assess(String today, Path json, String... samples) {
        List<String> args = new ArrayList<>(List.of("assess", "--no-progress", "--today", today, "-o", "json=" + json));
        for (String sample : samples) {
            args.add(CliRunner.path("samples/" + sample + ".yaml"));
        }
        CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
    }

    /** No console message, exception or CSP report, and no request but the page itself; no resource was fetched. */
    private static void assertClean(Chromium.Tab tab, Path html) {
        assertThat(tab.errors).as("console errors and exceptions").isEmpty();
        assertThat(tab.requests).as("network requests").allSatisfy(u -> assertThat(u).isEqualTo(html.toUri().toString()));
        assertThat(tab.eval("performance.getEntriesByType('resource').length").asInt()).as("resources loaded").isZero();
    }

    /**
     * Every chart draws what it says, and what it says matches the JSON report of the same run: a bar per
     * rating with its count, a mark per service with a known exposure on its currency's map, a heat-map
     * cell per service and area. Each mark has a size on the screen and sits inside its chart.
     */
    private static void assertChartsMatch(Chromium.Tab tab, JsonNode json) {
        JsonNode charts = assertChartsDrawn(tab);
        JsonNode assessments = json.get("assessments");
        if (assessments.size() < 2) {
            assertThat(tab.eval("document.querySelectorAll('#overview').length").asInt()).isZero();
            return;
        }
        assertThat(charts.size()).isGreaterThanOrEqualTo(4);
        Map<String, Integer> perCurrency = new TreeMap<>();
        TreeSet<String> areas = new TreeSet<>();
        for (JsonNode a : assessments) {
            if (!a.get("exposure").get("perIncident").isNull()) {
                perCurrency.merge(a.get("exposure").get("currency").asText(), 1, Integer::sum);
            }
            a.get("areas").forEach(s -> areas.add(s.get("area").asText()));
        }
        Map<String, Integer> maps = new TreeMap<>();
        for (JsonNode c : charts) {
            if (c.get("cls").asText().contains("risk-map")) {
                maps.put(c.get("currency").asText(), c.get("marks").asInt());
            }
            if (c.get("cls").asText().contains("ratings")) {
                List<String> values = new ArrayList<>();
                c.get("values").forEach(v -> values.add(v.asText()));
                JsonNode r = json.get("summary").get("ratings");
                assertThat(values).containsExactly(r.get("CRITICAL").asText(), r.get("HIGH").asText(),
                        r.get("MEDIUM").asText(), r.get("LOW").asText());
            }
        }
        assertThat(maps).isEqualTo(perCurrency);
        assertThat(tab.eval("document.querySelectorAll('#service-table tbody td.heat').length").asInt())
                .isEqualTo(assessments.size() * areas.size());
        assertThat(tab.eval("document.querySelectorAll('#service-table tbody tr').length").asInt())
                .isEqualTo(assessments.size());
    }

    /** Every chart has as many marks as it declares, each with a size on the screen and inside its chart. */
    private static JsonNode assertChartsDrawn(Chromium.Tab tab) {
        JsonNode charts = tab.eval("[...document.querySelectorAll('svg.chart')].map(svg => {"
                + " const box = svg.viewBox.baseVal; const marks = [...svg.querySelectorAll('rect.bar, .mark')];"
                + " return { cls: svg.getAttribute('class'), currency: svg.dataset.currency || null,"
                + "  declared: parseInt(svg.dataset.marks), marks: marks.length,"
                + "  drawn: marks.filter(m => { const b = m.getBBox(); return (b.width > 0 || m.dataset.value === '0')"
                + "   && b.x >= 0 && b.y >= 0 && b.x + b.width <= box.width + 0.5 && b.y + b.height <= box.height + 0.5; }).length,"
                + "  values: marks.map(m => m.dataset.value || null) }; })");
        for (JsonNode c : charts) {
            assertThat(c.get("marks").asInt()).as(c.get("cls").asText()).isEqualTo(c.get("declared").asInt());
            assertThat(c.get("drawn").asInt()).as("marks drawn inside " + c.get("cls").asText())
                    .isEqualTo(c.get("marks").asInt());
        }
        return charts;
    }

    /** Types {@code text} into the services table's filter box. */
    private static void filter(Chromium.Tab tab, String text) {
        tab.eval("(() => { const f = document.querySelector('#services input.filter'); f.value = " + JSON.valueToTree(text)
                + "; f.dispatchEvent(new Event('input')); })()");
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    private static List<Double> doubles(JsonNode array) {
        List<Double> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asDouble()));
        return out;
    }

    /** Pages of a PDF as Chromium writes them: one {@code /Type /Page} object each. */
    private static int pages(byte[] pdf) {
        String s = new String(pdf, StandardCharsets.ISO_8859_1);
        int n = 0;
        for (int i = s.indexOf("/Type /Page"); i >= 0; i = s.indexOf("/Type /Page", i + 1)) {
            if (!s.startsWith("/Type /Pages", i)) {
                n++;
            }
        }
        return n;
    }
}
