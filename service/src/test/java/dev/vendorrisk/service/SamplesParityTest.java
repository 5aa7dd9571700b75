package dev.vendorrisk.service;

import static dev.vendorrisk.service.Http.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The service gives exactly the library's results: every sample posted to {@code /assessments} comes
 * back byte for byte as {@code vra assess --format json} prints it (the library compiled from the
 * rules folder at run time, driven as the command line drives it), which is its
 * {@code samples/*.expected.json} (or {@code examples/invalid/*.expected.json}).
 */
@QuarkusTest
class SamplesParityTest {
    private static final Path SAMPLES = Library.ROOT.resolve("samples");
    private static final Path EXAMPLES = Library.ROOT.resolve("examples/invalid");

    /** The samples and the examples (the invalid ones), as paths from the repository root. */
    static Stream<String> samples() throws IOException {
        try (Stream<Path> walk = Stream.concat(Files.walk(SAMPLES), Files.walk(EXAMPLES))) {
            return walk.filter(p -> p.toString().endsWith(".yaml")).sorted()
                    .map(p -> Library.ROOT.relativize(p).toString().replace('\\', '/')).toList().stream();
        }
    }

    @BeforeEach
    void fixTheClock() {
        QuarkusMock.installMockForType(Library.CLOCK, Clock.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void aYamlSampleGivesTheCliReportByteForByte(String sample) throws IOException {
        byte[] yaml = Files.readAllBytes(Library.ROOT.resolve(sample));
        String expected = Files.readString(Library.ROOT.resolve(sample.replace(".yaml", ".expected.json")), StandardCharsets.UTF_8);

        Response response = given().contentType("application/yaml").queryParam("name", sample).body(yaml)
                .post("/assessments");

        assertThat(response.statusCode()).isEqualTo(sample.startsWith("examples/invalid/") ? 400 : 200);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.asString()).isEqualTo(Library.render(sample, yaml)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void theSampleAsJsonGivesWhatTheCliGivesForTheSameJsonFile(String sample) throws IOException {
        if (sample.startsWith("examples/invalid/")) {
            return; // not convertible: they are broken YAML on purpose
        }
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        byte[] json = new ObjectMapper().writerWithDefaultPrettyPrinter()
                .writeValueAsBytes(yaml.readTree(Library.ROOT.resolve(sample).toFile()));

        Response response = given().contentType("application/json").queryParam("name", "vendor.json").body(json)
                .post("/assessments");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.asString()).isEqualTo(Library.render("vendor.json", json)); // YAML reads JSON
    }
}
