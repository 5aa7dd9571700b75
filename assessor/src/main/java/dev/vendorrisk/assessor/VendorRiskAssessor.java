package dev.vendorrisk.assessor;

import dev.vendorrisk.assessor.batch.PortfolioWaivers;
import dev.vendorrisk.assessor.profile.ParsedProfile;
import dev.vendorrisk.assessor.profile.ProfileReader;
import dev.vendorrisk.assessor.profile.VendorProfile;
import dev.vendorrisk.assessor.profile.Waiver;
import dev.vendorrisk.assessor.rules.Context;
import dev.vendorrisk.assessor.rules.Evidence;
import dev.vendorrisk.assessor.rules.Hit;
import dev.vendorrisk.assessor.rules.RuleBase;
import dev.vendorrisk.assessor.rules.RuleEngine;
import dev.vendorrisk.assessor.rules.RuleFolders;
import dev.vendorrisk.assessor.rules.RuleMeta;
import dev.vendorrisk.assessor.rules.RuleSource;
import dev.vendorrisk.assessor.scoring.Completeness;
import dev.vendorrisk.assessor.scoring.Exposure;
import dev.vendorrisk.assessor.scoring.Exposures;
import dev.vendorrisk.assessor.scoring.Policy;
import dev.vendorrisk.assessor.scoring.PolicyReader;
import dev.vendorrisk.assessor.scoring.Scorer;
import dev.vendorrisk.assessor.scoring.Tiers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Assesses vendor profiles with a compiled rule base. Build it once (compiling the rules takes a
 * while), then assess as many profiles as you like, from any number of threads. It prints nothing
 * and never exits the process; problems are {@link AssessorException}s carrying diagnostics.
 *
 * <pre>{@code
 * VendorRiskAssessor assessor = VendorRiskAssessor.builder().build();   // the bundled rules
 * Assessment a = assessor.assess(Path.of("samples/pbx-incident.yaml"));
 * System.out.println(a.rating() + " " + a.score());
 * }</pre>
 */
public final class VendorRiskAssessor {
    private final RuleBase rules;
    private final Scorer scorer;
    private final Clock clock;
    private final ProfileReader reader;
    /** The scoring file's limits, flattened once: every evaluation's Context shares them. */
    private final Map<String, Double> limits;

    private VendorRiskAssessor(RuleBase rules, Clock clock, ProfileReader reader) {
        this.rules = rules;
        this.limits = Map.copyOf(rules.policy().flatLimits());
        this.scorer = new Scorer(rules.policy());
        this.clock = clock;
        this.reader = reader;
    }

    /** A builder; without rule folders it uses the rules bundled in the library. */
    public static Builder builder() {
        return new Builder();
    }

    /** The compiled rules and their metadata. */
    public RuleBase rules() {
        return rules;
    }

    /** The reader this assessor uses for files and strings. */
    public ProfileReader reader() {
        return reader;
    }

    /** Reads and assesses a profile file. */
    public Assessment assess(Path file) {
        return assess(reader.read(file), List.of());
    }

    /** Reads and assesses a YAML profile; {@code file} names it in diagnostics. */
    public Assessment assessYaml(String file, String yaml) {
        return assess(reader.read(file, yaml.getBytes(StandardCharsets.UTF_8)), List.of());
    }

    /** Assesses a profile built in code (evidence then carries no line numbers). */
    public Assessment assess(VendorProfile profile) {
        return assess(new ParsedProfile("<profile>", profile, Map.of()), List.of());
    }

    /**
     * Assesses a parsed profile.
     *
     * @param parsed  the profile with its source positions
     * @param waivers portfolio waivers; those for other vendors are ignored, those without a vendor apply
     */
    public Assessment assess(ParsedProfile parsed, List<Waiver> waivers) {
        return assess(parsed, waivers, null);
    }

    /**
     * Assesses a parsed profile with the waivers of a portfolio waivers file. Those waivers record
     * whether they applied; one that never applies is reported once for the batch
     * ({@link PortfolioWaivers#warnings()}), not in each assessment.
     */
    public Assessment assess(ParsedProfile parsed, PortfolioWaivers portfolio) {
        return assess(parsed, portfolio.forVendor(parsed.profile().vendor().id()), portfolio);
    }

    private Assessment assess(ParsedProfile parsed, List<Waiver> waivers, PortfolioWaivers tracker) {
        VendorProfile profile = parsed.profile();
        Policy policy = rules.policy();
        LocalDate today = profile.assessment().assessedOn() != null ? profile.assessment().assessedOn()
                : LocalDate.now(clock);
        Context context = new Context(Tiers.of(profile.service(), policy), Tiers.known(profile.service()), today,
                limits);
        Exposure exposure = Exposures.of(profile);
        List<Hit> hits = RuleEngine.fire(rules, parsed.file(), profile, context, exposure);

        List<String> warnings = new ArrayList<>();
        List<Finding> findings = findings(parsed, hits, context);
        findings = applyWaivers(findings, profile, waivers, tracker, today, warnings);
        findings.sort(Comparator.comparing(Finding::severity).reversed()
                .thenComparing(Comparator.comparingDouble(Finding::contribution).reversed())
                .thenComparing(Finding::id)
                .thenComparing(f -> f.evidence().isEmpty() ? "" : f.evidence().get(0).path()));

        double score = scorer.score(findings);
        Rating rating = scorer.rating(score, findings);
        List<AreaScore> areas = scorer.areas(findings);
        List<Recommendation> recommendations = scorer.recommendations(findings, score);
        findings = scorer.withShares(findings, score);
        long gaps = findings.stream().filter(f -> Scorer.GAP_AREA.equals(f.area())).count();
        double completeness = Completeness.of(profile, gaps);
        if (completeness * 100 < policy.completenessWarningPercent()) {
            warnings.add(0, String.format(java.util.Locale.ROOT,
                    "only %.0f%% of the facts the rules read are known (below %.0f%%): the score rests on guesses;"
                            + " fill in the facts the GAP findings name", completeness * 100,
                    policy.completenessWarningPercent()));
        }
        if (!context.tierKnown()) {
            warnings.add("neither service.criticality nor service.maxTolerableDowntimeHours is known; scored at tier "
                    + context.tier().wire());
        }
        return new Assessment(parsed.file(), profile.vendor().id(), profile.vendor().name(), profile.service().name(),
                context.tier(), today, Scorer.round(score), rating, Math.round(completeness * 1000) / 1000.0, findings,
                areas, exposure, recommendations, warnings);
    }

    private List<Finding> findings(ParsedProfile parsed, List<Hit> hits, Context context) {
        Map<String, List<Evidence>> evidenceByKey = new LinkedHashMap<>();
        Map<String, RuleMeta> metaByKey = new LinkedHashMap<>();
        for (Hit hit : hits) {
            RuleMeta meta = rules.meta(hit.packageName(), hit.ruleName());
            if (meta == null) {
                throw new RuleBaseException(List.of(new Diagnostic("rules", 0, 0, "rule '" + hit.ruleName()
                        + "' inserted a finding but has no @id; add the finding metadata or insert a derived fact instead")));
            }
            // a finding per rule, except gaps: one finding per missing fact
            String key = meta.id().startsWith("GAP-") && !hit.evidence().isEmpty()
                    ? meta.key() + "\u0000" + hit.evidence().get(0).path() : meta.key();
            metaByKey.putIfAbsent(key, meta);
            List<Evidence> evidence = evidenceByKey.computeIfAbsent(key, k -> new ArrayList<>());
            for (Evidence e : hit.evidence()) {
                Evidence located = e.atLine(parsed.lineOf(e.path()));
                if (!evidence.contains(located)) {
                    evidence.add(located);
                }
            }
        }
        List<Finding> out = new ArrayList<>();
        metaByKey.forEach((key, meta) -> {
            List<Evidence> evidence = evidenceByKey.get(key);
            evidence.sort(Comparator.comparing(Evidence::path));
            double c = scorer.contribution(meta.weight(), context.tier());
            out.add(new Finding(meta.id(), meta.title(), meta.area(), meta.severity(), meta.weight(), c, 0,
                    message(meta, evidence), meta.recommendation(), evidence, false, null));
        });
        return out;
    }

    private static String message(RuleMeta meta, List<Evidence> evidence) {
        if (evidence.isEmpty()) {
            return meta.title();
        }
        StringBuilder out = new StringBuilder(meta.title()).append(" (");
        for (int i = 0; i < evidence.size(); i++) {
            Evidence e = evidence.get(i);
            out.append(i == 0 ? "" : ", ").append(e.path()).append(": ").append(e.text());
        }
        return out.append(')').toString();
    }

    private static List<Finding> applyWaivers(List<Finding> findings, VendorProfile profile, List<Waiver> portfolio,
                                              PortfolioWaivers tracker, LocalDate today, List<String> warnings) {
        List<Waiver> all = new ArrayList<>(profile.assessment().waivers());
        for (Waiver w : portfolio) {
            if (w.vendor() == null || w.vendor().equals(profile.vendor().id())) {
                all.add(w);
            }
        }
        Set<String> firedIds = new LinkedHashSet<>();
        findings.forEach(f -> firedIds.add(f.id()));
        Map<String, Waiver> active = new LinkedHashMap<>();
        for (Waiver w : all) {
            boolean expired = w.expires() != null && w.expires().isBefore(today);
            boolean tracked = tracker != null && tracker.tracks(w);
            if (tracked) {
                tracker.record(w, firedIds.contains(w.rule()), expired);
            }
            if (!firedIds.contains(w.rule())) {
                if (tracked) {
                    continue; // reported once for the batch, not for each of the vendor's services
                }
                warnings.add("waiver for " + w.rule() + " (owner " + w.owner() + ") matches no finding; remove it"
                        + (expired ? " (it has also expired)" : ""));
            } else if (expired) {
                warnings.add("waiver for " + w.rule() + " (owner " + w.owner() + ") expired on " + w.expires()
                        + "; the finding counts again until the waiver is renewed");
            } else {
                active.putIfAbsent(w.rule(), w);
            }
        }
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            Waiver w = active.get(f.id());
            out.add(w == null ? f : new Finding(f.id(), f.title(), f.area(), f.severity(), f.weight(), f.contribution(),
                    0, f.message(), f.recommendation(), f.evidence(), true,
                    w.justification() + " (owner " + w.owner() + ", until " + w.expires() + ")"));
        }
        return out;
    }

    /** Configures and builds an assessor. */
    public static final class Builder {
        private final List<Path> folders = new ArrayList<>();
        private final Set<String> disabled = new LinkedHashSet<>();
        private Clock clock = Clock.systemDefaultZone();
        private int maxBytes = ProfileReader.DEFAULT_MAX_BYTES;
        private Policy overrides;

        private Builder() {
        }

        /** Adds a rules folder; later folders add rules, replace rules with the same id and override scoring values. */
        public Builder rules(Path folder) {
            folders.add(Objects.requireNonNull(folder));
            return this;
        }

        /** Switches rules off by id. */
        public Builder disable(Set<String> ids) {
            disabled.addAll(ids);
            return this;
        }

        /** The clock that gives "today" when a profile has no {@code assessment.assessedOn}. */
        public Builder clock(Clock newClock) {
            this.clock = Objects.requireNonNull(newClock);
            return this;
        }

        /** Scoring values that override the scoring files (e.g. {@code gapCap}). */
        public Builder scoring(Policy policy) {
            this.overrides = policy;
            return this;
        }

        /** The largest profile file accepted, in bytes. */
        public Builder maxProfileBytes(int bytes) {
            this.maxBytes = bytes;
            return this;
        }

        /**
         * Compiles the rules.
         *
         * @throws RuleBaseException with a diagnostic per problem in the rules or scoring files
         */
        public VendorRiskAssessor build() {
            List<RuleFolders.Folder> read = new ArrayList<>();
            RuleFolders.Folder bundled = RuleFolders.bundled();
            if (folders.isEmpty()) {
                read.add(bundled);
            } else {
                for (Path folder : folders) {
                    read.add(RuleFolders.read(folder, folder.toString()));
                }
            }
            Policy policy = PolicyReader.read(bundled.scoring().file(), bundled.scoring().content());
            String policyFile = bundled.scoring().file();
            List<RuleSource> drl = new ArrayList<>();
            for (RuleFolders.Folder folder : read) {
                drl.addAll(folder.drl());
                if (folder.scoring() != null && folder != bundled) {
                    policy = policy.overriddenBy(PolicyReader.read(folder.scoring().file(), folder.scoring().content()));
                    policyFile = folder.scoring().file();
                }
            }
            if (overrides != null) {
                policy = policy.overriddenBy(overrides);
            }
            PolicyReader.check(policyFile, policy);
            if (drl.isEmpty()) {
                throw new RuleBaseException(List.of(new Diagnostic(read.get(0).name(), 0, 0,
                        "no .drl files found; point --rules at a folder of rule files")));
            }
            RuleBase rules = RuleBase.compile(drl, policy, disabled);
            return new VendorRiskAssessor(rules, clock, new ProfileReader(maxBytes));
        }
    }
}
