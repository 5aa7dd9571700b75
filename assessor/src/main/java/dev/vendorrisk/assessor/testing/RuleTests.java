package dev.vendorrisk.assessor.testing;

import dev.vendorrisk.assessor.Assessment;
import dev.vendorrisk.assessor.AssessorException;
import dev.vendorrisk.assessor.Diagnostic;
import dev.vendorrisk.assessor.Finding;
import dev.vendorrisk.assessor.Recommendation;
import dev.vendorrisk.assessor.VendorRiskAssessor;
import dev.vendorrisk.assessor.profile.ParsedProfile;
import dev.vendorrisk.assessor.portfolio.PortfolioSession;
import dev.vendorrisk.assessor.rules.RuleBase;
import dev.vendorrisk.assessor.rules.RuleMeta;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Rule tests as data: loads YAML test files and runs their cases against an assessor.
 *
 * <p>A test file names a baseline profile and a list of cases; each case patches the baseline
 * ({@code given}, deep-merged; a key set to null becomes unknown; lists replace) or gives a whole
 * {@code profile}, and says what must hold: rules that fire or do not fire, the rating, a score
 * range, the information gaps reported or not reported, and which text (general, or a service
 * kind's own) a recommendation carries. Loading is strict: every problem in
 * every file is reported at its {@code file:line:column} in one {@link RuleTestException}.
 *
 * <p>Stateless and thread-safe; the suites and reports are immutable records.
 */
public final class RuleTests {
    /** The rule whose findings are information gaps, one per unknown fact. */
    public static final String GAP_RULE = "GAP-001";

    private RuleTests() {
    }

    /**
     * Loads a test file, or every {@code *.yaml} / {@code *.yml} file under a folder (recursively,
     * sorted by path). Files that other test files name as their baseline are profiles, not tests,
     * and are skipped.
     *
     * @throws RuleTestException with every problem found in the files and their baselines
     */
    public static RuleTestSuite load(Path path) {
        return load(List.of(path), null);
    }

    /**
     * Loads tests as {@link #load(Path)} does and checks every rule they name against a rule base.
     *
     * @throws RuleTestException with every problem found, including rule ids the rule base lacks
     */
    public static RuleTestSuite load(Path path, RuleBase rules) {
        return load(List.of(path), rules);
    }

    /**
     * Loads the tests of several files or folders in one pass, as {@link #load(Path)} does, and,
     * with a rule base, checks every rule id they name (those of broken cases too): all the
     * problems of all the files come at once, each at its line.
     *
     * @param rules the rule base to check ids against; null: do not check them
     * @throws RuleTestException with every problem found
     */
    public static RuleTestSuite load(List<Path> paths, RuleBase rules) {
        return load(paths, rules, new Cache());
    }

    /**
     * The test files already read, kept between loads: a watch that keeps one re-reads only the files
     * whose text (or whose baseline's text) changed since the last load. Not thread-safe.
     */
    public static final class Cache {
        /** A file as parsed, with the problems parsing it found. */
        private record Parse(byte[] content, TestFileReader.Parsed parsed, List<Diagnostic> problems) {
        }

        /** A file's cases, read against a baseline's text. */
        private record Cases(Parse from, byte[] baseline, List<RuleTestCase> cases,
                             List<TestFileReader.LocatedRef> refs, List<Diagnostic> problems) {
        }

        private final Map<Path, Parse> parses = new java.util.HashMap<>();
        private final Map<Path, Cases> cases = new java.util.HashMap<>();
    }

    /**
     * Loads tests as {@link #load(List, RuleBase)} does, re-reading only what changed since the loads
     * that filled {@code cache}.
     *
     * @throws RuleTestException with every problem found
     */
    public static RuleTestSuite load(List<Path> paths, RuleBase rules, Cache cache) {
        List<Diagnostic> problems = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            files.addAll(files(path, problems));
        }
        Map<Path, com.fasterxml.jackson.databind.node.ObjectNode> baselineTrees = new java.util.HashMap<>();
        List<Cache.Parse> parsed = new ArrayList<>();
        Set<Path> baselines = new LinkedHashSet<>();
        for (Path file : files) {
            byte[] content;
            try {
                content = Files.readAllBytes(file);
            } catch (IOException e) {
                problems.add(new Diagnostic(file.toString(), 0, 0, "cannot read: " + e.getMessage()));
                continue;
            }
            Cache.Parse p = cache.parses.get(file);
            if (p == null || !java.util.Arrays.equals(p.content(), content)) {
                List<Diagnostic> found = new ArrayList<>();
                p = new Cache.Parse(content, new TestFileReader(found, baselineTrees).parse(file, content), found);
                cache.parses.put(file, p);
            }
            problems.addAll(p.problems());
            if (p.parsed() != null) {
                parsed.add(p);
                if (p.parsed().baseline() != null) {
                    baselines.add(p.parsed().baseline());
                }
            }
        }
        List<String> names = new ArrayList<>();
        List<RuleTestCase> cases = new ArrayList<>();
        List<TestFileReader.LocatedRef> refs = new ArrayList<>();
        for (Cache.Parse p : parsed) {
            Path path = p.parsed().path();
            boolean inAFolder = paths.stream().anyMatch(Files::isDirectory) && !paths.contains(path);
            if (inAFolder && baselines.contains(path.toAbsolutePath().normalize())) {
                continue;
            }
            byte[] baseline = p.parsed().baseline() == null ? null : readOrNull(p.parsed().baseline());
            Cache.Cases c = cache.cases.get(path);
            if (c == null || c.from() != p || !java.util.Arrays.equals(c.baseline(), baseline)) {
                List<Diagnostic> found = new ArrayList<>();
                TestFileReader reader = new TestFileReader(found, baselineTrees);
                c = new Cache.Cases(p, baseline, reader.cases(p.parsed()), reader.refs(), found);
                cache.cases.put(path, c);
            }
            names.add(p.parsed().file());
            cases.addAll(c.cases());
            refs.addAll(c.refs());
            problems.addAll(c.problems());
        }
        if (rules != null) {
            Variants variants = new Variants(rules);
            for (TestFileReader.LocatedRef r : refs) {
                String problem = variants.check(r.ref());
                if (problem != null) {
                    problems.add(new Diagnostic(r.file(), r.ref().line(), r.ref().column(), problem));
                }
            }
        }
        if (!problems.isEmpty()) {
            // a broken baseline shared by several files: reported once
            throw new RuleTestException(inFileOrder(files, List.copyOf(new LinkedHashSet<>(problems))));
        }
        return new RuleTestSuite(names, cases);
    }

    private static byte[] readOrNull(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            return null; // reported where the test file names it
        }
    }

    /**
     * The rules a suite names that the rule base does not have (typos, removed rules, unknown
     * variants), one diagnostic each at its line and column; empty when all are known.
     */
    public static List<Diagnostic> validate(RuleTestSuite suite, RuleBase rules) {
        List<Diagnostic> problems = new ArrayList<>();
        for (RuleTestCase c : suite.cases()) {
            problems.addAll(validate(c, rules));
        }
        return problems;
    }

    /**
     * Runs every case of a suite, in order, and works out which rules the passing cases cover.
     *
     * @throws RuleTestException when the suite names rules the assessor's rule base does not have
     */
    public static TestReport run(VendorRiskAssessor assessor, RuleTestSuite suite) {
        return run(assessor, suite, List.of(), null);
    }

    /**
     * Runs every case of a suite, as {@link #run(VendorRiskAssessor, RuleTestSuite)} does, and works
     * out the coverage of the rules of {@code ruleFolders} only: tests of an overlay judge the
     * overlay's rules, not the core rules under it.
     *
     * @param ruleFolders the rules folders whose rules the coverage lists; empty: every rule
     * @throws RuleTestException when the suite names rules the assessor's rule base does not have
     */
    public static TestReport run(VendorRiskAssessor assessor, RuleTestSuite suite, List<Path> ruleFolders) {
        return run(assessor, suite, ruleFolders, null);
    }

    /**
     * Runs every case of a suite on the run date {@code runDate} ({@code vra test --today}); a case's own
     * {@code today} still wins. Null: each case on its profile's {@code assessedOn}.
     *
     * @throws RuleTestException when the suite names rules the assessor's rule base does not have
     */
    public static TestReport run(VendorRiskAssessor assessor, RuleTestSuite suite, java.time.LocalDate runDate) {
        return run(assessor, suite, List.of(), runDate);
    }

    /**
     * Runs every case of a suite on {@code runDate} (null: each case on its profile's {@code assessedOn};
     * a case's own {@code today} wins) and works out the coverage of the rules of {@code ruleFolders}
     * (empty: every rule).
     *
     * @throws RuleTestException when the suite names rules the assessor's rule base does not have
     */
    public static TestReport run(VendorRiskAssessor assessor, RuleTestSuite suite, List<Path> ruleFolders,
                                 java.time.LocalDate runDate) {
        return run(assessor, suite, ruleFolders, runDate, null);
    }

    /**
     * Runs a suite as {@link #run(VendorRiskAssessor, RuleTestSuite, List, java.time.LocalDate)} does, reusing
     * the profiles read by earlier runs of the same suite: a watch that re-runs unchanged tests against new
     * rules reads each case's profile once.
     *
     * @param read the profiles read so far, by case (a concurrent map kept between runs, filled here); null:
     *             read every case's profile
     * @throws RuleTestException when the suite names rules the assessor's rule base does not have
     */
    public static TestReport run(VendorRiskAssessor assessor, RuleTestSuite suite, List<Path> ruleFolders,
                                 java.time.LocalDate runDate, java.util.concurrent.ConcurrentMap<RuleTestCase, ParsedProfile> read) {
        List<Diagnostic> problems = validate(suite, assessor.rules());
        if (!problems.isEmpty()) {
            throw new RuleTestException(problems);
        }
        Variants variants = new Variants(assessor.rules());
        // the cases are independent and the assessor is thread-safe: run them on every core, report in order
        List<CaseResult> results = suite.cases().parallelStream().map(c -> run(assessor, c, variants, runDate, read)).toList();
        Set<String> covered = new LinkedHashSet<>();
        Set<String> refuted = new LinkedHashSet<>();
        for (int i = 0; i < results.size(); i++) {
            RuleTestCase c = suite.cases().get(i);
            CaseResult result = results.get(i);
            if (!result.passed()) {
                continue;
            }
            for (RuleRef ref : c.expect().fires()) {
                result.fired().stream().filter(ref::matches).forEach(covered::add);
            }
            for (RuleRef ref : c.expect().doesNotFire()) {
                variants.keys().stream().filter(ref::matches).forEach(refuted::add);
            }
        }
        List<String> scope = variants.keysIn(ruleFolders);
        List<String> uncovered = scope.stream().filter(k -> !covered.contains(k)).toList();
        List<String> unrefuted = scope.stream().filter(k -> !refuted.contains(k)).toList();
        return new TestReport(results, scope, uncovered, unrefuted);
    }

    /**
     * Runs one case.
     *
     * @throws RuleTestException when the case names rules the assessor's rule base does not have
     */
    public static CaseResult run(VendorRiskAssessor assessor, RuleTestCase testCase) {
        List<Diagnostic> problems = validate(testCase, assessor.rules());
        if (!problems.isEmpty()) {
            throw new RuleTestException(problems);
        }
        return run(assessor, testCase, new Variants(assessor.rules()), null, null);
    }

    /**
     * The assessor a case runs on: on the case's {@code today} when it sets one; otherwise on the
     * profile's own {@code assessedOn}, so that a case never depends on the day the tests run (no
     * review is overdue on the day of the assessment); a profile without one runs on the assessor's date.
     * A run date given for the whole run ({@code vra test --today}) comes between the two.
     */
    private static VendorRiskAssessor onRunDate(VendorRiskAssessor assessor, RuleTestCase c, ParsedProfile parsed,
                                                java.time.LocalDate runDate) {
        if (c.today() != null || runDate != null) {
            return assessor.withRunDate(c.today() != null ? c.today() : runDate);
        }
        java.time.LocalDate assessedOn = parsed.profile().assessment().assessedOn();
        return assessedOn != null ? assessor.withRunDate(assessedOn) : assessor;
    }

    private static CaseResult run(VendorRiskAssessor assessor, RuleTestCase c, Variants variants,
                                  java.time.LocalDate runDate, Map<RuleTestCase, ParsedProfile> read) {
        Assessment assessment;
        try {
            ParsedProfile parsed = read != null ? read.get(c) : null;
            if (parsed == null) {
                parsed = assessor.reader().read(c.location() + " (case '" + c.name() + "')",
                        c.profile().getBytes(StandardCharsets.UTF_8));
                if (read != null) {
                    read.put(c, parsed);
                }
            }
            assessment = onRunDate(assessor, c, parsed, runDate).assess(parsed, List.of());
        } catch (AssessorException e) {
            List<String> why = new ArrayList<>();
            for (Diagnostic d : e.diagnostics()) {
                why.add("the profile could not be assessed: " + d.message());
            }
            return new CaseResult(c.file(), c.line(), c.name(), false, why, List.of(), List.of());
        }
        Map<String, List<Finding>> fired = new LinkedHashMap<>();
        Set<String> gaps = new TreeSet<>();
        for (Finding f : assessment.activeFindings()) {
            fired.computeIfAbsent(variants.keyOf(f), k -> new ArrayList<>()).add(f);
            if (GAP_RULE.equals(f.id()) && !f.evidence().isEmpty()) {
                gaps.add(f.evidence().get(0).path());
            }
        }
        List<String> firedKeys = fired.keySet().stream().sorted().toList();
        Expectation expect = c.expect();
        List<String> failures = new ArrayList<>();
        for (RuleRef ref : expect.fires()) {
            if (firedKeys.stream().noneMatch(ref::matches)) {
                failures.add("expected " + ref.key() + " to fire; fired: " + firedKeys);
            }
        }
        for (RuleRef ref : expect.doesNotFire()) {
            for (String key : firedKeys) {
                if (ref.matches(key)) {
                    failures.add("expected " + ref.key() + " not to fire; it fired" + evidence(fired.get(key)));
                }
            }
        }
        if (expect.rating() != null && expect.rating() != assessment.rating()) {
            failures.add("expected rating " + expect.rating() + "; was " + assessment.rating() + " (score "
                    + ScoreRange.number(assessment.score()) + "; fired: " + firedKeys + ")");
        }
        if (expect.score() != null && !expect.score().contains(assessment.score())) {
            failures.add("expected score " + expect.score() + "; was " + ScoreRange.number(assessment.score())
                    + " (fired: " + firedKeys + ")");
        }
        for (String gap : expect.gaps()) {
            if (!gaps.contains(gap)) {
                failures.add("expected a " + GAP_RULE + " gap for " + gap + "; gaps: " + gaps);
            }
        }
        for (String gap : expect.noGaps()) {
            if (gaps.contains(gap)) {
                failures.add("expected no " + GAP_RULE + " gap for " + gap + "; gaps: " + gaps);
            }
        }
        expect.recommendationTexts().forEach((key, variant) -> {
            Recommendation r = assessment.recommendations().stream().filter(x -> x.key().equals(key)).findFirst()
                    .orElse(null);
            String actual = r == null ? null : r.textKind() == null ? TestFileReader.GENERAL_TEXT : r.textKind();
            if (r == null) {
                failures.add("expected recommendation '" + key + "'; recommendations: "
                        + assessment.recommendations().stream().map(Recommendation::key).toList());
            } else if (!variant.equals(actual)) {
                failures.add("expected the " + variant + " text of recommendation '" + key + "'; it was the " + actual
                        + " text: " + r.text());
            }
        });
        return new CaseResult(c.file(), c.line(), c.name(), failures.isEmpty(), failures, firedKeys, List.copyOf(gaps));
    }

    private static String evidence(List<Finding> findings) {
        List<String> facts = new ArrayList<>();
        for (Finding f : findings) {
            f.evidence().forEach(e -> facts.add(e.path() + ": " + e.text()));
        }
        return facts.isEmpty() ? "" : " on " + String.join(", ", facts);
    }

    private static List<Diagnostic> validate(RuleTestCase c, RuleBase rules) {
        Variants variants = new Variants(rules);
        List<Diagnostic> problems = new ArrayList<>();
        List<RuleRef> refs = new ArrayList<>(c.expect().fires());
        refs.addAll(c.expect().doesNotFire());
        for (RuleRef ref : refs) {
            String problem = variants.check(ref);
            if (problem != null) {
                problems.add(new Diagnostic(c.file(), ref.line() > 0 ? ref.line() : c.line(), ref.column(), problem));
            }
        }
        return problems;
    }

    /** Test files in path order (other files, such as baselines, where first reported); each file's by line and column. */
    private static List<Diagnostic> inFileOrder(List<Path> files, List<Diagnostic> problems) {
        Map<String, Integer> fileOrder = new LinkedHashMap<>();
        files.forEach(f -> fileOrder.putIfAbsent(f.toString(), fileOrder.size()));
        problems.forEach(d -> fileOrder.putIfAbsent(d.file(), fileOrder.size()));
        List<Diagnostic> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparing((Diagnostic d) -> fileOrder.get(d.file()))
                .thenComparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column));
        return sorted;
    }

    private static List<Path> files(Path path, List<Diagnostic> problems) {
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        if (!Files.isDirectory(path)) {
            problems.add(new Diagnostic(path.toString(), 0, 0, "cannot read: no such file or folder"));
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(path)) {
            List<Path> files = walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".yaml") || p.getFileName().toString().endsWith(".yml"))
                    .sorted(Comparator.comparing(p -> path.relativize(p).toString().replace('\\', '/')))
                    .toList();
            if (files.isEmpty()) {
                problems.add(new Diagnostic(path.toString(), 0, 0, "no test files (*.yaml, *.yml) in this folder"));
            }
            return files;
        } catch (IOException | UncheckedIOException e) {
            problems.add(new Diagnostic(path.toString(), 0, 0, "cannot read: " + e.getMessage()));
            return List.of();
        }
    }

    /** The rule base's rules as keys ({@code id}, or {@code id/variant} where an id has several rules). */
    private static final class Variants {
        private final Map<String, List<RuleMeta>> byId = new LinkedHashMap<>();
        private final List<String> keys = new ArrayList<>();

        Variants(RuleBase rules) {
            for (RuleMeta meta : rules.rules()) {
                if (PortfolioSession.AREA.equals(meta.area())) {
                    continue; // judged over a whole batch, not one profile: PortfolioRulesTest covers them
                }
                byId.computeIfAbsent(meta.id(), k -> new ArrayList<>()).add(meta);
            }
            byId.values().forEach(metas -> metas.forEach(m -> keys.add(key(m, metas))));
        }

        List<String> keys() {
            return keys;
        }

        /** The keys of the rules whose file lies in one of {@code folders}; every key when there are none. */
        List<String> keysIn(List<Path> folders) {
            if (folders.isEmpty()) {
                return keys;
            }
            List<Path> roots = folders.stream().map(f -> f.toAbsolutePath().normalize()).toList();
            List<String> out = new ArrayList<>();
            byId.values().forEach(metas -> metas.forEach(m -> {
                if (inAny(m.file(), roots)) {
                    out.add(key(m, metas));
                }
            }));
            return out;
        }

        private static boolean inAny(String file, List<Path> roots) {
            try {
                Path path = Path.of(file).toAbsolutePath().normalize();
                return roots.stream().anyMatch(path::startsWith);
            } catch (java.nio.file.InvalidPathException e) {
                return false; // the bundled rules ('<bundled>/...') lie in no folder
            }
        }

        private static String key(RuleMeta meta, List<RuleMeta> sameId) {
            return sameId.size() == 1 || meta.variant().isEmpty() ? meta.id() : meta.id() + "/" + meta.variant();
        }

        /** The key of the rule that produced a finding (findings carry no variant: match title, then severity). */
        String keyOf(Finding f) {
            List<RuleMeta> metas = byId.get(f.id());
            if (metas == null || metas.size() == 1) {
                return f.id();
            }
            RuleMeta match = metas.stream().filter(m -> m.title().equals(f.title()) && m.severity() == f.severity())
                    .findFirst()
                    .orElse(metas.stream().filter(m -> m.severity() == f.severity()).findFirst().orElse(null));
            return match == null ? f.id() : key(match, metas);
        }

        /** Null when the reference names a rule of the rule base; otherwise what is wrong. */
        String check(RuleRef ref) {
            List<RuleMeta> metas = byId.get(ref.id());
            if (metas == null) {
                String near = TestFileReader.closest(ref.id(), new ArrayList<>(byId.keySet()));
                return "unknown rule '" + ref.id() + "'; the rule base has no rule with this id"
                        + (near != null ? "; did you mean '" + near + "'?" : "");
            }
            if (ref.variant().isEmpty()) {
                return null;
            }
            List<String> known = metas.stream().map(RuleMeta::variant).filter(v -> !v.isEmpty()).toList();
            if (known.contains(ref.variant())) {
                return null;
            }
            return known.isEmpty()
                    ? "rule '" + ref.id() + "' has no variants; write '" + ref.id() + "'"
                    : "rule '" + ref.id() + "' has no variant '" + ref.variant() + "'; its variants are "
                    + String.join(", ", known.stream().map(v -> ref.id() + "/" + v).toList());
        }
    }
}
