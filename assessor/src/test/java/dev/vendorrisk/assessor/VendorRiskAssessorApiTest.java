package dev.vendorrisk.assessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vendorrisk.assessor.report.FileResult;
import dev.vendorrisk.assessor.rules.RuleFolders;
import dev.vendorrisk.assessor.rules.RuleSource;
import dev.vendorrisk.assessor.scoring.PolicyReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

/** The library's entry points: every way in gives the same assessment; failures are typed and located. */
class VendorRiskAssessorApiTest {
    private static final Path PROFILES = Path.of("src/test/resources/profiles");
    private static final Path PBX = TestRules.ROOT.resolve("samples/pbx-incident.yaml");

    private static String text(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    @Test
    void aJsonProfileIsAssessedLikeTheSameYamlProfile() throws IOException {
        Assessment fromYaml = TestRules.assessor().assessYaml("p", text(PROFILES.resolve("full.yaml")));
        Assessment fromJson = TestRules.assessor().assessJson("p", text(PROFILES.resolve("full.json")));

        assertThat(fromJson.findings()).extracting(Finding::id).isEqualTo(fromYaml.findings().stream().map(Finding::id).toList());
        assertThat(fromJson.score()).isEqualTo(fromYaml.score());
        assertThat(fromJson.rating()).isEqualTo(fromYaml.rating());
        assertThat(fromJson.exposure()).isEqualTo(fromYaml.exposure());
    }

    @Test
    void invalidJsonIsReportedAtItsLineAndColumn() {
        assertThatThrownBy(() -> TestRules.assessor().assessJson("request", "{\n  \"schemaVersion\": 1,\n  \"vendr\": {}\n}"))
                .isInstanceOfSatisfying(InvalidProfileException.class, e -> assertThat(e.diagnostics())
                        .extracting(Diagnostic::render)
                        .anySatisfy(d -> assertThat(d).startsWith("request:3:").contains("unknown key 'vendr'")));
    }

    @Test
    void aStreamIsAssessedLikeTheFileAndNamedAsTheCallerSays() throws IOException {
        Assessment fromFile = TestRules.assessor().assess(PBX);
        Assessment fromStream;
        try (InputStream in = Files.newInputStream(PBX)) {
            fromStream = TestRules.assessor().assess(in, "upload.yaml");
        }

        assertThat(fromStream.file()).isEqualTo("upload.yaml");
        assertThat(fromStream.findings()).isEqualTo(fromFile.findings());
        assertThat(fromStream.score()).isEqualTo(fromFile.score());
    }

    @Test
    void aStreamLargerThanTheLimitIsRefusedWithoutReadingItAll() {
        VendorRiskAssessor small = VendorRiskAssessor.builder().rules(TestRules.ROOT.resolve("rules"))
                .maxProfileBytes(1024).build();
        AtomicInteger read = new AtomicInteger();
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                read.incrementAndGet();
                return ' ';
            }
        };

        assertThatThrownBy(() -> small.assess(endless, "<stdin>"))
                .isInstanceOfSatisfying(InvalidProfileException.class, e -> assertThat(e.diagnostics().get(0).render())
                        .startsWith("<stdin>: file is 1025 bytes, larger than the 1 KiB limit"));
        assertThat(read.get()).isEqualTo(1025);
    }

    @Test
    void assessAllIsLazyInOrderAndTurnsInvalidFilesIntoFailedResults() {
        List<Path> files = List.of(PBX, TestRules.ROOT.resolve("examples/invalid/typos-and-types.yaml"),
                TestRules.ROOT.resolve("samples/no-such-file.yaml"), TestRules.ROOT.resolve("samples/well-run-msp.yaml"));
        List<Path> touched = new ArrayList<>();

        Stream<FileResult> results = TestRules.assessor().assessAll(files.stream().peek(touched::add));
        assertThat(touched).as("nothing is read before the stream is consumed").isEmpty();
        List<FileResult> all = results.toList();

        assertThat(all).extracting(FileResult::file).containsExactly(files.stream().map(Path::toString).toArray(String[]::new));
        assertThat(all).extracting(FileResult::ok).containsExactly(true, false, false, true);
        assertThat(all.get(1).errors()).extracting(Diagnostic::render)
                .anySatisfy(d -> assertThat(d).endsWith("unknown key 'suport'; did you mean 'support'?"));
        assertThat(all.get(2).errors()).extracting(Diagnostic::message).containsExactly("cannot read: no such file");
        assertThat(all.get(3).assessment().rating()).isEqualTo(Rating.LOW);
    }

    @Test
    void aPrecompiledKieBaseGivesExactlyTheResultsOfTheRulesFolder() throws IOException {
        RuleFolders.Folder folder = RuleFolders.read(TestRules.ROOT.resolve("rules"), "rules");
        VendorRiskAssessor precompiled = VendorRiskAssessor.builder()
                .precompiled(compile(folder.drl()), folder.drl(),
                        PolicyReader.read(folder.scoring().file(), folder.scoring().content()))
                .clock(TestRules.CLOCK)
                .build();

        assertThat(precompiled.rules().rules()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("file")
                .isEqualTo(TestRules.assessor().rules().rules());
        assertThat(precompiled.rules().rules()).extracting(r -> r.file() + ":" + r.line())
                .contains("rules/staffing.drl:8", "rules/support.drl:87");
        for (Path sample : SamplesGoldenTest.samples().toList()) {
            assertThat(SamplesGoldenTest.render(precompiled, sample)).as("%s", sample)
                    .isEqualTo(SamplesGoldenTest.render(TestRules.assessor(), sample));
        }
    }

    @Test
    void aPrecompiledKieBaseMustMatchItsSources() {
        RuleFolders.Folder folder = RuleFolders.read(TestRules.ROOT.resolve("rules"), "rules");
        List<RuleSource> fewer = folder.drl().stream().filter(s -> !s.file().endsWith("sla.drl")).toList();
        List<RuleSource> more = new ArrayList<>(folder.drl());
        more.add(new RuleSource("rules/extra.drl", "package vra.rules;\n\nrule \"not compiled\"\nwhen\nthen\nend\n"));
        var policy = PolicyReader.read(folder.scoring().file(), folder.scoring().content());

        assertThatThrownBy(() -> VendorRiskAssessor.builder().precompiled(compile(folder.drl()), fewer, policy).build())
                .isInstanceOfSatisfying(RuleBaseException.class, e -> assertThat(e.diagnostics()).extracting(Diagnostic::message)
                        .anySatisfy(m -> assertThat(m).contains("in none of the DRL sources given")));
        assertThatThrownBy(() -> VendorRiskAssessor.builder().precompiled(compile(folder.drl()), more, policy).build())
                .isInstanceOfSatisfying(RuleBaseException.class, e -> assertThat(e.diagnostics()).extracting(Diagnostic::render)
                        .containsExactly("rules/extra.drl:3: rule 'not compiled' is not in the compiled rule base;"
                                + " rebuild it from these sources"));
    }

    @Test
    void precompiledMetadataIsCheckedAsWhenCompiling() {
        String drl = "package vra.rules;\n\nrule \"no weight\"\n    @id(\"X-001\") @title(\"t\") @severity(\"LOW\")\n"
                + "    @recommendation(\"sla\") @backing(\"b\")\nwhen\nthen\nend\n";
        List<RuleSource> sources = List.of(new RuleSource("rules/x.drl", drl));
        RuleFolders.Folder folder = RuleFolders.read(TestRules.ROOT.resolve("rules"), "rules");
        var policy = PolicyReader.read(folder.scoring().file(), folder.scoring().content());

        assertThatThrownBy(() -> VendorRiskAssessor.builder().precompiled(compile(sources), sources, policy).build())
                .isInstanceOfSatisfying(RuleBaseException.class, e -> assertThat(e.diagnostics()).extracting(Diagnostic::render)
                        .containsExactly("rules/x.drl:3: rule 'X-001' has no @weight; add @weight(1..100) after the rule name"));
    }

    @Test
    void rulesFoldersAreReadFromTheClassPath() {
        RuleFolders.Folder bundled = RuleFolders.classpath(getClass().getClassLoader(), "vra-rules", "rules");

        assertThat(bundled.drl()).extracting(RuleSource::file).contains("rules/sla.drl", "rules/staffing.drl");
        assertThat(bundled.scoring().file()).isEqualTo("rules/scoring.yaml");
        assertThatThrownBy(() -> RuleFolders.classpath(getClass().getClassLoader(), "nowhere", "rules"))
                .isInstanceOf(RuleBaseException.class).hasMessageContaining("no rules folder 'nowhere'");
    }

    @Test
    void ruleDescriptionsAreReadWhateverKeyTheCompilerFilesThemUnder() {
        assertThat(TestRules.assessor().rules().rules()).filteredOn(r -> r.id().equals("STAFF-001")).singleElement()
                .satisfies(r -> assertThat(r.description()).startsWith("Fires when company.staffCount is 1"));
    }

    @Test
    void builderRefusesANonPositiveSizeLimit() {
        assertThatThrownBy(() -> VendorRiskAssessor.builder().maxProfileBytes(0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Compiles DRL the classic way, standing in for a KieBase compiled at build time. */
    private static KieBase compile(List<RuleSource> drl) {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        for (RuleSource source : drl) {
            builder.add(ResourceFactory.newByteArrayResource(source.content().getBytes(StandardCharsets.UTF_8))
                    .setSourcePath(source.file()), ResourceType.DRL);
        }
        assertThat(builder.getErrors()).isEmpty();
        return builder.newKieBase();
    }
}
