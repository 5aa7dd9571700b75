package dev.vendorrisk.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vendorrisk.assessor.rules.RuleSource;
import dev.vendorrisk.assessor.rules.safety.RuleSafety;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The rules this service compiles with Kogito at build time keep to the safe rule language: the
 * same check the CLI and the library make before they compile a rules folder. A rule beyond it
 * fails the build here, with one {@code file:line: message} per use.
 */
class RulesSafetyBuildTest {
    /** Where the build copies the project's rules for Kogito's code generation (see pom.xml). */
    private static final Path COPIED = Path.of("src/main/resources/vra/rules");

    @Test
    void theCompiledRulesKeepToTheSafeRuleLanguage() throws IOException {
        List<RuleSource> drl = new ArrayList<>();
        try (Stream<Path> files = Files.walk(COPIED)) {
            for (Path p : files.filter(p -> p.toString().endsWith(".drl")).sorted().toList()) {
                drl.add(new RuleSource(p.toString(), Files.readString(p)));
            }
        }
        assertThat(drl).as("rule files copied to " + COPIED).isNotEmpty();

        assertThat(RuleSafety.check(drl)).extracting(r -> r.diagnostic().render())
                .as("rules beyond the safe rule language (run the service only with rules that pass 'vra rules check')")
                .isEmpty();
    }
}
