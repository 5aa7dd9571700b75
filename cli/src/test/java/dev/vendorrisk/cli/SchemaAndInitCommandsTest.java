package dev.vendorrisk.cli;

import static dev.vendorrisk.cli.CliRunner.path;
import static dev.vendorrisk.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vra schema} and {@code vra init} on the real CLI. */
class SchemaAndInitCommandsTest {
    @TempDir
    Path dir;

    @Test
    void schemaIsDraft202012Json() throws IOException {
        CliRunner.Result r = run("schema");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
        JsonNode schema = new ObjectMapper().readTree(r.out());
        assertThat(schema.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.at("/properties/company/properties/staffCount/description").asText())
                .isEqualTo("People employed by the provider (1 for a one-person company).");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void initWithoutFileWritesTheTemplateToStdout() {
        CliRunner.Result r = run("init");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).startsWith("# yaml-language-server: $schema=vendor-profile.schema.json\n")
                .contains("\n  staffCount:                           # People employed by the provider");
    }

    @Test
    void theTemplateIsAssessedWithoutErrors() throws IOException {
        Path file = dir.resolve("new.yaml");
        CliRunner.Result init = run("init", file.toString());
        assertThat(init.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(init.out()).startsWith("wrote " + file + "; fill it in (set vendor.id first), then run: vra assess "
                + file + System.lineSeparator());
        CliRunner.Result assess = run("assess", "--rules", path("rules"), "--cache-dir", dir.resolve("cache").toString(),
                file.toString());
        assertThat(assess.err()).isEmpty();
        assertThat(assess.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(assess.out()).contains("completeness 0%").contains("GAP-001");
    }

    @Test
    void initRefusesToOverwriteUnlessForced() throws IOException {
        Path file = dir.resolve("acme.yaml");
        Files.writeString(file, "mine\n");
        CliRunner.Result refused = run("init", file.toString());
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE_OR_RULES);
        assertThat(refused.err()).isEqualTo("vra: " + file + " already exists; choose another name, or pass --force"
                + " to overwrite it" + System.lineSeparator());
        assertThat(Files.readString(file)).isEqualTo("mine\n");
        assertThat(run("init", "--force", file.toString()).exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(Files.readString(file)).startsWith("# yaml-language-server:");
    }

    @Test
    void initWritesTheSchemaTheTemplatePointsAtBesideIt() throws IOException {
        Path file = dir.resolve("vendors/acme.yaml");
        Files.createDirectories(file.getParent());
        CliRunner.Result init = run("init", file.toString());
        assertThat(init.exitCode()).isEqualTo(ExitCodes.OK);
        Path schema = file.resolveSibling("vendor-profile.schema.json");
        assertThat(init.out()).contains("wrote " + schema + " beside it");
        assertThat(Files.readString(schema)).isEqualTo(run("schema").out());
        assertThat(Files.readString(file)).startsWith("# yaml-language-server: $schema=vendor-profile.schema.json\n");

        Files.writeString(schema, "{}\n");
        CliRunner.Result second = run("init", dir.resolve("vendors/other.yaml").toString());
        assertThat(second.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(second.out()).contains("kept " + schema).contains("vra schema > " + schema);
        assertThat(Files.readString(schema)).as("an existing schema file is the user's").isEqualTo("{}\n");
    }

    @Test
    void initWritesNoSchemaForAUrlOrNone() {
        assertThat(run("init", "--schema", "https://example.org/s.json", dir.resolve("a.yaml").toString()).exitCode())
                .isEqualTo(ExitCodes.OK);
        assertThat(run("init", "--schema", "none", dir.resolve("b.yaml").toString()).exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(dir.resolve("vendor-profile.schema.json")).doesNotExist();
    }

    @Test
    void theTemplateOnStdoutSaysHowToGetTheSchema() {
        CliRunner.Result r = run("init");
        assertThat(r.err()).contains("vra schema > vendor-profile.schema.json");
        assertThat(run("init", "--schema", "none").err()).isEmpty();
    }
}
