package dev.vendorrisk.assessor.rules;

import dev.vendorrisk.assessor.Diagnostic;
import dev.vendorrisk.assessor.RuleBaseException;
import dev.vendorrisk.assessor.profile.Suggestions;
import dev.vendorrisk.assessor.scoring.Policy;
import dev.vendorrisk.assessor.scoring.PolicyReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import dev.vendorrisk.assessor.rules.safety.RuleSafety;
import org.kie.api.definition.KiePackage;

/**
 * The rules of one run before they are compiled: the texts of the rules folders (later folders
 * add rules, replace rules with the same id and override scoring values) and the merged scoring
 * policy. {@link #check()} finds every problem in one pass; {@link #build} compiles (or loads the
 * compiled rules from a {@link RuleCache}) and fails with all problems at once.
 */
public final class RuleSet {
    /** The calls through which rules read named limits; the name is the last string argument. */
    private static final Pattern LIMIT_CALL = Pattern.compile(
            "\\b(?:limit|withinYears|withinMonths|yearWithin)\\s*\\([^;\\n\"]*?\"([^\"]*)\"\\s*\\)");

    private final List<RuleFolders.Folder> folders;
    private final List<RuleSource> drl;
    private final List<RuleSource> scoringFiles;
    private final List<PolicyReader.Parsed> parsedScoring;
    private final Policy policy;
    private final List<Diagnostic> scoringProblems;
    private final Map<RuleSource, PackageDescr> parsed = new java.util.concurrent.ConcurrentHashMap<>();
    private final Set<RuleSource> unparsable = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private List<RuleSafety.Refusal> refusals;
    private Check check;
    private Check trustedCheck;

    private RuleSet(List<RuleFolders.Folder> folders, List<RuleSource> scoringFiles, List<PolicyReader.Parsed> parsed,
                    Policy policy, List<Diagnostic> scoringProblems) {
        this.folders = List.copyOf(folders);
        List<RuleSource> all = new ArrayList<>();
        folders.forEach(f -> all.addAll(f.drl()));
        this.drl = List.copyOf(all);
        this.scoringFiles = List.copyOf(scoringFiles);
        this.parsedScoring = List.copyOf(parsed);
        this.policy = policy;
        this.scoringProblems = List.copyOf(scoringProblems);
    }

    /**
     * The result of checking the rules: every problem, and warnings that do not stop the rules
     * from working.
     *
     * @param errors   problems, sorted by file and line; empty when the rules are usable
     * @param warnings e.g. a recommendation text no rule uses
     * @param files    how many rule files were read
     * @param rules    how many finding rules are in effect (after overlays)
     */
    public record Check(List<Diagnostic> errors, List<Diagnostic> warnings, int files, int rules) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /**
     * Reads rules folders; without folders, the rules bundled in the library. The bundled
     * {@code scoring.yaml} is always the base that the folders' scoring files override.
     *
     * @param overrides scoring values set in code, applied last; may be null
     * @throws RuleBaseException when a folder cannot be read
     */
    public static RuleSet read(List<Path> folders, Policy overrides) {
        List<RuleFolders.Folder> read = new ArrayList<>();
        List<Diagnostic> problems = new ArrayList<>();
        if (folders.isEmpty()) {
            read.add(RuleFolders.bundled());
        } else {
            for (Path folder : folders) {
                try {
                    read.add(RuleFolders.read(folder, display(folder)));
                } catch (RuleBaseException e) {
                    problems.addAll(e.diagnostics());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleBaseException(problems);
        }
        List<RuleSource> scoring = new ArrayList<>();
        RuleSource base = bundledScoring();
        scoring.add(base);
        for (RuleFolders.Folder f : read) {
            if (f.scoring() != null && !f.scoring().file().equals(base.file())) {
                scoring.add(f.scoring());
            }
        }
        Policy policy = null;
        List<PolicyReader.Parsed> parsed = new ArrayList<>();
        for (RuleSource s : scoring) {
            PolicyReader.Parsed p = PolicyReader.read(s.file(), s.content(), problems);
            parsed.add(p);
            policy = policy == null ? p.policy() : policy.overriddenBy(p.policy());
        }
        if (overrides != null) {
            policy = policy.overriddenBy(overrides);
        }
        if (problems.isEmpty()) {
            RuleSource last = scoring.get(scoring.size() - 1);
            PolicyReader.check(last.file(), policy, parsed.get(parsed.size() - 1), problems);
        }
        if (read.stream().allMatch(f -> f.drl().isEmpty())) {
            problems.add(new Diagnostic(read.get(0).name(), 0, 0,
                    "no .drl files found; point --rules at a folder of rule files"));
        }
        return new RuleSet(read, scoring, parsed, policy, problems);
    }

    private static String display(Path folder) {
        String s = folder.toString().replace('\\', '/');
        return s.startsWith("./") && s.length() > 2 ? s.substring(2) : s;
    }

    private static RuleSource bundledScoring() {
        try (InputStream in = RuleSet.class.getResourceAsStream(RuleFolders.BUNDLED + "/" + RuleFolders.SCORING_FILE)) {
            if (in == null) {
                throw new RuleBaseException(List.of(new Diagnostic("<bundled rules>", 0, 0,
                        "the library jar carries no rules; build it with Maven, or pass a rules folder")));
            }
            return new RuleSource("<bundled>/" + RuleFolders.SCORING_FILE, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new RuleBaseException(List.of(new Diagnostic("<bundled rules>", 0, 0, "cannot read: " + e.getMessage())));
        }
    }

    /** The folders read, in order. */
    public List<RuleFolders.Folder> folders() {
        return folders;
    }

    /** Every rule file, earlier folders first. */
    public List<RuleSource> drl() {
        return drl;
    }

    /** Every scoring file that was merged, the bundled base first. */
    public List<RuleSource> scoringFiles() {
        return scoringFiles;
    }

    /** The merged policy. */
    public Policy policy() {
        return policy;
    }

    /** The problems of the scoring files (read and merged), sorted; empty when they are usable. */
    public List<Diagnostic> scoringProblems() {
        return sorted(scoringProblems);
    }

    /**
     * Checks everything without stopping at the first problem: the rules against the safe rule
     * language, the scoring files against their schema, every rule's metadata, duplicate ids, the
     * limits rules read, unused recommendation texts (warning), and compiles the rules for their
     * compile errors (not when a rule is refused: compiling evaluates parts of the rules).
     */
    public Check check() {
        return check(false);
    }

    /**
     * As {@link #check()}; with {@code trustRules} the safe rule language is not enforced, and each
     * use beyond it is a warning saying the rule needs {@code --trust-rules}.
     */
    public synchronized Check check(boolean trustRules) {
        Check done = trustRules ? trustedCheck : check;
        if (done != null) {
            return done;
        }
        List<RuleSafety.Refusal> refused = refusals();
        if (!trustRules && refused.stream().anyMatch(RuleSafety.Refusal::blocksCompile)) {
            Check lint = lint(); // not compiled: the compiler evaluates parts of a rule file
            List<Diagnostic> errors = new ArrayList<>(lint.errors());
            refused.forEach(r -> errors.add(r.diagnostic()));
            done = new Check(sorted(errors), lint.warnings(), lint.files(), lint.rules());
        } else {
            LintedAndCompiled compiled = lintAndCompile();
            Check lint = compiled.lint();
            List<Diagnostic> errors = compiled.errors();
            Collection<KiePackage> packages = compiled.packages();
            if (packages != null && errors.isEmpty()) {
                try {
                    RuleBase.of(packages, drl, policy, Set.of());
                } catch (RuleBaseException e) {
                    errors.addAll(e.diagnostics());
                }
            }
            List<Diagnostic> warnings = new ArrayList<>(lint.warnings());
            if (trustRules) {
                refused.forEach(r -> warnings.add(r.trustNote()));
            } else {
                errors.addAll(unknownNames(refused, errors));
            }
            done = new Check(sorted(errors), sorted(warnings), lint.files(), lint.rules());
        }
        if (trustRules) {
            trustedCheck = done;
        } else {
            check = done;
        }
        return done;
    }

    /**
     * The refusals of names that are merely unknown, except where the compiler already reported a
     * problem on that line: its message (e.g. "did you mean 'staffCount'?") says more.
     */
    private static List<Diagnostic> unknownNames(List<RuleSafety.Refusal> refused, List<Diagnostic> errors) {
        Set<String> reported = new HashSet<>();
        errors.forEach(e -> reported.add(e.file() + ":" + e.line()));
        return refused.stream().filter(r -> !reported.contains(r.file() + ":" + r.line()))
                .map(RuleSafety.Refusal::diagnostic).toList();
    }

    /** Every use beyond the safe rule language in the rule files (see {@link RuleSafety}); computed once. */
    public synchronized List<RuleSafety.Refusal> refusals() {
        if (refusals == null) {
            List<RuleSafety.Refusal> out = new ArrayList<>();
            for (RuleSource source : drl) {
                out.addAll(RuleSafety.check(source, parse(source)));
            }
            refusals = List.copyOf(out);
        }
        return refusals;
    }

    /**
     * Compiles the rules, or loads them from {@code cache} when these exact inputs were compiled
     * before; a compilation's result is stored in the cache. The rules must pass the safe rule
     * language check ({@link RuleSafety}) first.
     *
     * @param cache may be null: always compile
     * @throws RuleBaseException with every problem {@link #check()} finds
     */
    public RuleBase build(Set<String> disabled, RuleCache cache) {
        return build(disabled, cache, false);
    }

    /**
     * As {@link #build(Set, RuleCache)}; with {@code trustRules} the safe rule language check is
     * skipped. A cache entry records how its rules were admitted (its key includes the check's
     * version, or "trusted"), so a warm start pays nothing for the check and trusted rules never
     * satisfy a run that does not trust them.
     */
    public RuleBase build(Set<String> disabled, RuleCache cache, boolean trustRules) {
        if (!scoringProblems.isEmpty()) {
            throw new RuleBaseException(sorted(scoringProblems));
        }
        String key = cache == null ? null : cache.key(drl, scoringFiles,
                trustRules ? "trusted" : "safe " + RuleSafety.VERSION);
        Collection<KiePackage> packages = key == null ? null : cache.load(key);
        if (packages == null) {
            List<RuleSafety.Refusal> refused = trustRules ? List.of() : refusals();
            if (refused.stream().anyMatch(RuleSafety.Refusal::blocksCompile)) {
                // before compiling: the compiler evaluates metadata values
                throw new RuleBaseException(sorted(refused.stream().map(RuleSafety.Refusal::diagnostic).toList()));
            }
            LintedAndCompiled done = lintAndCompile();
            List<Diagnostic> errors = new ArrayList<>(done.errors());
            packages = done.packages();
            errors.addAll(unknownNames(refused, errors));
            if (!errors.isEmpty()) {
                throw new RuleBaseException(sorted(errors));
            }
            if (key != null) {
                cache.store(key, packages);
            }
        }
        return RuleBase.of(packages, drl, policy, disabled);
    }

    private static List<Diagnostic> sorted(List<Diagnostic> diagnostics) {
        List<Diagnostic> out = new ArrayList<>(new LinkedHashSet<>(diagnostics));
        out.sort(Comparator.comparing(Diagnostic::file).thenComparingInt(Diagnostic::line)
                .thenComparingInt(Diagnostic::column));
        return out;
    }

    /** One finding rule as its DRL text declares it. */
    private record Declared(String key, String id, String recommendation, String file, int line, int folder,
                            String ruleName) {
    }

    /** The lint's result, its errors followed by the compiler's, and the compiled packages. */
    private record LintedAndCompiled(Check lint, List<Diagnostic> errors, Collection<KiePackage> packages) {
    }

    /**
     * Lints on a second thread while this one compiles: both only read the rule texts and the
     * policy, and on a cold start the compiler alone keeps one core busy for about a second.
     */
    private LintedAndCompiled lintAndCompile() {
        FutureTask<Check> lint = new FutureTask<>(this::lint);
        Thread thread = new Thread(lint, "vra-rules-lint");
        thread.setDaemon(true);
        thread.start();
        List<Diagnostic> compileErrors = new ArrayList<>();
        Collection<KiePackage> packages = RuleBase.compilePackages(drl, compileErrors);
        Check check;
        try {
            check = lint.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking the rules", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
        List<Diagnostic> errors = new ArrayList<>(check.errors());
        errors.addAll(compileErrors);
        return new LintedAndCompiled(check, errors, packages);
    }

    private Check lint() {
        List<Diagnostic> errors = new ArrayList<>(scoringProblems);
        List<Diagnostic> warnings = new ArrayList<>();
        Map<String, Double> limits = policy.flatLimits();
        List<Declared> declared = new ArrayList<>();
        boolean unparsed = false;
        Map<RuleSource, PackageDescr> parsed = new LinkedHashMap<>();
        for (int f = 0; f < folders.size(); f++) {
            for (RuleSource source : folders.get(f).drl()) {
                PackageDescr pkg = parse(source);
                if (pkg == null) {
                    unparsed = true;
                    continue; // a syntax error: the compiler reports it, and nothing else in the file is trusted
                }
                parsed.put(source, pkg);
                for (RuleDescr rule : pkg.getRules()) {
                    Declared d = lintRule(rule, source, f, errors);
                    if (d != null) {
                        declared.add(d);
                    }
                }
                lintLimits(source, limits, errors);
            }
        }
        warnings.addAll(FactPatterns.neverInserted(parsed));
        Map<String, Declared> effective = new LinkedHashMap<>();
        for (Declared d : declared) {
            Declared earlier = effective.get(d.key());
            if (earlier != null && earlier.folder() == d.folder()) {
                errors.add(new Diagnostic(d.file(), d.line(), 0, "rule '" + d.ruleName() + "' has id '" + d.key()
                        + "', already used by rule '" + earlier.ruleName() + "' at " + earlier.file() + ":"
                        + earlier.line() + "; give each rule its own id, or a distinct @variant"));
                continue;
            }
            effective.put(d.key(), d); // a later folder's rule replaces the earlier one
        }
        Set<String> used = new LinkedHashSet<>();
        Set<String> ids = new LinkedHashSet<>();
        effective.values().forEach(d -> {
            used.add(d.recommendation());
            ids.add(d.id());
        });
        // warnings only for a clean set: with errors, unparsed rules would make texts look unused
        if (errors.isEmpty() && !unparsed) {
            for (String key : policy.recommendations().keySet()) {
                if (!used.contains(key) && userDefines("recommendations." + key)) {
                    warnings.add(scoringAt("recommendations." + key, "recommendation '" + key
                            + "' is used by no rule; remove it, or name it in a rule's @recommendation"));
                }
            }
            for (String id : policy.weights().keySet()) {
                if (!ids.contains(id)) {
                    String near = Suggestions.closest(id, ids);
                    warnings.add(scoringAt("weights." + id, "weight override for '" + id + "', which no rule has"
                            + (near != null ? "; did you mean '" + near + "'?" : "")));
                }
            }
        }
        return new Check(sorted(errors), sorted(warnings), drl.size(), effective.size());
    }

    /** True when a scoring file of the user's folders sets {@code path} (the bundled base counts when it is in use). */
    private boolean userDefines(String path) {
        boolean bundledInUse = folders.size() == 1 && folders.get(0).name().startsWith("<bundled>");
        for (int i = bundledInUse ? 0 : 1; i < parsedScoring.size(); i++) {
            if (parsedScoring.get(i).positions().containsKey(path)) {
                return true;
            }
        }
        return false;
    }

    /** The diagnostic at the key's place in the last scoring file that sets it. */
    private Diagnostic scoringAt(String path, String message) {
        for (int i = parsedScoring.size() - 1; i >= 0; i--) {
            if (parsedScoring.get(i).positions().containsKey(path)) {
                return parsedScoring.get(i).at(scoringFiles.get(i).file(), path, message);
            }
        }
        RuleSource last = scoringFiles.get(scoringFiles.size() - 1);
        return new Diagnostic(last.file(), 0, 0, message);
    }

    /** The file as Drools' parser reads it, parsed once for the safety check and the lint; null on a syntax error. */
    private PackageDescr parse(RuleSource source) {
        if (unparsable.contains(source)) {
            return null;
        }
        PackageDescr done = parsed.get(source);
        if (done != null) {
            return done;
        }
        PackageDescr pkg = dev.vendorrisk.assessor.rules.safety.RuleSafety.parse(source.content());
        if (pkg == null) {
            unparsable.add(source);
            return null;
        }
        parsed.put(source, pkg);
        return pkg;
    }

    private Declared lintRule(RuleDescr rule, RuleSource source, int folder, List<Diagnostic> errors) {
        Map<String, AnnotationDescr> annotations = new HashMap<>();
        for (AnnotationDescr a : rule.getAnnotations()) {
            annotations.put(a.getName(), a);
        }
        java.util.function.Function<String, Object> value = key -> {
            AnnotationDescr a = annotations.get(key);
            if (a == null) {
                return null;
            }
            String v = a.getSingleValueAsString();
            return v == null ? "" : v;
        };
        if (!MetaCheck.isFindingRule(value)) {
            return null; // a derivation rule
        }
        int before = errors.size();
        MetaCheck.check(rule.getName(), value, policy, (key, message) -> {
            int line = annotationLine(source, rule.getLine(), key);
            errors.add(new Diagnostic(source.file(), line, 0, message));
        });
        String id = MetaCheck.text(value.apply("id"));
        if (errors.size() > before || id.isEmpty()) {
            return null;
        }
        String variant = MetaCheck.text(value.apply("variant"));
        return new Declared(variant.isEmpty() ? id : id + "/" + variant, id,
                MetaCheck.text(value.apply("recommendation")), source.file(), rule.getLine(), folder, rule.getName());
    }

    /** The line of {@code @key(} in the rule's header (between its name and 'when'), else the rule's line. */
    private static int annotationLine(RuleSource source, int ruleLine, String key) {
        String[] lines = source.content().split("\\R", -1);
        for (int i = Math.max(0, ruleLine - 1); i < lines.length; i++) {
            if (lines[i].strip().equals("when")) {
                break;
            }
            if (lines[i].contains("@" + key + "(")) {
                return i + 1;
            }
        }
        return ruleLine;
    }

    private static void lintLimits(RuleSource source, Map<String, Double> limits, List<Diagnostic> errors) {
        String[] lines = source.content().split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int comment = line.indexOf("//");
            Matcher m = LIMIT_CALL.matcher(line);
            while (m.find()) {
                if (comment >= 0 && m.start() > comment) {
                    break;
                }
                String name = m.group(1);
                if (!limits.containsKey(name)) {
                    String near = Suggestions.closest(name, limits.keySet());
                    errors.add(new Diagnostic(source.file(), i + 1, m.start(1) + 1, "unknown limit '" + name + "'"
                            + (near != null ? "; did you mean '" + near + "'?"
                            : "; define it under 'limits' in scoring.yaml")));
                }
            }
        }
    }
}
