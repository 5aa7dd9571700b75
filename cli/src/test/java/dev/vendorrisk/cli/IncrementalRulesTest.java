package dev.vendorrisk.cli;

import static dev.vendorrisk.cli.CliRunner.path;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vendorrisk.assessor.Assessment;
import dev.vendorrisk.assessor.Diagnostic;
import dev.vendorrisk.assessor.Finding;
import dev.vendorrisk.assessor.RuleBaseException;
import dev.vendorrisk.assessor.VendorRiskAssessor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watch's incremental rule base: a save recompiles the changed rules of a file when nothing around
 * them changed, the whole file otherwise, and every result equals what a rule base built from scratch
 * gives.
 */
class IncrementalRulesTest {
    private static final String NO_PHONE = "Support(channels != null, channels not contains Channel.PHONE";

    @TempDir
    Path dir;
    private Path rules;
    private Path support;
    private String original;
    private IncrementalRules incremental;
    private final Path profile = Path.of(path("samples/pbx-incident.yaml"));

    @BeforeEach
    void copyRules() throws Exception {
        rules = dir.resolve("rules");
        CompletionAndVersionTest.copy(Path.of(path("rules")), rules);
        support = rules.resolve("support.drl");
        original = Files.readString(support);
        incremental = new IncrementalRules(List.of(rules), Set.of());
    }

    /** The findings (id, variant, evidence) and score of the sample, by the given assessor. */
    private String result(VendorRiskAssessor assessor) {
        Assessment a = assessor.assess(profile);
        StringBuilder out = new StringBuilder(a.rating() + " " + a.score() + "\n");
        for (Finding f : a.findings()) {
            out.append(f.id()).append(' ').append(f.title()).append(' ').append(f.evidence()).append('\n');
        }
        return out.toString();
    }

    private String fromScratch() {
        return result(VendorRiskAssessor.builder().rules(rules).build());
    }

    @Test
    void aChangedRuleIsCompiledAloneAndGivesWhatAFullBuildGives() throws Exception {
        VendorRiskAssessor first = incremental.assessor();
        int all = incremental.rulesCompiled();
        assertThat(incremental.recompiled()).isGreaterThan(10);
        String before = result(first); // a rebuild shuts the old rule base's sessions down
        assertThat(before).isEqualTo(fromScratch());

        Files.writeString(support, original.replace("@title(\"Support cannot be reached by phone or chat\")",
                "@title(\"Phone and chat both missing\")"));
        VendorRiskAssessor edited = incremental.assessor();
        assertThat(incremental.recompiled()).isEqualTo(1);
        assertThat(incremental.rulesCompiled()).isEqualTo(1);
        assertThat(result(edited)).contains("Phone and chat both missing").isEqualTo(fromScratch());
        assertThat(edited.rules().rules()).hasSize(first.rules().rules().size());

        Files.writeString(support, original);
        assertThat(result(incremental.assessor())).isEqualTo(before);
        assertThat(incremental.rulesCompiled()).isEqualTo(1);
        assertThat(all).isGreaterThan(50);
    }

    @Test
    void addedRemovedAndRenamedRulesAreAppliedRuleByRule() throws Exception {
        incremental.assessor();
        // a rule removed and another renamed: the KieBase loses the old names
        String removed = original.replaceAll("(?s)rule \"no status page\".*?\nend\n", "")
                .replace("rule \"no escalation contact\"", "rule \"escalation contact missing\"");
        Files.writeString(support, removed);
        VendorRiskAssessor after = incremental.assessor();
        assertThat(incremental.rulesCompiled()).isEqualTo(1);
        assertThat(after.rules().kieBase().getRule("vra.rules", "no status page")).isNull();
        assertThat(after.rules().kieBase().getRule("vra.rules", "no escalation contact")).isNull();
        assertThat(after.rules().kieBase().getRule("vra.rules", "escalation contact missing")).isNotNull();
        assertThat(result(after)).isEqualTo(fromScratch());

        // a new rule added at the end
        Files.writeString(support, removed + "\nrule \"no status page\"\n" + ruleText("no status page"));
        VendorRiskAssessor added = incremental.assessor();
        assertThat(incremental.rulesCompiled()).isEqualTo(1);
        assertThat(added.rules().kieBase().getRule("vra.rules", "no status page")).isNotNull();
        assertThat(result(added)).isEqualTo(fromScratch());
    }

    /** The body of a rule of the original support.drl, after its name. */
    private String ruleText(String name) {
        int start = original.indexOf("rule \"" + name + "\"");
        int end = original.indexOf("\nend", start) + 4;
        return original.substring(start + ("rule \"" + name + "\"").length() + 1, end) + "\n";
    }

    @Test
    void aChangeAroundTheRulesCompilesTheWholeFile() throws Exception {
        incremental.assessor();
        Files.writeString(support, original.replaceFirst("\nrule ", "\n// a comment between rules\nrule "));
        VendorRiskAssessor after = incremental.assessor();
        assertThat(incremental.rulesCompiled()).isEqualTo(16);
        assertThat(result(after)).isEqualTo(fromScratch());
    }

    @Test
    void anErrorInAPatchedRuleIsReportedAtTheFilesOwnLineAndTheLastGoodRulesStay() throws Exception {
        String good = result(incremental.assessor());
        // more lines before the broken rule, so a wrong line number would show
        String longer = original.replace("rule \"a single support channel\"",
                "rule \"a single support channel\"\n\n\n");
        String broken = longer.replace("Support(channels != null, channels.size() == 1",
                "Support(chanels != null, chanels.size() == 1");
        if (broken.equals(longer)) {
            throw new IllegalStateException("support.drl no longer has the condition this test breaks");
        }
        Files.writeString(support, broken);
        int line = lineOf(broken, "chanels != null");
        assertThatThrownBy(incremental::assessor).isInstanceOfSatisfying(RuleBaseException.class, e -> {
            List<Diagnostic> d = e.diagnostics();
            assertThat(d).isNotEmpty();
            assertThat(d).allSatisfy(x -> assertThat(x.file()).endsWith("support.drl"));
            assertThat(d).anySatisfy(x -> assertThat(x.line()).isEqualTo(line));
        });
        Files.writeString(support, original);
        assertThat(result(incremental.assessor())).isEqualTo(good);
    }

    private static int lineOf(String text, String part) {
        int at = text.indexOf(part);
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    @Test
    void theSafeRuleLanguageStillJudgesAPatchedRule() throws Exception {
        incremental = new IncrementalRules(List.of(rules), Set.of(), false, java.time.Duration.ofSeconds(5));
        incremental.assessor();
        Files.writeString(support, original.replace("insert(hit(kcontext, ev(\"support.channels\", $ch)));",
                "insert(hit(kcontext, ev(\"support.channels\", $ch))); System.exit(3);"));
        assertThatThrownBy(incremental::assessor).isInstanceOfSatisfying(RuleBaseException.class,
                e -> assertThat(e.diagnostics()).anySatisfy(d -> assertThat(d.message()).contains("System")));
    }

    @Test
    void theShapeOfAFile() {
        RuleShape shape = RuleShape.of(original, RuleShape.parse(original));
        assertThat(shape).isNotNull();
        assertThat(shape.pkg()).isEqualTo("vra.rules");
        assertThat(shape.rules()).hasSize(16).containsKey("no phone and no chat");
        String only = shape.only(Set.of("no status page"));
        assertThat(only).hasSameSizeAs(original);
        assertThat(only.lines().count()).isEqualTo(original.lines().count());
        assertThat(only).contains("rule \"no status page\"").doesNotContain("rule \"no phone and no chat\"");
        assertThat(lineOf(only, "rule \"no status page\"")).isEqualTo(lineOf(original, "rule \"no status page\""));

        assertThat(RuleShape.of("package p;\nrule \"a\"\nwhen\nthen\nend\nrule \"b\" extends \"a\"\nwhen\nthen\nend\n",
                RuleShape.parse("package p;\nrule \"a\"\nwhen\nthen\nend\nrule \"b\" extends \"a\"\nwhen\nthen\nend\n")))
                .as("a rule that extends another: compiled whole").isNull();
        assertThat(RuleShape.of("package p;\nquery \"q\"\nend\n", RuleShape.parse("package p;\nquery \"q\"\nend\n")))
                .as("queries: compiled whole").isNull();
        assertThat(RuleShape.parse("package p;\nrule \"a\"\nwhen\nthne\nend\n")).as("a syntax error").isNull();
    }
}
