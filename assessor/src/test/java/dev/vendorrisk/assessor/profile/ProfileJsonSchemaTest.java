package dev.vendorrisk.assessor.profile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.vendorrisk.assessor.InvalidProfileException;
import dev.vendorrisk.assessor.TestRules;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;

/** The generated JSON Schema and the reader never disagree: on every sample, and on targeted cases both ways. */
class ProfileJsonSchemaTest {
    private static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(ProfileJsonSchema.generate());
    private static final ObjectMapper YAML;
    private static final ProfileReader READER = new ProfileReader();

    static {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(10);
        // as in YAML (and in editors), 'key:' with nothing after it is null
        YAML = new ObjectMapper(YAMLFactory.builder().loaderOptions(options)
                .enable(com.fasterxml.jackson.dataformat.yaml.YAMLParser.Feature.EMPTY_STRING_AS_NULL).build());
    }

    static Stream<Path> validSamples() throws IOException {
        return Stream.concat(yamls(TestRules.ROOT.resolve("samples")), yamls(Path.of("src/test/resources/profiles")));
    }

    static Stream<Path> invalidSamples() throws IOException {
        return Stream.concat(yamls(TestRules.ROOT.resolve("examples/invalid")),
                yamls(Path.of("src/test/resources/profiles/invalid")));
    }

    private static Stream<Path> yamls(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("validSamples")
    void everyValidSampleIsValidForBoth(Path sample) throws IOException {
        byte[] content = Files.readAllBytes(sample);
        READER.read(sample.toString(), content);
        assertThat(schemaErrors(content)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("invalidSamples")
    void everyInvalidSampleIsInvalidForBoth(Path sample) throws IOException {
        byte[] content = Files.readAllBytes(sample);
        assertThat(readerAccepts(content)).as("reader").isFalse();
        assertThat(schemaErrors(content)).as("schema").isNotEmpty();
    }

    private static final String BASE = "schemaVersion: 1\nvendor:\n  id: acme\n";

    @ParameterizedTest
    @ValueSource(strings = {
            "compny:\n  staffCount: 1\n",                           // unknown key
            "company:\n  staffCount: many\n",                       // wrong type
            "company:\n  staffCount: 1.5\n",                        // not a whole number
            "service:\n  criticality: severe\n",                    // unknown enum value
            "support:\n  channels: [phone, fax]\n",                 // unknown enum value in a list
            "service:\n  monthlyFee: -200\n",                       // negative number
            "continuity:\n  alternativeProviders: -1\n",            // negative count
            "sla:\n  availabilityPercent: 100.5\n",                 // above 100
            "company:\n  formerParent: nobody\n",                   // neither an object nor none
            "company:\n  formerParent:\n    name: X\n    owner: Y\n", // unknown key in the object form
            "continuity:\n  lastRestoreTest: sometimes\n",          // neither a date nor never
            "incidents:\n  - date: 2018-02-12\n    duration: 3\n",  // unknown key in a list item
            "vendor:\n  name: no id\n",                             // vendor.id missing (replaces the base vendor)
    })
    void targetedInvalidCasesFailBoth(String yaml) {
        String profile = yaml.startsWith("vendor:") ? "schemaVersion: 1\n" + yaml : BASE + yaml;
        byte[] content = profile.getBytes(StandardCharsets.UTF_8);
        assertThat(readerAccepts(content)).as("reader accepts:%n%s", profile).isFalse();
        assertThat(schemaErrors(content)).as("schema accepts:%n%s", profile).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "company:\n  formerParent: none\n  ownershipChangedOn: never\n",
            "company:\n  formerParent:\n    name: X\n    separatedOn: 2016-03-01\n    providedSupport: true\n",
            "continuity:\n  lastRestoreTest: 2017-06-01\n",
            "incidents: []\n",
            "service:\n  criticality: null\n  operatingHours: 24x7\n  revenueLossPerHour: 0\n",
            "sla:\n  availabilityPercent: 100\n",
            "support:\n  channels: []\n  hours: none\n",
    })
    void targetedValidCasesPassBoth(String yaml) {
        byte[] content = (BASE + yaml).getBytes(StandardCharsets.UTF_8);
        assertThat(readerAccepts(content)).as("reader rejects:%n%s", BASE + yaml).isTrue();
        assertThat(schemaErrors(content)).as("schema rejects:%n%s", BASE + yaml).isEmpty();
    }

    @Test
    void everyKeyHasADescriptionAndEveryDescriptionAKey() {
        Set<String> keys = new TreeSet<>();
        collect(VendorProfile.class, keys);
        assertThat(new TreeSet<>(ProfileDescriptions.all().keySet())).isEqualTo(keys);
        List<String> undescribed = new ArrayList<>();
        undescribed(ProfileJsonSchema.generate(), "", undescribed);
        assertThat(undescribed).isEmpty();
    }

    @Test
    void schemaDeclaresTheDraftRequiredKeysAndClosedObjects() {
        JsonNode schema = ProfileJsonSchema.generate();
        assertThat(schema.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.get("required").toString()).isEqualTo("[\"schemaVersion\",\"vendor\"]");
        assertThat(schema.at("/properties/vendor/required").toString()).isEqualTo("[\"id\"]");
        assertThat(schema.get("additionalProperties").asBoolean(true)).isFalse();
        assertThat(schema.at("/properties/service/properties/operatingHours").toString()).contains("24x7");
    }

    private static void collect(Class<?> type, Set<String> keys) {
        for (RecordComponent c : type.getRecordComponents()) {
            if (type == Incident.class && c.getName().equals("index") || type == FormerParent.class && c.getName().equals("none")) {
                continue;
            }
            keys.add(type.getSimpleName() + "." + c.getName());
            Class<?> child = c.getType() == List.class
                    ? (Class<?>) ((java.lang.reflect.ParameterizedType) c.getGenericType()).getActualTypeArguments()[0]
                    : c.getType();
            if (child.isRecord() && child != DateOrNever.class) {
                collect(child, keys);
            }
        }
    }

    private static void undescribed(JsonNode node, String path, List<String> out) {
        JsonNode properties = node.get("properties");
        if (properties != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().has("description")) {
                    out.add(path + e.getKey());
                }
            }
        }
        node.forEach(child -> undescribed(child, path, out));
    }

    private static boolean readerAccepts(byte[] content) {
        try {
            READER.read("test.yaml", content);
            return true;
        } catch (InvalidProfileException e) {
            return false;
        }
    }

    /** The schema's errors; a file that is not YAML or not a mapping at all counts as an error too. */
    private static Set<String> schemaErrors(byte[] content) {
        JsonNode node;
        try {
            node = YAML.readTree(content);
        } catch (IOException | RuntimeException e) {
            return Set.of("not YAML: " + e.getMessage());
        }
        if (node == null || node.isMissingNode()) {
            return Set.of("empty document");
        }
        Set<String> out = new TreeSet<>();
        for (ValidationMessage m : SCHEMA.validate(node)) {
            out.add(m.getMessage());
        }
        return out;
    }
}
