package dev.vendorrisk.service;

import static dev.vendorrisk.service.Http.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /assessments} and {@code /assessments/batch}: formats, names, status codes, diagnostics. */
@QuarkusTest
class AssessmentResourceTest {
    private static final Path PBX = Library.ROOT.resolve("samples/pbx-incident.yaml");
    private static final Path MSP = Library.ROOT.resolve("samples/well-run-msp.yaml");
    private static final Path TYPOS = Library.ROOT.resolve("examples/invalid/typos-and-types.yaml");

    @BeforeEach
    void fixTheClock() {
        QuarkusMock.installMockForType(Library.CLOCK, Clock.class);
    }

    private static String text(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static String json(Path yamlFile) throws IOException {
        return new ObjectMapper().writeValueAsString(new ObjectMapper(new YAMLFactory()).readTree(yamlFile.toFile()));
    }

    @Test
    void withoutANameTheProfileIsCalledRequest() throws IOException {
        given().contentType("application/yaml").body(text(PBX)).post("/assessments")
                .then().statusCode(200).contentType(startsWith("application/json"))
                .body("assessments[0].file", equalTo("request"))
                .body("assessments[0].rating", equalTo("CRITICAL"))
                .body("errors", hasSize(0));
    }

    @Test
    void theOtherYamlMediaTypesAreAcceptedToo() throws IOException {
        for (String type : new String[] {"application/x-yaml", "text/yaml"}) {
            given().contentType(type).body(text(PBX)).post("/assessments").then().statusCode(200);
        }
    }

    @Test
    void aProfileWithoutAnAssessmentDateIsJudgedOnTheServiceClock() throws IOException {
        String undated = text(PBX).replaceAll("(?m)^\\s*assessedOn:.*$", "");

        given().contentType("application/yaml").body(undated).post("/assessments")
                .then().statusCode(200).body("assessments[0].assessedOn", equalTo(Library.TODAY.toString()));
    }

    @Test
    void anInvalidJsonProfileGives400WithLineAndColumn() {
        String body = "{\n  \"schemaVersion\": 1,\n  \"vendr\": {\"id\": \"x\"}\n}";

        given().contentType("application/json").queryParam("name", "acme.json").body(body).post("/assessments")
                .then().statusCode(400).contentType(startsWith("application/json"))
                .body("assessments", hasSize(0))
                .body("errors.find { it.message.contains('vendr') }.file", equalTo("acme.json"))
                .body("errors.find { it.message.contains('vendr') }.line", equalTo(3))
                .body("errors.find { it.message.contains('vendr') }.column", equalTo(3))
                .body("summary.invalidFiles", equalTo(1));
    }

    @Test
    void brokenYamlGives400WithTheReadersDiagnostics() throws IOException {
        given().contentType("application/yaml").queryParam("name", "typos.yaml").body(text(TYPOS)).post("/assessments")
                .then().statusCode(400)
                .body("errors.message", org.hamcrest.Matchers.hasItem("unknown key 'suport'; did you mean 'support'?"))
                .body("errors.find { it.message.startsWith('unknown key') }.line", equalTo(10))
                .body("errors.find { it.message.startsWith('unknown key') }.column", equalTo(1));
    }

    @Test
    void anEmptyBodyGives400() {
        given().contentType("application/yaml").body("").post("/assessments")
                .then().statusCode(400).body("errors[0].file", equalTo("request"));
    }

    @Test
    void aBodyOverTheLimitGives413() {
        byte[] big = new byte[(1 << 20) + 1];
        java.util.Arrays.fill(big, (byte) '#');

        given().contentType("application/yaml").body(big).post("/assessments")
                .then().statusCode(413).contentType(startsWith("application/json"))
                .body("errors[0].message", containsString("over the limit of 1048576 bytes (vra.max-body-bytes)"));
        given().contentType("application/json").body(big).post("/assessments/batch").then().statusCode(413);
    }

    @Test
    void aBodyAtTheLimitIsRead() {
        byte[] comment = new byte[1 << 20];
        java.util.Arrays.fill(comment, (byte) '#');

        given().contentType("application/yaml").body(comment).post("/assessments")
                .then().statusCode(400).body("errors[0].message", containsString("empty"));
    }

    @Test
    void otherMediaTypesGive415NamingTheAcceptedOnes() throws IOException {
        given().contentType("text/plain").body(text(PBX)).post("/assessments").then().statusCode(415)
                .contentType(startsWith("application/json"))
                .body("message", equalTo("the body's media type 'text/plain' is not accepted; send one of:"
                        + " application/yaml, application/x-yaml, text/yaml, application/json"));
    }

    @Test
    void anAcceptTheServiceCannotAnswerWithGives406() throws IOException {
        given().contentType("application/yaml").accept("application/xml").body(text(PBX)).post("/assessments")
                .then().statusCode(406).contentType(startsWith("application/json"))
                .body("message", startsWith("cannot answer with 'application/xml'; accept one of: application/json"));
        given().accept("application/xml").get("/rules").then().statusCode(406)
                .body("message", equalTo("cannot answer with 'application/xml'; accept one of: application/json"));
    }

    @Test
    void anAcceptWithJsonAmongOthersIsAnsweredWithJson() throws IOException {
        given().contentType("application/yaml").accept("application/xml;q=0.9, application/*;q=0.5").body(text(PBX))
                .post("/assessments").then().statusCode(200).contentType(startsWith("application/json"));
    }

    @Test
    void aYamlBatchIsAssessedDocumentByDocument() throws IOException {
        String body = "---\n" + text(PBX) + "---\n# a comment-only document is skipped\n---\n" + text(MSP);

        given().contentType("application/yaml").queryParam("name", "vendors").body(body).post("/assessments/batch")
                .then().statusCode(200)
                .body("assessments.file", contains("vendors#1", "vendors#2"))
                .body("assessments.rating", contains("CRITICAL", "LOW"))
                .body("summary.vendors", equalTo(2));
    }

    @Test
    void anInvalidDocumentOfABatchIsReportedAtItsLineInTheBodyAndTheOthersStillAssessed() throws IOException {
        String pbx = text(PBX);
        String body = pbx + "---\n" + text(TYPOS);
        int firstLineOfSecond = (int) pbx.lines().count() + 2;

        given().contentType("application/yaml").body(body).post("/assessments/batch")
                .then().statusCode(400)
                .body("assessments.file", contains("request#1"))
                .body("errors.find { it.message.startsWith('unknown key') }.file", equalTo("request#2"))
                .body("errors.find { it.message.startsWith('unknown key') }.line", equalTo(firstLineOfSecond + 9));
    }

    @Test
    void aJsonBatchIsAnArrayOfProfiles() throws IOException {
        String body = "[\n" + json(PBX) + ",\n   " + json(MSP) + "\n]";

        given().contentType("application/json").body(body).post("/assessments/batch")
                .then().statusCode(200)
                .body("assessments.file", contains("request#1", "request#2"))
                .body("assessments.rating", contains("CRITICAL", "LOW"));
    }

    @Test
    void aJsonBatchElementsDiagnosticsPointIntoTheBody() throws IOException {
        String body = "[\n" + json(PBX) + ",\n   {\"schemaVersion\": 1, \"vendr\": {}}\n]";

        given().contentType("application/json").body(body).post("/assessments/batch")
                .then().statusCode(400)
                .body("errors.find { it.message.contains('vendr') }.file", equalTo("request#2"))
                .body("errors.find { it.message.contains('vendr') }.line", equalTo(3))
                .body("errors.find { it.message.contains('vendr') }.column", equalTo(25));
    }

    @Test
    void aJsonBatchMustBeAnArray() throws IOException {
        given().contentType("application/json").body(json(PBX)).post("/assessments/batch")
                .then().statusCode(400)
                .body("errors[0].message", containsString("a JSON batch is an array of profiles"));
        given().contentType("application/json").body("[ {\"schemaVersion\": 1,").post("/assessments/batch")
                .then().statusCode(400).body("errors[0].message", startsWith("invalid JSON: "));
        given().contentType("application/json").body("[]").post("/assessments/batch")
                .then().statusCode(400).body("errors[0].message", containsString("holds no profiles"));
    }

    @Test
    void aSingleProfileBatchEqualsTheSingleAssessmentButForTheName() throws IOException {
        String one = given().contentType("application/yaml").queryParam("name", "x#1").body(text(PBX))
                .post("/assessments").asString();
        String batch = given().contentType("application/yaml").queryParam("name", "x").body(text(PBX))
                .post("/assessments/batch").asString();

        assertThat(batch).isEqualTo(one);
    }
}
