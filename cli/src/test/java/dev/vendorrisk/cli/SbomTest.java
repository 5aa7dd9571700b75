package dev.vendorrisk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The build writes a CycloneDX SBOM of each module's runtime dependencies (target/bom.json, by the
 * parent pom's cyclonedx-maven-plugin, before the tests run). This test checks the format, which is
 * the same for every module, and what the CLI jar ships: the command line's libraries, no service
 * framework. The service's SbomTest checks what the service ships.
 */
class SbomTest {
    private static final Path BOM = Path.of("target/bom.json");

    @Test
    void theSbomIsCycloneDxAndListsWhatTheJarShips() throws IOException {
        assumeFalse("offline=true".equals(System.getProperty("vra.maven.offline")) && Files.notExists(BOM),
                "Maven ran offline (-o), where the SBOM plugin does not run: no " + BOM);
        assertThat(BOM).as("the build writes " + BOM + "; run the build through Maven (mvn -B package)").isRegularFile();
        JsonNode bom = new ObjectMapper().readTree(Files.readString(BOM));
        assertThat(bom.path("bomFormat").asText()).isEqualTo("CycloneDX");
        assertThat(bom.path("metadata").path("component").path("name").asText()).isEqualTo("vra-cli");
        List<String> components = new ArrayList<>();
        bom.path("components").forEach(c -> {
            assertThat(c.path("purl").asText()).startsWith("pkg:maven/");
            components.add(c.path("group").asText() + ":" + c.path("name").asText());
        });
        assertThat(components).contains("dev.vendorrisk:vra-assessor", "org.drools:drools-core", "org.kie:kie-api",
                        "info.picocli:picocli", "me.tongfei:progressbar")
                .noneMatch(c -> c.startsWith("io.quarkus:") || c.startsWith("org.junit") || c.startsWith("org.assertj"));
    }
}
