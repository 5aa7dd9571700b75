package dev.vendorrisk.service;

import static dev.vendorrisk.service.Http.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.vendorrisk.assessor.batch.BatchInput;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The portfolio section of {@code POST /assessments/batch}: the rules of {@code rules/portfolio.drl},
 * compiled at build time, find over a batch exactly what {@code vra assess --format json} finds over
 * the same profiles (the library compiled at run time, driven by its {@code BatchAssessor}).
 */
@QuarkusTest
class BatchPortfolioTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path MSP = Library.ROOT.resolve("samples/well-run-msp.yaml");

    @BeforeEach
    void fixTheClock() {
        QuarkusMock.installMockForType(Library.CLOCK, Clock.class);
    }

    /** The valid samples, in path order. */
    private static List<Path> samples() throws IOException {
        try (Stream<Path> files = Files.list(Library.ROOT.resolve("samples"))) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    private static String text(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return text.endsWith("\n") ? text : text + "\n";
    }

    /** The documents as one multi-document YAML body. */
    private static String yamlBatch(List<String> documents) {
        return String.join("---\n", documents);
    }

    /**
     * The portfolio section {@code vra assess --format json} prints for the documents as files named
     * {@code <name>#1}, {@code <name>#2}, ... (only that section: the lines of the assessments' evidence
     * differ, the service counting them in the whole body).
     */
    private static JsonNode cliPortfolio(String name, List<String> documents) throws IOException {
        List<BatchInput> inputs = new ArrayList<>();
        for (String doc : documents) {
            inputs.add(BatchInput.bytes(name + "#" + (inputs.size() + 1), doc.getBytes(StandardCharsets.UTF_8)));
        }
        return JSON.readTree(Library.render(inputs)).get("portfolio");
    }

    private static Response postYaml(String name, String body) {
        return given().contentType("application/yaml").queryParam("name", name).body(body).post("/assessments/batch");
    }

    private static JsonNode portfolio(Response response) throws IOException {
        return JSON.readTree(response.asString()).get("portfolio");
    }

    private static List<String> ids(JsonNode portfolio) {
        List<String> ids = new ArrayList<>();
        portfolio.get("findings").forEach(f -> ids.add(f.get("id").asText()));
        return ids;
    }

    /** The value of the evidence at {@code path} of the first finding with {@code id}. */
    private static JsonNode evidence(JsonNode portfolio, String id, String path) {
        for (JsonNode f : portfolio.get("findings")) {
            if (f.get("id").asText().equals(id)) {
                for (JsonNode e : f.get("evidence")) {
                    if (e.get("path").asText().equals(path)) {
                        return e.get("value");
                    }
                }
            }
        }
        throw new AssertionError("no evidence '" + path + "' in a " + id + " finding of " + portfolio);
    }

    @Test
    void theSamplesAsABatchGiveTheCliReportWithItsPortfolio() throws IOException {
        List<String> samples = new ArrayList<>();
        for (Path p : samples()) {
            samples.add(text(p));
        }

        Response response = postYaml("samples", yamlBatch(samples));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode portfolio = portfolio(response);
        assertThat(portfolio).isEqualTo(cliPortfolio("samples", samples));
        assertThat(portfolio.get("services").asInt()).isEqualTo(samples.size());
        assertThat(ids(portfolio)).containsExactly("PORT-002", "PORT-002");
        assertThat(portfolio.get("findings").findValuesAsText("message"))
                .anySatisfy(m -> assertThat(m).contains("vendor.id: cloudcrm-global, exposure.currency: EUR"))
                .anySatisfy(m -> assertThat(m).contains("vendor.id: datahall-services, exposure.currency: CZK"));
        assertThat(portfolio.get("notes")).hasSize(2);
        assertThat(portfolio.get("notes").get(0).asText()).startsWith("the outage exposure of 1 of 5 services is unknown");
        assertThat(portfolio.get("notes").get(1).asText()).startsWith("exposures are in 2 currencies (CZK 2, EUR 2 services)");
    }

    @Test
    void theSamplesAsAJsonArrayGiveTheSamePortfolioAsYaml() throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<String> yamlDocs = new ArrayList<>();
        List<String> jsonDocs = new ArrayList<>();
        for (Path p : samples()) {
            yamlDocs.add(text(p));
            jsonDocs.add(JSON.writeValueAsString(yaml.readTree(p.toFile())));
        }

        Response fromJson = given().contentType("application/json").queryParam("name", "samples")
                .body("[\n" + String.join(",\n", jsonDocs) + "\n]").post("/assessments/batch");

        assertThat(fromJson.statusCode()).isEqualTo(200);
        assertThat(portfolio(fromJson)).isEqualTo(portfolio(postYaml("samples", yamlBatch(yamlDocs))));
    }

    @Test
    void twoHighServicesOfOneVendorGivePort001() throws IOException {
        String msp = text(MSP);
        String backup = msp.replace("name: Managed Microsoft 365 and endpoint management", "name: Offsite backup");
        List<String> docs = List.of(msp, backup);

        Response response = postYaml("msp", yamlBatch(docs));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode portfolio = portfolio(response);
        assertThat(portfolio).isEqualTo(cliPortfolio("msp", docs));
        assertThat(ids(portfolio)).containsExactly("PORT-001");
        assertThat(evidence(portfolio, "PORT-001", "vendor.id").asText()).isEqualTo("nordic-managed-it");
        assertThat(evidence(portfolio, "PORT-001", "services"))
                .isEqualTo(JSON.readTree("[\"msp#1\", \"msp#2\"]"));
    }

    @Test
    void aHighAndALowServiceOfOneVendorGiveNoPort001() throws IOException {
        String msp = text(MSP);
        String printing = msp.replace("name: Managed Microsoft 365 and endpoint management", "name: Print fleet")
                .replace("criticality: high", "criticality: low");
        List<String> docs = List.of(msp, printing);

        Response response = postYaml("msp", yamlBatch(docs));

        assertThat(portfolio(response)).isEqualTo(cliPortfolio("msp", docs));
        assertThat(ids(portfolio(response))).isEmpty();
    }

    @Test
    void aOnePersonProviderOfACriticalServiceWithACleanAlternativeGivesPort003() throws IOException {
        String pbx = text(Library.ROOT.resolve("samples/pbx-incident.yaml"));
        String otherTelephony = text(MSP).replace("id: nordic-managed-it", "id: nordic-voice")
                .replace("kind: msp", "kind: telephony");
        List<String> docs = List.of(pbx, otherTelephony);

        Response response = postYaml("voice", yamlBatch(docs));

        JsonNode portfolio = portfolio(response);
        assertThat(portfolio).isEqualTo(cliPortfolio("voice", docs));
        assertThat(ids(portfolio)).contains("PORT-003");
        assertThat(evidence(portfolio, "PORT-003", "vendor.id").asText()).isEqualTo("pbx-hosting-example");
    }

    @Test
    void anInvalidProfileIsLeftOutOfThePortfolio() throws IOException {
        List<String> docs = List.of(text(MSP), "schemaVersion: 1\nvendr: {}\n");

        Response response = postYaml("mixed", yamlBatch(docs));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(portfolio(response).get("services").asInt()).isEqualTo(1);
    }

    @Test
    void oneProfileGetsThePortfolioSectionAsFromTheCommandLine() throws IOException {
        String msp = text(MSP);

        Response response = given().contentType("application/yaml").queryParam("name", "msp.yaml").body(msp)
                .post("/assessments");

        assertThat(response.asString()).isEqualTo(Library.render("msp.yaml", msp.getBytes(StandardCharsets.UTF_8)));
        assertThat(portfolio(response).get("services").asInt()).isEqualTo(1);
        assertThat(portfolio(response).get("findings")).isEmpty();
    }

    @Test
    void aRequestRefusedBeforeAnyProfileIsReadHasNoPortfolio() throws IOException {
        Response response = given().contentType("application/json").body("[]").post("/assessments/batch");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.asString()).has("portfolio")).isFalse();
    }
}
