package dev.vendorrisk.assessor;

import dev.vendorrisk.assessor.batch.PortfolioWaivers;
import dev.vendorrisk.assessor.history.ReviewCalendar;
import dev.vendorrisk.assessor.profile.Criticality;
import dev.vendorrisk.assessor.profile.ParsedProfile;
import dev.vendorrisk.assessor.profile.ProfileReader;
import dev.vendorrisk.assessor.profile.VendorProfile;
import dev.vendorrisk.assessor.profile.Waiver;
import dev.vendorrisk.assessor.rules.Context;
import dev.vendorrisk.assessor.rules.Evidence;
import dev.vendorrisk.assessor.rules.Hit;
import dev.vendorrisk.assessor.rules.RuleBase;
import dev.vendorrisk.assessor.rules.RuleEngine;
import dev.vendorrisk.assessor.rules.RuleCache;
import dev.vendorrisk.assessor.rules.RuleMeta;
import dev.vendorrisk.assessor.rules.RuleFolders;
import dev.vendorrisk.assessor.rules.RuleSet;
import dev.vendorrisk.assessor.rules.RuleSource;
import dev.vendorrisk.assessor.scoring.Completeness;
import dev.vendorrisk.assessor.scoring.Exposure;
import dev.vendorrisk.assessor.scoring.Exposures;
import dev.vendorrisk.assessor.scoring.Policy;
import dev.vendorrisk.assessor.scoring.PolicyReader;
import dev.vendorrisk.assessor.scoring.Scorer;
import dev.vendorrisk.assessor.scoring.Tiers;
import dev.vendorrisk.assessor.report.FileResult;
import java.io.IOException;
import java.io.InputStream;
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
import java.util.stream.Stream;
import org.kie.api.KieBase;

/**
 * Assesses vendor profiles with a compiled rule base: the library's entry point.
 *
 * <p>Build it once (compiling the rules takes a while), then assess as many profiles as you like,
 * from any number of threads: it is immutable and thread-safe, and each assessment runs in its own
 * rule session. It prints nothing and never exits the process. Problems are typed exceptions that
 * carry {@code file:line:column} {@linkplain AssessorException#diagnostics() diagnostics}, the same
 * the command line prints: {@link InvalidProfileException} for a profile that cannot be read,
 * {@link RuleBaseException} for broken rules or scoring files.
 *
 * <pre>{@code
 * VendorRiskAssessor assessor = VendorRiskAssessor.builder().build();   // the bundled rules
 * Assessment a = assessor.assess(Path.of("samples/pbx-incident.yaml"));
 * System.out.println(a.rating() + " " + a.score());
 * }</pre>
 *
 * <p>Ways to build one: from rules folders ({@link Builder#rules(Path)}), from the rules bundled in
 * the jar (no folder), or from a KieBase compiled elsewhere, e.g. at build time
 * ({@link Builder#precompiled(KieBase, List, Policy)}). Ways to assess: a profile object, a YAML or JSON
 * string, an input stream, a file, or a lazy stream of files ({@link #assessAll(Stream)}).
 */
public final class VendorRiskAssessor {
    private final RuleBase rules;
    private final Scorer scorer;
    private final Clock clock;
    private final ProfileReader reader;
    private final int maxProfileBytes;
    /** The scoring file's limits, flattened once: every evaluation's Context shares them. */
    private final Map<String, Double> limits;
    /** The ids of every rule, to tell a waiver of a rule that does not exist from one that did not fire. */
    private final Set<String> ruleIds;

    /** How long one evaluation of the rules may take. */
    private final java.time.Duration timeLimit;

    private VendorRiskAssessor(RuleBase rules, Clock clock, int maxProfileBytes, java.time.Duration timeLimit) {
        this.rules = rules;
        this.timeLimit = timeLimit;
        this.limits = Map.copyOf(rules.policy().flatLimits());
        this.ruleIds = rules.ids();
        this.scorer = new Scorer(rules.policy());
        this.clock = clock;
        this.reader = new ProfileReader(maxProfileBytes);
        this.maxProfileBytes = maxProfileBytes;
    }

    /** {@code base} on another clock: shares everything else (rule tests make one per case). */
    private VendorRiskAssessor(VendorRiskAssessor base, Clock clock) {
        this.rules = base.rules;
        this.timeLimit = base.timeLimit;
        this.limits = base.limits;
        this.ruleIds = base.ruleIds;
        this.scorer = base.scorer;
        this.clock = clock;
        this.reader = base.reader;
        this.maxProfileBytes = base.maxProfileBytes;
    }

    /** A builder; without rule folders it uses the rules bundled in the library. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * This assessor with the run date fixed at {@code runDate} (as {@code --today} does): the day the
     * review rule compares the next review's due date with, and the assessment date of profiles without
     * one. Shares the compiled rules, so it is cheap.
     */
    public VendorRiskAssessor withRunDate(LocalDate runDate) {
        Objects.requireNonNull(runDate, "runDate");
        return new VendorRiskAssessor(this, Clock.fixed(runDate.atStartOfDay(java.time.ZoneOffset.UTC).toInstant(),
                java.time.ZoneOffset.UTC));
    }

    /** The run date: the clock's date, or the one {@link #withRunDate} fixed. */
    public LocalDate runDate() {
        return LocalDate.now(clock);
    }

    /** How long the rules may take on one profile, or on one group of a batch's portfolio. */
    public java.time.Duration timeLimit() {
        return timeLimit;
    }

    /** The compiled rules and their metadata. */
    public RuleBase rules() {
        return rules;
    }

    /** The reader this assessor uses for files and strings. */
    public ProfileReader reader() {
        return reader;
    }

    /**
     * Reads and assesses a profile file (YAML; JSON is read too, as YAML is a superset of it).
     * Diagnostics name the file as {@code file.toString()}.
     *
     * @throws InvalidProfileException when the file cannot be read or is not a valid profile
     * @throws RuleBaseException       when a rule fails on this profile
     */
    public Assessment assess(Path file) {
        return assess(reader.read(file), List.of());
    }

    /**
     * Reads and assesses a YAML profile.
     *
     * @param file the name diagnostics and the assessment give the profile, e.g. {@code request}
     * @param yaml the profile's text
     * @throws InvalidProfileException when it is not a valid profile
     * @throws RuleBaseException       when a rule fails on this profile
     */
    public Assessment assessYaml(String file, String yaml) {
        return assess(reader.read(file, yaml.getBytes(StandardCharsets.UTF_8)), List.of());
    }

    /**
     * Reads and assesses a profile written as JSON: the same keys and checks as YAML, and
     * diagnostics at the JSON text's lines and columns.
     *
     * @param file the name diagnostics and the assessment give the profile
     * @param json the profile's text
     * @throws InvalidProfileException when it is not a valid profile
     * @throws RuleBaseException       when a rule fails on this profile
     */
    public Assessment assessJson(String file, String json) {
        return assess(reader.readJson(file, json.getBytes(StandardCharsets.UTF_8)), List.of());
    }

    /**
     * Reads a YAML (or JSON) profile from a stream and assesses it. Reads at most
     * {@linkplain Builder#maxProfileBytes the size limit} plus one byte, so an endless stream cannot
     * exhaust memory; the stream is not closed.
     *
     * @param in   the profile's bytes, UTF-8
     * @param file the name diagnostics and the assessment give the profile, e.g. {@code <stdin>}
     * @throws InvalidProfileException when the stream cannot be read, is larger than the limit, or is
     *                                 not a valid profile
     * @throws RuleBaseException       when a rule fails on this profile
     */
    public Assessment assess(InputStream in, String file) {
        Objects.requireNonNull(in, "in");
        byte[] content;
        try {
            content = in.readNBytes(maxProfileBytes + 1);
        } catch (IOException e) {
            throw new InvalidProfileException(List.of(new Diagnostic(file, 0, 0, "cannot read: " + e.getMessage())));
        }
        return assess(reader.read(file, content), List.of());
    }

    /**
     * Assesses files one after the other, lazily: each file is read and assessed only when the
     * returned stream reaches it, in the order given, on the caller's thread. A file that cannot be
     * read or is invalid becomes a {@linkplain FileResult#failed failed result} carrying its
     * diagnostics, so one bad file never stops the rest. Close the returned stream when the given one
     * needs closing (e.g. from {@code Files.list}).
     *
     * <pre>{@code
     * try (Stream<Path> files = Files.list(Path.of("vendors"))) {
     *     assessor.assessAll(files.sorted()).filter(FileResult::ok).forEach(r -> ...);
     * }
     * }</pre>
     *
     * @throws RuleBaseException from the stream's terminal operation when a rule fails on a profile:
     *                           that is a problem of the rules, not of the file
     */
    public Stream<FileResult> assessAll(Stream<Path> files) {
        return files.sequential().map(this::assessFile);
    }

    /**
     * Assesses one file into a {@link FileResult}: the assessment, or the diagnostics that prevented it.
     *
     * @throws RuleBaseException when a rule fails on this profile
     */
    public FileResult assessFile(Path file) {
        try {
            return FileResult.of(assess(file));
        } catch (InvalidProfileException e) {
            return FileResult.failed(file.toString(), e.diagnostics());
        }
    }

    /**
     * Assesses a profile built in code (evidence then carries no line numbers; the assessment's file
     * is {@code <profile>}).
     *
     * @throws RuleBaseException when a rule fails on this profile
     */
    public Assessment assess(VendorProfile profile) {
        return assess(new ParsedProfile("<profile>", profile, Map.of()), List.of());
    }

    /**
     * Assesses a parsed profile.
     *
     * @param parsed  the profile with its source positions
     * @param waivers portfolio waivers; those for other vendors are ignored, those without a vendor apply
     * @throws RuleBaseException when a rule fails on this profile
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
        Setting setting = setting(parsed);
        List<Hit> hits = RuleEngine.fire(rules, parsed.file(), parsed.profile(), setting.context(), setting.exposure(),
                timeLimit);
        return assessment(parsed, setting, hits, waivers, tracker);
    }

    /**
     * What the rules run on besides the profile: the run date, the day the profile is judged on
     * ({@code assessedOn}, else the run date), the tier context and the exposure.
     */
    record Setting(LocalDate runDate, LocalDate today, Context context, Exposure exposure) {
    }

    /** The {@link Setting} of one profile. */
    Setting setting(ParsedProfile parsed) {
        VendorProfile profile = parsed.profile();
        LocalDate runDate = LocalDate.now(clock);
        LocalDate assessedOn = ReviewCalendar.checkRunDate(parsed, runDate); // after the run date: invalid
        LocalDate today = assessedOn != null ? assessedOn : runDate;
        Criticality tier = Tiers.of(profile.service(), rules.policy());
        LocalDate nextReviewDue = ReviewCalendar.nextReviewDue(today, tier, limits);
        Context context = new Context(tier, Tiers.known(profile.service()), today, limits, runDate, nextReviewDue);
        return new Setting(runDate, today, context, Exposures.of(profile));
    }

    /**
     * The assessor's own work after the rule session: the hits become findings (with evidence lines
     * and messages), waivers apply, then the score, rating, areas, recommendations, the way down, the
     * shares and completeness. Package-private so the benchmark can time it apart from the session.
     */
    Assessment assessment(ParsedProfile parsed, Setting setting, List<Hit> hits, List<Waiver> waivers,
                          PortfolioWaivers tracker) {
        VendorProfile profile = parsed.profile();
        Policy policy = rules.policy();
        Context context = setting.context();
        Exposure exposure = setting.exposure();
        LocalDate today = setting.today();
        LocalDate runDate = setting.runDate();
        LocalDate nextReviewDue = context.nextReviewDue();

        List<String> warnings = new ArrayList<>();
        List<Finding> findings = findings(parsed, hits, context);
        findings = applyWaivers(findings, profile, waivers, tracker, today, warnings, ruleIds);
        findings.sort(FINDING_ORDER);

        Scorer.Scored scored = scorer.scored(findings, profile.service().kind());
        findings = scored.findings();
        long gaps = 0;
        for (Finding f : findings) {
            if (Scorer.GAP_AREA.equals(f.area())) {
                gaps++;
            }
        }
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
                context.tier(), today, Scorer.round(scored.score()), scored.rating(), Math.round(completeness * 1000) / 1000.0,
                findings, scored.areas(), exposure, scored.recommendations(), warnings, scored.wayDown(), runDate,
                nextReviewDue);
    }

    /** A finding being gathered from its rule's hits. */
    private record Gathered(RuleMeta meta, List<Evidence> evidence) {
    }

    /** What gathers the hits of an information gap: its rule and the unknown fact. */
    private record GapKey(String key, String path) {
    }

    private List<Finding> findings(ParsedProfile parsed, List<Hit> hits, Context context) {
        Map<Object, Gathered> byKey = new LinkedHashMap<>();
        for (Hit hit : hits) {
            RuleMeta meta = rules.meta(hit.packageName(), hit.ruleName());
            if (meta == null) {
                throw new RuleBaseException(List.of(new Diagnostic("rules", 0, 0, "rule '" + hit.ruleName()
                        + "' inserted a finding but has no @id; add the finding metadata or insert a derived fact instead")));
            }
            // a finding per rule, except gaps: one finding per missing fact
            Object key = meta.id().startsWith("GAP-") && !hit.evidence().isEmpty()
                    ? new GapKey(meta.key(), hit.evidence().get(0).path()) : meta.key();
            Gathered gathered = byKey.get(key);
            if (gathered == null) {
                gathered = new Gathered(meta, new ArrayList<>(hit.evidence().size()));
                byKey.put(key, gathered);
            }
            List<Evidence> evidence = gathered.evidence();
            for (Evidence e : hit.evidence()) {
                Evidence located = e.atLine(parsed.lineOf(e.path()));
                if (!evidence.contains(located)) {
                    evidence.add(located);
                }
            }
        }
        List<Finding> out = new ArrayList<>(byKey.size());
        for (Gathered g : byKey.values()) {
            RuleMeta meta = g.meta();
            List<Evidence> evidence = g.evidence();
            if (evidence.size() > 1) {
                evidence.sort(BY_PATH);
            }
            double c = scorer.contribution(meta.weight(), context.tier());
            out.add(new Finding(meta.id(), meta.title(), meta.area(), meta.severity(), meta.weight(), c, 0,
                    message(meta, evidence), meta.recommendation(), evidence, false, null));
        }
        return out;
    }

    private static final Comparator<Evidence> BY_PATH = (a, b) -> a.path().compareTo(b.path());

    /** Most severe first, then by contribution, id and the first evidence's path. */
    private static final Comparator<Finding> FINDING_ORDER = VendorRiskAssessor::compareFindings;

    private static int compareFindings(Finding a, Finding b) {
        int c = b.severity().compareTo(a.severity());
        if (c == 0) {
            c = Double.compare(b.contribution(), a.contribution());
        }
        if (c == 0) {
            c = a.id().compareTo(b.id());
        }
        if (c == 0) {
            c = firstPath(a).compareTo(firstPath(b));
        }
        return c;
    }

    private static String firstPath(Finding f) {
        return f.evidence().isEmpty() ? "" : f.evidence().get(0).path();
    }

    /** The rule's title and its evidence: {@code Title (path: value, path: value)}. */
    private static String message(RuleMeta meta, List<Evidence> evidence) {
        if (evidence.isEmpty()) {
            return meta.title();
        }
        if (evidence.size() == 1) { // most findings: one concatenation
            Evidence only = evidence.get(0);
            return meta.title() + " (" + only.path() + ": " + only.text() + ")";
        }
        StringBuilder out = new StringBuilder(meta.title().length() + 32 * evidence.size()).append(meta.title());
        for (int i = 0; i < evidence.size(); i++) {
            Evidence e = evidence.get(i);
            out.append(i == 0 ? " (" : ", ").append(e.path()).append(": ").append(e.text());
        }
        return out.append(')').toString();
    }

    private static List<Finding> applyWaivers(List<Finding> findings, VendorProfile profile, List<Waiver> portfolio,
                                              PortfolioWaivers tracker, LocalDate today, List<String> warnings,
                                              Set<String> ruleIds) {
        if (profile.assessment().waivers().isEmpty() && portfolio.isEmpty()) {
            return findings; // nothing to apply, nothing to warn about
        }
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
                if (!ruleIds.contains(w.rule())) {
                    warnings.add("waiver for " + w.rule() + " (owner " + w.owner() + "): no such rule '" + w.rule()
                            + "'; correct the id (vra rules list shows them)");
                    continue;
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

    /**
     * Configures and builds a {@link VendorRiskAssessor}. Not thread-safe; the assessor it builds is.
     * Every setting is optional: {@code builder().build()} gives the bundled rules and the system clock.
     */
    public static final class Builder {
        private final List<Path> folders = new ArrayList<>();
        private Precompiled precompiled;
        private final Set<String> disabled = new LinkedHashSet<>();
        private Clock clock = Clock.systemDefaultZone();
        private int maxBytes = ProfileReader.DEFAULT_MAX_BYTES;
        private Policy overrides;
        private RuleCache cache;
        private boolean trustRules;
        private java.time.Duration timeLimit = RuleEngine.DEFAULT_TIME_LIMIT;

        private Builder() {
        }

        /**
         * How long the rules may take on one profile (default 5 s). A run of rules that keeps
         * firing is halted at the limit, a condition or action that never returns is stopped soon
         * after; either way the assessment fails with a {@link RuleTimeoutException} that names the
         * rule (file and line) and the profile. The firing cap ({@code maxFirings}) applies as well.
         */
        public Builder timeLimit(java.time.Duration limit) {
            if (limit == null || limit.isNegative() || limit.isZero()) {
                throw new IllegalArgumentException("the time limit must be positive, was " + limit);
            }
            this.timeLimit = limit;
            return this;
        }

        /**
         * Whether to run the rules as they are, beyond the safe rule language (default false). By
         * default every rule file is checked before it is compiled, and a rule that uses anything
         * but the profile's facts, the helper functions and plain values (files, network,
         * processes, {@code System}, reflection, ...) is refused with a diagnostic per use (see
         * {@link dev.vendorrisk.assessor.rules.safety.RuleSafety}). Trust only rules you would run
         * as a program: a trusted rule can do anything the JVM can.
         */
        public Builder trustRules(boolean trust) {
            this.trustRules = trust;
            return this;
        }

        /**
         * Adds a rules folder ({@code *.drl} files and an optional {@code scoring.yaml}); later folders add
         * rules, replace rules with the same id and override scoring values. Without any folder the
         * rules bundled in the library are used.
         */
        public Builder rules(Path folder) {
            folders.add(Objects.requireNonNull(folder));
            return this;
        }

        /** Switches rules off by id. */
        public Builder disable(Set<String> ids) {
            disabled.addAll(ids);
            return this;
        }

        /**
         * The clock that gives the run date: the day the review rule judges against, and "today" when a
         * profile has no {@code assessment.assessedOn}.
         */
        public Builder clock(Clock newClock) {
            this.clock = Objects.requireNonNull(newClock);
            return this;
        }

        /** Scoring values that override the scoring files (e.g. {@code gapCap}). */
        public Builder scoring(Policy policy) {
            this.overrides = policy;
            return this;
        }

        /**
         * Keeps compiled rules in {@code dir} and reuses them while no rule or scoring file changed
         * (see {@link RuleCache}); null (the default) compiles every time.
         */
        public Builder cache(Path dir) {
            this.cache = dir == null ? null : new RuleCache(dir);
            return this;
        }

        /** The largest profile accepted, in bytes; default {@link ProfileReader#DEFAULT_MAX_BYTES} (1 MiB). */
        public Builder maxProfileBytes(int bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("maxProfileBytes must be positive, was " + bytes);
            }
            this.maxBytes = bytes;
            return this;
        }

        /**
         * Uses rules compiled elsewhere instead of compiling DRL: for example the KieBase the Drools
         * executable model generates at build time (a Kogito/Quarkus service gets it from its
         * {@code KieRuntimeBuilder}). The assessor then behaves exactly as one built from the same DRL
         * folder: the metadata is read and checked the same way, and the DRL texts give each rule its
         * file and line. Replaces any {@link #rules(Path)} folders.
         *
         * @param kieBase the compiled rules; the assessor takes it over (disabled rules are removed from it)
         * @param drl     the DRL texts it was compiled from, named as diagnostics should name them
         * @param policy  the scoring policy, e.g. {@code PolicyReader.read("rules/scoring.yaml", text)}; like a
         *                rules folder's scoring file it overrides the bundled values, and
         *                {@link #scoring(Policy)} values override it in turn
         */
        public Builder precompiled(KieBase kieBase, List<RuleSource> drl, Policy policy) {
            this.precompiled = new Precompiled(Objects.requireNonNull(kieBase, "kieBase"), List.copyOf(drl),
                    Objects.requireNonNull(policy, "policy"));
            return this;
        }

        private record Precompiled(KieBase kieBase, List<RuleSource> drl, Policy policy) {
        }

        /**
         * Compiles the rules.
         *
         * @throws RuleBaseException with a diagnostic per problem in the rules or scoring files
         */
        public VendorRiskAssessor build() {
            if (precompiled != null) {
                RuleSource defaults = RuleFolders.bundledScoring();
                Policy policy = PolicyReader.read(defaults.file(), defaults.content()).overriddenBy(precompiled.policy());
                if (overrides != null) {
                    policy = policy.overriddenBy(overrides);
                }
                PolicyReader.check("scoring", policy);
                if (precompiled.drl().isEmpty()) {
                    throw new RuleBaseException(List.of(new Diagnostic("rules", 0, 0,
                            "no DRL sources given for the precompiled rules; pass the files they were compiled from")));
                }
                if (!trustRules) {
                    List<Diagnostic> refused = dev.vendorrisk.assessor.rules.safety.RuleSafety.check(precompiled.drl())
                            .stream().map(dev.vendorrisk.assessor.rules.safety.RuleSafety.Refusal::diagnostic).toList();
                    if (!refused.isEmpty()) {
                        throw new RuleBaseException(refused);
                    }
                }
                RuleBase rules = RuleBase.of(precompiled.kieBase(), precompiled.drl(), policy, disabled);
                return new VendorRiskAssessor(rules, clock, maxBytes, timeLimit);
            }
            RuleBase rules = RuleSet.read(folders, overrides).build(disabled, cache, trustRules);
            return new VendorRiskAssessor(rules, clock, maxBytes, timeLimit);
        }
    }
}
