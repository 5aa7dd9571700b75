package dev.vendorrisk.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The page in a real browser (headless Chromium): a person pastes a profile and picks a file, and gets
 * the report in the page, drawn, with no console error and no request but to the service; with
 * scripts off the same works; printing gives a PDF. Screenshots go to target/screenshots for reviewers.
 */
@QuarkusTest
class PageBrowserTest {
    private static final Path PBX = Library.ROOT.resolve("samples/pbx-incident.yaml");
    private static final Path MSP = Library.ROOT.resolve("samples/well-run-msp.yaml");
    private static final Path SHOTS = Path.of("target", "screenshots");

    @BeforeEach
    void fixTheClock() {
        QuarkusMock.installMockForType(Library.CLOCK, Clock.class);
    }

    private static String base() {
        return "http://localhost:" + RestAssured.port;
    }

    @Test
    void aPastedProfileAndAPickedFileGiveTheReportInThePage() throws Exception {
        Browser.assumeAvailable();
        try (Browser browser = Browser.start(true)) {
            browser.open(base() + "/");
            browser.type(browser.find("#apiKey"), Http.KEY);
            browser.script("arguments[0].value = arguments[1];", java.util.Map.of("element-6066-11e4-a52e-4f735466cecf",
                    browser.find("#profile")), Files.readString(PBX, StandardCharsets.UTF_8));
            browser.type(browser.find("#files"), MSP.toAbsolutePath().toString());
            browser.click(browser.find("button[type=submit]"));

            String frame = browser.find("iframe[title=Report]");
            browser.frame(frame);
            String body = browser.text(browser.find("body"));
            assertThat(body).contains("Example PBX Hosting s.r.o.").contains("Nordic Managed IT AB");
            int charts = browser.count("svg.chart");
            assertThat(charts).isPositive();
            // every chart drew its marks: as many bars as it says, and a box the size of a chart
            var drawn = browser.script("return Array.from(document.querySelectorAll('svg.chart')).map(s => ({"
                    + " marks: +s.dataset.marks, bars: s.querySelectorAll('rect.bar').length,"
                    + " bars_chart: s.classList.contains('bars'), w: s.getBoundingClientRect().width }));");
            assertThat(drawn.size()).isEqualTo(charts);
            drawn.forEach(c -> {
                assertThat(c.path("w").asDouble()).as("chart width %s", c).isPositive();
                if (c.path("bars_chart").asBoolean()) {
                    assertThat(c.path("bars").asInt()).as("bars of %s", c).isEqualTo(c.path("marks").asInt());
                }
            });
            browser.parentFrame();

            assertThat(browser.console("SEVERE")).isEmpty();
            List<String> requests = browser.requests();
            assertThat(requests).isNotEmpty().allSatisfy(url -> assertThat(url).satisfiesAnyOf(
                    u -> assertThat(u).startsWith(base()), u -> assertThat(u).startsWith("about:"),
                    u -> assertThat(u).startsWith("data:")));
            byte[] pdf = browser.pdf();
            assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
            Files.createDirectories(SHOTS);
            Files.write(SHOTS.resolve("service-page-report.png"), browser.screenshot());
            Files.write(SHOTS.resolve("service-page-report.pdf"), pdf);
        }
    }

    @Test
    void withScriptsOffAnInvalidProfileShowsItsDiagnosticsAtTheirLines() throws Exception {
        Browser.assumeAvailable();
        try (Browser browser = Browser.start(false)) {
            browser.open(base() + "/");
            browser.type(browser.find("#apiKey"), Http.KEY);
            browser.type(browser.find("#profile"), "schemaVersion: 1\nvendor:\n  id: example-hosting\nsuport:\n  hours: 24x7\n");
            browser.click(browser.find("button[type=submit]"));

            String problem = browser.find("ol.source li.bad p.problem");
            assertThat(browser.text(problem)).isEqualTo("line 4, column 1: unknown key 'suport'; did you mean 'support'?");
            assertThat(browser.attribute(browser.find("ol.source li.bad"), "value")).isEqualTo("4");
            assertThat(browser.count("iframe[title=Report]")).isEqualTo(1);
            // the page answers 400 for an invalid profile, which the console notes; nothing else may be there
            assertThat(browser.console("SEVERE")).allSatisfy(m -> assertThat(m).contains("status of 400"));
            Files.createDirectories(SHOTS);
            Files.write(SHOTS.resolve("service-page-diagnostics.png"), browser.screenshot());
        }
    }
}
