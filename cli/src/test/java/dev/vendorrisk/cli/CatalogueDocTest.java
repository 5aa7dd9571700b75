package dev.vendorrisk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/catalogue.md is generated from the rules' metadata, so it cannot drift from the rules: it must be
 * exactly what {@code vra rules list --format markdown} prints for the project's rules. After changing a
 * rule, regenerate it with {@code -Dvra.docs.update=true} (see CONTRIBUTING.md) and review the diff.
 */
class CatalogueDocTest {
    private static final Path CATALOGUE = CliRunner.ROOT.resolve("docs/catalogue.md");

    @Test
    void theCatalogueIsWhatRulesListPrints() throws IOException {
        CliRunner.Result r = CliRunner.run("rules", "list", "--rules", CliRunner.path("rules"), "--format", "markdown");
        assertThat(r.exitCode()).as(r.err()).isZero();
        String generated = r.out().replace(System.lineSeparator(), "\n");
        if (Boolean.getBoolean("vra.docs.update")) {
            Files.writeString(CATALOGUE, generated, StandardCharsets.UTF_8);
        }
        assertThat(CATALOGUE).as("docs/catalogue.md (create it with -Dvra.docs.update=true)").exists();
        assertThat(Files.readString(CATALOGUE, StandardCharsets.UTF_8))
                .as("docs/catalogue.md differs from 'vra rules list --format markdown'; regenerate it with"
                        + " mvn -B -q -pl cli -am test -Dtest=CatalogueDocTest -Dsurefire.failIfNoSpecifiedTests=false"
                        + " -Dvra.docs.update=true and review the diff")
                .isEqualTo(generated);
    }

    @Test
    void theCatalogueListsEveryRuleWithItsMetadata() throws IOException {
        String catalogue = Files.readString(CATALOGUE, StandardCharsets.UTF_8);
        assertThat(catalogue).contains("| STAFF-001 | The provider is one person | Fires when company.staffCount is 1")
                .contains("| CORP-005 (distressed) |").contains("| CORP-005 (weak) |")
                .contains("## portfolio").contains("| PORT-002 |")
                .contains("### Recommendation: key-person");
    }
}
