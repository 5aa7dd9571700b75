package dev.vendorrisk.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The service's OpenAPI document as a client sees it, and a validator of JSON values against the
 * schemas it holds (OpenAPI 3.0 schema objects, {@code nullable} included, {@code $ref}s resolved in the
 * document), addressed by their JSON pointer.
 */
final class OpenApiDocument {
    private static final String IRI = "https://vendorrisk.dev/openapi.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One operation: method, path and its object in the document. */
    record Operation(String method, String path, JsonNode node) {
        /** The JSON pointer of the operation object. */
        String pointer() {
            return "/paths/" + escape(path) + "/" + method;
        }

        String id() {
            return node.path("operationId").asText();
        }

        @Override
        public String toString() {
            return method.toUpperCase() + " " + path;
        }
    }

    private final String text;
    private final JsonNode tree;
    private final JsonSchemaFactory factory;
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().nullableKeywordEnabled(true)
            .formatAssertionsEnabled(true).build();

    OpenApiDocument(String text) {
        this.text = text;
        try {
            this.tree = JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4, b -> b
                .metaSchema(OpenApi30.getInstance())
                .defaultMetaSchemaIri(OpenApi30.getInstance().getIri())
                .schemaLoaders(loaders -> loaders.schemas(Map.of(IRI, text))));
    }

    String text() {
        return text;
    }

    JsonNode tree() {
        return tree;
    }

    JsonNode at(String pointer) {
        return tree.at(pointer);
    }

    /** Every operation of every path, in document order. */
    List<Operation> operations() {
        List<Operation> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = tree.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (List.of("get", "put", "post", "delete", "patch", "head", "options").contains(op.getKey())) {
                    out.add(new Operation(op.getKey(), path.getKey(), op.getValue()));
                }
            }
        }
        return out;
    }

    /** The node itself, or the one its {@code $ref} names, with the pointer it has in the document. */
    Map.Entry<String, JsonNode> resolve(String pointer) {
        JsonNode node = tree.at(pointer);
        while (node.has("$ref")) {
            pointer = node.get("$ref").asText().substring(1);
            node = tree.at(pointer);
        }
        return Map.entry(pointer, node);
    }

    /** The problems of {@code value} against the schema at {@code pointer}; empty when it conforms. */
    Set<ValidationMessage> validate(String pointer, JsonNode value) {
        JsonSchema schema = factory.getSchema(SchemaLocation.of(IRI + "#" + pointer), config);
        return schema.validate(value);
    }

    /** A path segment as a JSON pointer token. */
    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
