package dev.vendorrisk.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * What the service's SBOM (target/bom.json) lists: the framework and the rules it runs, and none of
 * the command line's or the tests' libraries. The CLI's SbomTest checks the format, written by the
 * same plugin configuration for every module.
 */
class SbomTest {
    private static final Path BOM = Path.of("target/bom.json");

    @Test
    void theSbomListsTheServicesFrameworkAndNotTheCommandLine() throws IOException {
        assumeFalse("offline=true".equals(System.getProperty("vra.maven.offline")) && Files.notExists(BOM),
                "Maven ran offline (-o), where the SBOM plugin does not run: no " + BOM);
        JsonNode bom = new ObjectMapper().readTree(BOM.toFile());
        assertThat(bom.at("/metadata/component/name").asText()).isEqualTo("vra-service");
        assertThat(StreamSupport.stream(bom.path("components").spliterator(), false)
                .map(c -> c.path("group").asText() + ":" + c.path("name").asText()))
                .contains("dev.vendorrisk:vra-assessor", "org.drools:drools-quarkus-rules", "io.quarkus:quarkus-core",
                        "io.quarkus:quarkus-security")
                .noneMatch(c -> c.startsWith("info.picocli:") || c.startsWith("io.rest-assured:")
                        || c.startsWith("io.quarkus:quarkus-junit5"));
    }
}
