package dev.vendorrisk.service;

import static dev.vendorrisk.service.Http.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document is complete and true. The reference parser (swagger-parser) validates it; every
 * operation has an id, a summary, parameters with descriptions, request and response schemas and every
 * status it can answer; and a client driven by the document alone (its operations, parameters' and
 * bodies' examples, media types) calls the running service, which must answer only statuses the
 * document lists for that operation, with bodies valid against the schemas it gives for them.
 */
@QuarkusTest
class OpenApiContractTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> EVERY_OPERATION = Set.of("401", "406", "503");
    private static final Set<String> WITH_A_BODY = Set.of("200", "400", "408", "413", "415", "500");

    private OpenApiDocument doc;

    @BeforeEach
    void readTheDocument() throws IOException {
        doc = new OpenApiDocument(given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString());
        Files.writeString(Path.of("target", "openapi.json"), doc.text()); // for reviewers and client generators
    }

    @Test
    void theReferenceParserFindsNoProblem() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setValidateInternalRefs(true);

        SwaggerParseResult result = new OpenAPIV3Parser().readContents(doc.text(), null, options);

        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI().getOpenapi()).startsWith("3.0");
        assertThat(result.getOpenAPI().getPaths()).containsKeys("/assessments", "/assessments/batch", "/rules", "/rules/{id}");
    }

    @Test
    void theSchemasCatchAReportThatDriftsFromTheDocument() throws IOException {
        JsonNode report = doc.resolve("/components/examples/report").getValue().get("value").deepCopy();
        assertThat(doc.validate("/components/schemas/Report", report)).isEmpty();

        ((com.fasterxml.jackson.databind.node.ObjectNode) report.get("assessments").get(0).get("exposure")).putNull("currency");
        assertThat(doc.validate("/components/schemas/Report", report)).as("a currency not known is null").isEmpty();

        ((com.fasterxml.jackson.databind.node.ObjectNode) report.get("assessments").get(0)).put("grade", "A");
        ((com.fasterxml.jackson.databind.node.ObjectNode) report.get("summary")).put("files", "one");
        assertThat(doc.validate("/components/schemas/Report", report)).extracting(Object::toString)
                .anySatisfy(m -> assertThat(m).contains("grade"))
                .anySatisfy(m -> assertThat(m).contains("files"));
    }

    @Test
    void everyOperationIsDescribedCompletely() {
        Set<String> ids = new HashSet<>();
        for (OpenApiDocument.Operation op : doc.operations()) {
            JsonNode node = op.node();
            assertThat(op.id()).as("%s operationId", op).isNotBlank();
            assertThat(ids.add(op.id())).as("%s: operationId '%s' is used twice", op, op.id()).isTrue();
            assertThat(node.path("summary").asText()).as("%s summary", op).isNotBlank();
            assertThat(node.path("tags")).as("%s tags", op).isNotEmpty();
            for (JsonNode parameter : node.path("parameters")) {
                assertThat(parameter.path("in").asText()).as("%s: header parameters are the transport's, not the API's", op)
                        .isNotEqualTo("header");
                assertThat(parameter.path("description").asText()).as("%s parameter %s", op, parameter).isNotBlank();
                assertThat(parameter.has("example") || parameter.has("examples")).as("%s parameter %s example", op, parameter).isTrue();
            }
            Set<String> statuses = new HashSet<>();
            node.path("responses").fieldNames().forEachRemaining(statuses::add);
            assertThat(statuses).as("%s statuses", op).containsAll(EVERY_OPERATION);
            if (node.has("requestBody")) {
                assertThat(statuses).as("%s statuses", op).containsAll(WITH_A_BODY);
                JsonNode content = doc.resolve(op.pointer() + "/requestBody").getValue().path("content");
                assertThat(content).as("%s request media types", op).isNotEmpty();
                content.forEach(media -> assertThat(media.has("schema")).as("%s request schema", op).isTrue());
            }
            for (String status : statuses) {
                JsonNode response = doc.resolve(op.pointer() + "/responses/" + status).getValue();
                assertThat(response.path("description").asText()).as("%s %s description", op, status).isNotBlank();
                assertThat(response.path("content")).as("%s %s content", op, status).isNotEmpty();
                response.path("content").forEach(media ->
                        assertThat(media.has("schema")).as("%s %s schema", op, status).isTrue());
            }
        }
        assertThat(ids).containsExactlyInAnyOrder("assess", "assessBatch", "listRules", "getRules");
    }

    @Test
    void everyExampleInTheDocumentMatchesItsSchema() throws IOException {
        int checked = 0;
        for (OpenApiDocument.Operation op : doc.operations()) {
            List<String> contents = new ArrayList<>();
            if (op.node().has("requestBody")) {
                contents.add(doc.resolve(op.pointer() + "/requestBody").getKey() + "/content");
            }
            for (Iterator<String> s = op.node().path("responses").fieldNames(); s.hasNext(); ) {
                contents.add(doc.resolve(op.pointer() + "/responses/" + s.next()).getKey() + "/content");
            }
            for (String content : contents) {
                for (Iterator<String> types = doc.at(content).fieldNames(); types.hasNext(); ) {
                    String type = types.next();
                    String media = content + "/" + OpenApiDocument.escape(type);
                    for (JsonNode example : examples(media)) {
                        if (type.contains("yaml")) {
                            // a YAML body: each of its documents must be a profile the JSON schema accepts
                            try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(example.asText())) {
                                for (JsonNode profile : docs.readAll()) {
                                    assertThat(doc.validate("/components/schemas/Profile", profile)).as("%s %s", media, profile).isEmpty();
                                    checked++;
                                }
                            }
                        } else if (type.equals("application/json")) {
                            assertThat(doc.validate(media + "/schema", example)).as("example of %s", media).isEmpty();
                            checked++;
                        }
                    }
                }
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(12);
    }

    @Test
    void theServiceAnswersEveryExampleRequestAsDocumented() throws IOException {
        int calls = 0;
        for (OpenApiDocument.Operation op : doc.operations()) {
            if (!op.node().has("requestBody")) {
                Response response = request(op).accept("application/json").request(op.method(), url(op));
                assertThat(response.statusCode()).as("%s", op).isEqualTo(200);
                conforms(op, response);
                calls++;
                continue;
            }
            String content = doc.resolve(op.pointer() + "/requestBody").getKey() + "/content";
            for (Iterator<String> types = doc.at(content).fieldNames(); types.hasNext(); ) {
                String type = types.next();
                for (JsonNode example : examples(content + "/" + OpenApiDocument.escape(type))) {
                    Response response = request(op).contentType(type).accept("application/json")
                            .body(example.isTextual() ? example.asText() : JSON.writeValueAsString(example))
                            .request(op.method(), url(op));
                    assertThat(response.statusCode()).as("%s with the %s example", op, type).isEqualTo(200);
                    conforms(op, response);
                    calls++;
                }
            }
        }
        assertThat(calls).isGreaterThanOrEqualTo(6);
    }

    @Test
    void anAcceptNoOperationCanServeGetsTheDocumented406() throws IOException {
        for (OpenApiDocument.Operation op : doc.operations()) {
            RequestSpecification request = request(op).accept("application/xml");
            if (op.node().has("requestBody")) {
                request = request.contentType("application/yaml").body("schemaVersion: 1\nvendor: {id: x}\n");
            }
            Response response = request.request(op.method(), url(op));

            assertThat(response.statusCode()).as("%s", op).isEqualTo(406);
            conforms(op, response);
            assertThat(response.jsonPath().getString("message")).as("%s", op)
                    .startsWith("cannot answer with 'application/xml'; accept one of: application/json");
        }
    }

    @Test
    void aBodyOfAnotherTypeGetsThe415NamingEveryDocumentedType() throws IOException {
        for (OpenApiDocument.Operation op : withABody()) {
            Response response = request(op).contentType("text/plain").body("schemaVersion: 1\n").request(op.method(), url(op));

            assertThat(response.statusCode()).as("%s", op).isEqualTo(415);
            conforms(op, response);
            String message = response.jsonPath().getString("message");
            assertThat(message).startsWith("the body's media type 'text/plain' is not accepted; send one of: ");
            String content = doc.resolve(op.pointer() + "/requestBody").getKey() + "/content";
            doc.at(content).fieldNames().forEachRemaining(type -> assertThat(message).as("%s", op).contains(type));
        }
    }

    @Test
    void aBodyOverTheLimitGetsTheDocumented413() throws IOException {
        byte[] big = new byte[(1 << 20) + 1];
        java.util.Arrays.fill(big, (byte) '#');
        for (OpenApiDocument.Operation op : withABody()) {
            Response response = request(op).contentType("application/yaml").body(big).request(op.method(), url(op));

            assertThat(response.statusCode()).as("%s", op).isEqualTo(413);
            conforms(op, response);
        }
    }

    @Test
    void everySampleAndTheSamplesAsABatchGiveDocumentedReports() throws IOException {
        OpenApiDocument.Operation assess = operation("assess");
        OpenApiDocument.Operation batch = operation("assessBatch");
        StringBuilder all = new StringBuilder();
        List<Path> samples;
        // the valid samples, then the deliberately broken examples
        try (Stream<Path> walk = Stream.concat(Files.walk(Library.ROOT.resolve("samples")),
                Files.walk(Library.ROOT.resolve("examples/invalid")))) {
            samples = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        for (Path sample : samples) {
            String yaml = Files.readString(sample);
            Response response = request(assess).contentType("application/yaml").queryParam("name", sample.getFileName().toString())
                    .body(yaml).post(assess.path());
            conforms(assess, response);
            all.append("---\n").append(yaml).append(yaml.endsWith("\n") ? "" : "\n");
        }
        Response response = request(batch).contentType("application/yaml").body(all.toString()).post(batch.path());

        assertThat(response.statusCode()).isEqualTo(400); // the invalid examples are in the batch
        conforms(batch, response);
        assertThat(response.jsonPath().getList("assessments")).hasSize(5);
    }

    @Test
    void anUnknownRuleGetsTheDocumented404() throws IOException {
        OpenApiDocument.Operation op = operation("getRules");
        Response response = request(op).get("/rules/NOPE-999");

        assertThat(response.statusCode()).isEqualTo(404);
        conforms(op, response);
    }

    /** The answer's status is listed for the operation, its type for that status, its body valid against the schema. */
    private void conforms(OpenApiDocument.Operation op, Response response) throws IOException {
        String status = String.valueOf(response.statusCode());
        assertThat(op.node().path("responses").has(status)).as("%s answered %s, which the document does not list: %s",
                op, status, response.asString()).isTrue();
        Map.Entry<String, JsonNode> documented = doc.resolve(op.pointer() + "/responses/" + status);
        String type = response.contentType().replaceAll(";.*", "").trim();
        assertThat(documented.getValue().path("content").has(type)).as("%s %s answered as %s", op, status, type).isTrue();
        if (type.equals("application/json")) {
            String schema = documented.getKey() + "/content/" + OpenApiDocument.escape(type) + "/schema";
            assertThat(doc.validate(schema, JSON.readTree(response.asString())))
                    .as("%s %s body against %s: %s", op, status, schema, response.asString()).isEmpty();
        }
    }

    /** The examples of a media type object: its {@code example}, and every one of its {@code examples}. */
    private List<JsonNode> examples(String media) {
        List<JsonNode> out = new ArrayList<>();
        JsonNode node = doc.at(media);
        if (node.has("example")) {
            out.add(node.get("example"));
        }
        for (Iterator<String> names = node.path("examples").fieldNames(); names.hasNext(); ) {
            out.add(doc.resolve(media + "/examples/" + OpenApiDocument.escape(names.next())).getValue().get("value"));
        }
        return out;
    }

    /** The operation's path with each path parameter replaced by its example, and its query parameters' examples. */
    private String url(OpenApiDocument.Operation op) {
        String url = op.path();
        for (JsonNode parameter : op.node().path("parameters")) {
            if (parameter.path("in").asText().equals("path")) {
                url = url.replace("{" + parameter.path("name").asText() + "}", parameter.path("example").asText());
            }
        }
        return url;
    }

    private RequestSpecification request(OpenApiDocument.Operation op) {
        RequestSpecification request = given();
        for (JsonNode parameter : op.node().path("parameters")) {
            if (parameter.path("in").asText().equals("query")) {
                request = request.queryParam(parameter.path("name").asText(), parameter.path("example").asText());
            }
        }
        return request;
    }

    private List<OpenApiDocument.Operation> withABody() {
        List<OpenApiDocument.Operation> ops = doc.operations().stream().filter(op -> op.node().has("requestBody")).toList();
        assertThat(ops).isNotEmpty();
        return ops;
    }

    private OpenApiDocument.Operation operation(String id) {
        return doc.operations().stream().filter(op -> op.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no operation '" + id + "' in the document"));
    }
}
