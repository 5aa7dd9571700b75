package dev.vendorrisk.assessor;

import dev.vendorrisk.assessor.profile.ParsedProfile;
import dev.vendorrisk.assessor.profile.ProfileReader;
import dev.vendorrisk.assessor.rules.Hit;
import dev.vendorrisk.assessor.rules.RuleBase;
import dev.vendorrisk.assessor.rules.RuleEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One assessment of an already parsed profile, and its two parts timed apart.
 *
 * <ul>
 *   <li>{@code assess}: {@link VendorRiskAssessor#assess(ParsedProfile, List)}, everything a batch does
 *       per profile after reading it;</li>
 *   <li>{@code session}: {@link RuleEngine#fire} alone (insert, fire, collect the hits, reset), on the
 *       setting the assessor computes for the profile (tier, dates, exposure) beforehand;</li>
 *   <li>{@code own}: the assessor's own work after the session, on hits recorded beforehand: findings with
 *       evidence lines and messages, waivers, score, rating, areas, recommendations, the way down,
 *       shares, completeness and the {@code Assessment}.</li>
 * </ul>
 * {@code assess} is about {@code session + own} plus the setting (tier, dates, exposure). The benchmark
 * lives in the library's package to reach the package-private split; single thread, steady state; the
 * profiles cycle so every call sees a different one.
 *
 * <p>System properties: {@code vra.bench.profiles} (a folder of profiles, e.g. from
 * {@code bench/GenerateProfiles.java}; invalid ones are skipped), {@code vra.bench.rules} (default {@code rules}).
 * Run through {@code bench/assess-split.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx384m", "-XX:NewRatio=1", "-XX:+UseParallelGC", "-XX:FreqInlineSize=60",
        "-XX:MaxInlineLevel=5", "-XX:InlineSmallCode=1000"})
public class AssessmentSplit {
    private VendorRiskAssessor assessor;
    private RuleBase rules;
    private ParsedProfile[] profiles;
    private VendorRiskAssessor.Setting[] settings;
    private List<Hit>[] hits;
    private int next;

    @Setup(Level.Trial)
    @SuppressWarnings("unchecked")
    public void setUp() throws IOException {
        Path folder = Path.of(System.getProperty("vra.bench.profiles", "bench-profiles"));
        Path rulesDir = Path.of(System.getProperty("vra.bench.rules", "rules"));
        assessor = VendorRiskAssessor.builder().rules(rulesDir).build();
        rules = assessor.rules();
        ProfileReader reader = assessor.reader();
        List<ParsedProfile> parsed = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                try {
                    parsed.add(reader.read(file));
                } catch (InvalidProfileException e) {
                    // the generator's deliberately broken files
                }
            }
        }
        if (parsed.isEmpty()) {
            throw new IllegalStateException(folder + ": no valid profiles; generate some with bench/GenerateProfiles.java");
        }
        profiles = parsed.toArray(ParsedProfile[]::new);
        settings = new VendorRiskAssessor.Setting[profiles.length];
        hits = new List[profiles.length];
        for (int i = 0; i < profiles.length; i++) {
            settings[i] = assessor.setting(profiles[i]);
            hits[i] = fire(i);
        }
    }

    private List<Hit> fire(int i) {
        ParsedProfile p = profiles[i];
        return RuleEngine.fire(rules, p.file(), p.profile(), settings[i].context(), settings[i].exposure(),
                assessor.timeLimit());
    }

    private int nextIndex() {
        int i = next;
        next = i + 1 == profiles.length ? 0 : i + 1;
        return i;
    }

    @Benchmark
    public Object assess() {
        return assessor.assess(profiles[nextIndex()], List.of());
    }

    @Benchmark
    public Object session() {
        return fire(nextIndex());
    }

    @Benchmark
    public Object own() {
        int i = nextIndex();
        return assessor.assessment(profiles[i], settings[i], hits[i], List.of(), null);
    }
}
