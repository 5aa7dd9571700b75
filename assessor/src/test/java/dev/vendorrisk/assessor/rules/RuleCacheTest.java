package dev.vendorrisk.assessor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vendorrisk.assessor.Assessment;
import dev.vendorrisk.assessor.TestRules;
import dev.vendorrisk.assessor.VendorRiskAssessor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compiled-rules cache: reused when nothing changed, never trusted when damaged. */
class RuleCacheTest {
    private static final Path RULES = TestRules.ROOT.resolve("rules");

    @TempDir
    Path dir;

    private Path onlyEntry() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> entries = files.toList();
            assertThat(entries).hasSize(1);
            return entries.get(0);
        }
    }

    @Test
    void aCachedRuleBaseAssessesExactlyLikeAFreshOne() throws IOException {
        VendorRiskAssessor fresh = VendorRiskAssessor.builder().rules(RULES).build();
        VendorRiskAssessor.builder().rules(RULES).cache(dir).build(); // fills the cache
        assertThat(onlyEntry().getFileName().toString()).endsWith(".rules");
        VendorRiskAssessor cached = VendorRiskAssessor.builder().rules(RULES).cache(dir).build();
        Path sample = TestRules.ROOT.resolve("samples/pbx-incident.yaml");
        Assessment a = fresh.assess(sample);
        Assessment b = cached.assess(sample);
        assertThat(b).isEqualTo(a);
        assertThat(cached.rules().rules()).isEqualTo(fresh.rules().rules());
    }

    @Test
    void onlyTheMostRecentlyUsedEntriesAreKeptAndAbandonedTemporaryFilesGo() throws IOException {
        RuleSet set = RuleSet.read(List.of(RULES), null);
        RuleCache cache = new RuleCache(dir);
        VendorRiskAssessor.builder().rules(RULES).cache(dir).build();
        Path real = onlyEntry();
        // older entries of earlier rule edits, the oldest first, and one the last run used
        Instant now = Instant.now();
        for (int i = 0; i < RuleCache.KEEP + 5; i++) {
            Path old = dir.resolve(String.format("%064d.rules", i));
            Files.write(old, new byte[] {1});
            Files.setLastModifiedTime(old, FileTime.from(now.minus(Duration.ofMinutes(100 - i))));
        }
        Files.setLastModifiedTime(real, FileTime.from(now.minus(Duration.ofDays(2))));
        assertThat(cache.load(real.getFileName().toString().replace(".rules", ""))).isNotNull(); // marks it used
        Path abandoned = dir.resolve("x" + ".tmp");
        Files.write(abandoned, new byte[] {1});
        Files.setLastModifiedTime(abandoned, FileTime.from(now.minus(Duration.ofHours(2))));
        Path writing = dir.resolve("y" + ".tmp");
        Files.write(writing, new byte[] {1});

        cache.store("f".repeat(64), set.build(Set.of(), null).kieBase().getKiePackages());

        try (Stream<Path> files = Files.list(dir)) {
            List<String> left = files.map(f -> f.getFileName().toString()).sorted().toList();
            assertThat(left.stream().filter(n -> n.endsWith(".rules"))).hasSize(RuleCache.KEEP)
                    .contains(real.getFileName().toString(), "f".repeat(64) + ".rules",
                            String.format("%064d.rules", RuleCache.KEEP + 4))
                    .doesNotContain(String.format("%064d.rules", 0));
            assertThat(left).contains("y.tmp").doesNotContain("x.tmp");
        }
    }

    @Test
    void theKeyChangesWithAnyInput() {
        RuleCache cache = new RuleCache(dir);
        List<RuleSource> drl = List.of(new RuleSource("rules/a.drl", "package a;"));
        List<RuleSource> scoring = List.of(new RuleSource("rules/scoring.yaml", "gapCap: 30"));
        String key = cache.key(drl, scoring);
        assertThat(cache.key(drl, scoring)).isEqualTo(key);
        assertThat(cache.key(List.of(new RuleSource("rules/a.drl", "package b;")), scoring)).isNotEqualTo(key);
        assertThat(cache.key(List.of(new RuleSource("mine/a.drl", "package a;")), scoring)).isNotEqualTo(key);
        assertThat(cache.key(drl, List.of(new RuleSource("rules/scoring.yaml", "gapCap: 31")))).isNotEqualTo(key);
    }

    @Test
    void aTruncatedOrCorruptEntryIsDeletedAndRebuilt() throws IOException {
        RuleSet set = RuleSet.read(List.of(RULES), null);
        RuleCache cache = new RuleCache(dir);
        set.build(Set.of(), cache);
        Path entry = onlyEntry();
        String key = entry.getFileName().toString().replace(".rules", "");
        byte[] whole = Files.readAllBytes(entry);

        Files.write(entry, java.util.Arrays.copyOf(whole, whole.length / 2));       // truncated
        assertThat(cache.load(key)).isNull();
        assertThat(entry).doesNotExist();

        byte[] flipped = whole.clone();
        flipped[flipped.length - 100] ^= 0x5a;                                    // one corrupt byte
        Files.write(entry, flipped);
        assertThat(cache.load(key)).isNull();
        assertThat(entry).doesNotExist();

        Files.writeString(entry, "not a cache entry");
        assertThat(set.build(Set.of(), cache).rules()).hasSize(53);                 // rebuilt from source
        assertThat(entry).exists();
        assertThat(cache.load(key)).isNotNull();
    }

    @Test
    void anUnwritableCacheFolderOnlyCostsTime() throws IOException {
        Path file = dir.resolve("not-a-folder");
        Files.writeString(file, "x");
        VendorRiskAssessor assessor = VendorRiskAssessor.builder().rules(RULES).cache(file).build();
        assertThat(assessor.rules().rules()).hasSize(53);
    }
}
