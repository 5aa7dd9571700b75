package dev.vendorrisk.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The build writes a CycloneDX SBOM of what ships in this module (target/bom.json, by the
 * cyclonedx-maven-plugin before the tests run): it exists, names this module, and lists the
 * libraries the rules run on.
 */
class SbomTest {
    private static final Path BOM = Path.of("target/bom.json");

    @Test
    void theSbomListsTheShippedLibraries() throws IOException {
        assertThat(BOM).as("the build writes " + BOM + "; run the build through Maven (mvn -B package)").isRegularFile();
        JsonNode bom = new ObjectMapper().readTree(Files.readString(BOM));
        assertThat(bom.path("bomFormat").asText()).isEqualTo("CycloneDX");
        assertThat(bom.path("metadata").path("component").path("name").asText()).isEqualTo("vra-service");
        List<String> components = new ArrayList<>();
        bom.path("components").forEach(c -> components.add(c.path("group").asText() + ":" + c.path("name").asText()));
        assertThat(components).contains("org.drools:drools-core", "org.kie:kie-api", "dev.vendorrisk:vra-assessor")
                .noneMatch(c -> c.startsWith("org.junit") || c.startsWith("org.assertj"));
        bom.path("components").forEach(c -> assertThat(c.path("purl").asText()).startsWith("pkg:maven/"));
    }
}
