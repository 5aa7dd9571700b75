package dev.vendorrisk.service;

import static dev.vendorrisk.service.Http.anonymous;
import static dev.vendorrisk.service.Http.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTML answers of the API ({@code Accept: text/html}) and the page for people at {@code GET /}. */
@QuarkusTest
class PageTest {
    private static final Path PBX = Library.ROOT.resolve("samples/pbx-incident.yaml");
    private static final Path MSP = Library.ROOT.resolve("samples/well-run-msp.yaml");
    private static final Path TYPOS = Library.ROOT.resolve("examples/invalid/typos-and-types.yaml");

    @BeforeEach
    void fixTheClock() {
        QuarkusMock.installMockForType(Library.CLOCK, Clock.class);
    }

    @Test
    void acceptTextHtmlGivesTheHtmlReportWithItsPolicy() throws IOException {
        Response response = given().contentType("application/yaml").accept("text/html").queryParam("name", "pbx.yaml")
                .body(Files.readString(PBX)).post("/assessments");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/html");
        assertThat(response.header("Content-Security-Policy")).startsWith("default-src 'none'");
        Document page = Jsoup.parse(response.asString());
        assertThat(page.text()).contains("Example PBX Hosting s.r.o.").contains("STAFF-001");
    }

    @Test
    void anInvalidBatchAsHtmlIs400WithTheDiagnostics() throws IOException {
        Response response = given().contentType("application/yaml").accept("text/html")
                .body(Files.readString(MSP) + "\n---\n" + Files.readString(TYPOS)).post("/assessments/batch");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("text/html");
        assertThat(Jsoup.parse(response.asString()).text()).contains("unknown key 'suport'; did you mean 'support'?")
                .contains("Nordic Managed IT AB");
    }

    @Test
    void theFormIsSelfContained() {
        Response response = anonymous().get("/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.header("Content-Security-Policy")).startsWith("default-src 'none'");
        Document page = Jsoup.parse(response.asString());
        assertThat(page.select("form[method=post][enctype=multipart/form-data]")).hasSize(1);
        assertThat(page.select("textarea[name=profile]")).hasSize(1);
        assertThat(page.select("input[type=file][name=files][multiple]")).hasSize(1);
        assertThat(page.select("input[name=apiKey][type=password]")).hasSize(1);
        assertThat(page.select("[src], link[href], script")).isEmpty(); // nothing to load, no script
    }

    @Test
    void apastedProfileAndFilesGiveOneReportInThePage() throws IOException {
        Response response = anonymous().multiPart("apiKey", Http.KEY).multiPart("profile", Files.readString(PBX))
                .multiPart("files", MSP.toFile(), "application/yaml").post("/");

        assertThat(response.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(response.asString());
        Element frame = page.selectFirst("iframe[sandbox=allow-scripts][srcdoc]");
        assertThat(frame).isNotNull();
        Document report = Jsoup.parse(frame.attr("srcdoc"));
        assertThat(report.text()).contains("Example PBX Hosting s.r.o.").contains("Nordic Managed IT AB")
                .contains(PageResource.PASTED).contains("well-run-msp.yaml");
        assertThat(page.selectFirst("textarea").text()).contains("pbx-hosting-example"); // the text stays in the form
    }

    @Test
    void anInvalidProfileShowsEachDiagnosticUnderItsLine() throws IOException {
        Response response = anonymous().multiPart("apiKey", Http.KEY).multiPart("profile", Files.readString(TYPOS)).post("/");

        assertThat(response.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(response.asString());
        Element line10 = page.selectFirst("ol.source li[value=10]");
        assertThat(line10).isNotNull();
        assertThat(line10.hasClass("bad")).isTrue();
        assertThat(line10.selectFirst("code").text()).startsWith("suport");
        assertThat(line10.selectFirst("p.problem").text())
                .isEqualTo("line 10, column 1: unknown key 'suport'; did you mean 'support'?");
        assertThat(page.select("ol.source li.bad")).hasSize(5);
    }

    @Test
    void thePageAsksForTheKeyAndKeepsTheBodyLimit() throws IOException {
        Response noKey = anonymous().multiPart("profile", Files.readString(PBX)).post("/");
        assertThat(noKey.statusCode()).isEqualTo(401);
        assertThat(Jsoup.parse(noKey.asString()).selectFirst("p.message").text()).startsWith("Enter your API key");

        Response wrongKey = anonymous().multiPart("apiKey", "nobody-has-this-key-00").multiPart("profile", "x: 1").post("/");
        assertThat(wrongKey.statusCode()).isEqualTo(401);

        String big = "#".repeat((1 << 20) + 1);
        Response tooLarge = anonymous().multiPart("apiKey", Http.KEY).multiPart("profile", big).post("/");
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(Jsoup.parse(tooLarge.asString()).selectFirst("p.message").text()).contains("vra.max-body-bytes");

        anonymous().multiPart("apiKey", Http.KEY).multiPart("profile", "").post("/").then().statusCode(400)
                .contentType(startsWith("text/html"));
    }
}
