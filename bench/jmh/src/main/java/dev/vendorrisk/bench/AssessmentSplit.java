package dev.vendorrisk.bench;

import dev.vendorrisk.assessor.InvalidProfileException;
import dev.vendorrisk.assessor.VendorRiskAssessor;
import dev.vendorrisk.assessor.profile.ParsedProfile;
import dev.vendorrisk.assessor.profile.ProfileReader;
import dev.vendorrisk.assessor.profile.VendorProfile;
import dev.vendorrisk.assessor.rules.Context;
import dev.vendorrisk.assessor.rules.RuleBase;
import dev.vendorrisk.assessor.rules.RuleEngine;
import dev.vendorrisk.assessor.scoring.Exposure;
import dev.vendorrisk.assessor.scoring.Exposures;
import dev.vendorrisk.assessor.scoring.Tiers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * One assessment of an already parsed profile, split into the rule session and the rest.
 *
 * <ul>
 *   <li>{@code assess}: {@link VendorRiskAssessor#assess(ParsedProfile, List)}, everything a batch does
 *       per profile after reading it (tier and exposure, the rule session, findings with evidence lines,
 *       waivers, scoring, recommendations, the {@code Assessment});</li>
 *   <li>{@code session}: {@link RuleEngine#fire} alone on the same profiles (insert, fire, reset), with
 *       the tier, context and exposure computed beforehand.</li>
 * </ul>
 * The assessor's own work per profile is {@code assess - session}. Single thread, steady state; the
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
    private Context[] contexts;
    private Exposure[] exposures;
    private int next;

    @Setup(Level.Trial)
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
        Map<String, Double> limits = Map.copyOf(rules.policy().flatLimits());
        contexts = new Context[profiles.length];
        exposures = new Exposure[profiles.length];
        for (int i = 0; i < profiles.length; i++) {
            VendorProfile p = profiles[i].profile();
            LocalDate today = p.assessment().assessedOn() != null ? p.assessment().assessedOn() : LocalDate.now();
            contexts[i] = new Context(Tiers.of(p.service(), rules.policy()), Tiers.known(p.service()), today, limits);
            exposures[i] = Exposures.of(p);
        }
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
        int i = nextIndex();
        ParsedProfile p = profiles[i];
        return RuleEngine.fire(rules, p.file(), p.profile(), contexts[i], exposures[i]);
    }
}
