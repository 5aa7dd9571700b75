package dev.vendorrisk.cli;

import dev.vendorrisk.assessor.Diagnostic;
import dev.vendorrisk.assessor.RuleBaseException;
import dev.vendorrisk.assessor.VendorRiskAssessor;
import dev.vendorrisk.assessor.rules.RuleBase;
import dev.vendorrisk.assessor.rules.RuleSet;
import dev.vendorrisk.assessor.rules.RuleSource;
import dev.vendorrisk.assessor.rules.safety.RuleSafety;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.definition.KiePackage;
import org.drools.drl.ast.descr.PackageDescr;

/**
 * The rules of a watch, rebuilt after every save with as little work as possible: each DRL file is
 * compiled on its own and its Drools packages are kept with its text, so a save recompiles only the
 * files whose text changed, and of such a file only the rules whose text changed when nothing around
 * them did ({@link RuleShape}); the live KieBase is then updated in place (the changed rules removed,
 * their new versions added), so the unchanged rules keep their network and their warmed-up code. A
 * change of the scoring files only re-reads the policy. Every changed file is checked against the safe
 * rule language once, when its text is first seen. Broken rules leave the last good rule base in place
 * and throw their diagnostics. Not thread-safe: one watch loop owns it.
 */
final class IncrementalRules {
    /** A rule of a file, as the KieBase names it. */
    private record RuleKey(String pkg, String name) {
    }

    /**
     * One file's text; what it compiled to; what the safe rule language refuses in it that does not stop
     * compiling (checked once per text, not on every rebuild); the rules it defines; its shape (null when
     * it cannot be patched rule by rule). {@code base} is the version this one patched: then
     * {@code packages} hold only the rules in {@code replaced} that are still in the file, and the
     * other rules of {@code base} stay in the KieBase as they are.
     */
    private record Compiled(String content, Collection<KiePackage> packages, List<Diagnostic> refused,
                            Set<RuleKey> rules, RuleShape shape, Compiled base, Set<RuleKey> replaced) {
        static Compiled whole(RuleSource source, Collection<KiePackage> packages, List<Diagnostic> refused, RuleShape shape) {
            Set<RuleKey> rules = new LinkedHashSet<>();
            for (KiePackage pkg : packages) {
                pkg.getRules().forEach(r -> rules.add(new RuleKey(r.getPackageName(), r.getName())));
            }
            return new Compiled(source.content(), packages, refused, rules, shape, null, Set.of());
        }
    }

    private final List<Path> folders;
    private final Set<String> disabled;
    /** The files in effect in {@link #kieBase}, by name. */
    private Map<String, Compiled> applied = new LinkedHashMap<>();
    private InternalKnowledgeBase kieBase;
    /** The KieBase lost rules (replaced by an overlay, or disabled): rebuild it whole next time. */
    private boolean pruned;
    private VendorRiskAssessor current;
    private int recompiled;
    private int rulesCompiled;
    /** Where the last {@link #assessor()} call spent its time: read, compile, update the KieBase, index. */
    private long readNanos;
    private long compileNanos;
    private long updateNanos;
    private long indexNanos;

    private final boolean trustRules;
    private final java.time.Duration timeLimit;

    /** Rules from {@code folders} (none: the bundled rules), with {@code disabled} ids switched off. */
    IncrementalRules(List<Path> folders, Set<String> disabled) {
        this(folders, disabled, false, dev.vendorrisk.assessor.rules.RuleEngine.DEFAULT_TIME_LIMIT);
    }

    /**
     * As above; unless {@code trustRules}, every changed file is checked against the safe rule
     * language before it is compiled (the compiler evaluates parts of a rule file).
     */
    IncrementalRules(List<Path> folders, Set<String> disabled, boolean trustRules, java.time.Duration timeLimit) {
        this.folders = List.copyOf(folders);
        this.disabled = Set.copyOf(disabled);
        this.trustRules = trustRules;
        this.timeLimit = timeLimit;
    }

    /** How many rule files the last {@link #assessor()} call compiled (0: the rule base was reused as it was). */
    int recompiled() {
        return recompiled;
    }

    /** How many rules the last {@link #assessor()} call compiled: of a patched file, only its changed rules. */
    int rulesCompiled() {
        return rulesCompiled;
    }

    /** E.g. {@code read 3 ms, compile 41 ms, KieBase 12 ms, index 9 ms}: the last rebuild's phases. */
    String timings() {
        return String.format(java.util.Locale.ROOT, "read %d ms, compile %d ms, KieBase %d ms, index %d ms",
                readNanos / 1_000_000, compileNanos / 1_000_000, updateNanos / 1_000_000, indexNanos / 1_000_000);
    }

    /**
     * An assessor over the rules as they are on disk now: the previous one when no rule or scoring
     * file changed.
     *
     * @throws RuleBaseException with every problem, at file and line; the previous rules stay in effect
     */
    VendorRiskAssessor assessor() {
        recompiled = 0;
        rulesCompiled = 0;
        compileNanos = 0;
        updateNanos = 0;
        indexNanos = 0;
        long t0 = System.nanoTime();
        RuleSet set = RuleSet.read(folders, null);
        readNanos = System.nanoTime() - t0;
        if (!set.scoringProblems().isEmpty()) {
            throw new RuleBaseException(set.scoringProblems());
        }
        Map<String, Compiled> next = new LinkedHashMap<>();
        List<Diagnostic> problems = new ArrayList<>();
        for (RuleSource source : set.drl()) {
            Compiled before = applied.get(source.file());
            if (before != null && before.content().equals(source.content())) {
                next.put(source.file(), before);
                continue;
            }
            PackageDescr parsed = RuleShape.parse(source.content());
            List<Diagnostic> refused = List.of();
            if (!trustRules) {
                List<RuleSafety.Refusal> refusals = RuleSafety.check(source, parsed);
                refused = refusals.stream().map(RuleSafety.Refusal::diagnostic).toList();
                if (refusals.stream().anyMatch(RuleSafety.Refusal::blocksCompile)) {
                    problems.addAll(refused);
                    continue;
                }
            }
            RuleShape shape = RuleShape.of(source.content(), parsed);
            long c0 = System.nanoTime();
            Compiled compiled = before != null && before.shape() != null && shape != null
                    && before.shape().sameSurroundings(shape) && kieBase != null && !pruned
                    ? patch(source, before, shape, refused, problems)
                    : whole(source, shape, refused, problems);
            compileNanos += System.nanoTime() - c0;
            recompiled++;
            if (compiled != null) {
                next.put(source.file(), compiled);
                rulesCompiled += compiled.base() == null ? compiled.rules().size()
                        : compiled.packages().stream().mapToInt(p -> p.getRules().size()).sum();
            }
        }
        next.values().forEach(c -> problems.addAll(c.refused()));
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparing(Diagnostic::file).thenComparingInt(Diagnostic::line));
            throw new RuleBaseException(problems);
        }
        boolean rulesChanged = !sameFiles(next);
        if (!rulesChanged && current != null && current.rules().policy().equals(set.policy())) {
            return current;
        }
        long u0 = System.nanoTime();
        if (rulesChanged || kieBase == null) {
            update(next);
        }
        long i0 = System.nanoTime();
        updateNanos = i0 - u0;
        VendorRiskAssessor built;
        try {
            // every file in the KieBase passed the safe rule language above, when its text was first seen
            built = VendorRiskAssessor.builder().precompiled(kieBase, set.drl(), set.policy()).disable(disabled)
                    .trustRules(true).timeLimit(timeLimit).build();
        } catch (RuleBaseException e) {
            pruned = true; // the metadata check may have stopped half way: start from the packages next time
            throw e;
        } finally {
            indexNanos = System.nanoTime() - i0;
        }
        pruned = ruleCount() < expectedRules(next);
        current = built;
        return built;
    }

    /** Compiles a whole file; null (and its problems added) when it does not compile. */
    private static Compiled whole(RuleSource source, RuleShape shape, List<Diagnostic> refused, List<Diagnostic> problems) {
        List<Diagnostic> fileProblems = new ArrayList<>();
        Collection<KiePackage> packages = RuleBase.compilePackages(List.of(source), fileProblems);
        problems.addAll(fileProblems);
        return packages == null ? null : Compiled.whole(source, packages, refused, shape);
    }

    /**
     * Compiles only the rules of a file that are new or whose text changed, everything around them
     * (package, imports, functions, comments) being as before: the unchanged rules are blanked out of
     * the text, line breaks kept, so the compiler's lines and columns are the file's own.
     */
    private static Compiled patch(RuleSource source, Compiled before, RuleShape shape, List<Diagnostic> refused,
                                  List<Diagnostic> problems) {
        Set<String> changed = shape.changedSince(before.shape());
        Set<RuleKey> replaced = new LinkedHashSet<>();
        for (String name : before.shape().rules().keySet()) {
            if (changed.contains(name) || !shape.rules().containsKey(name)) {
                replaced.add(new RuleKey(shape.pkg(), name));
            }
        }
        changed.forEach(name -> replaced.add(new RuleKey(shape.pkg(), name)));
        Collection<KiePackage> packages = List.of();
        if (!changed.isEmpty()) {
            List<Diagnostic> fileProblems = new ArrayList<>();
            packages = RuleBase.compilePackages(List.of(new RuleSource(source.file(), shape.only(changed))), fileProblems);
            problems.addAll(fileProblems);
            if (packages == null) {
                return null;
            }
        }
        Set<RuleKey> rules = new LinkedHashSet<>();
        shape.rules().keySet().forEach(name -> rules.add(new RuleKey(shape.pkg(), name)));
        return new Compiled(source.content(), packages, refused, rules, shape, before, replaced);
    }

    private boolean sameFiles(Map<String, Compiled> next) {
        if (!next.keySet().equals(applied.keySet())) {
            return false;
        }
        for (Map.Entry<String, Compiled> e : next.entrySet()) {
            if (applied.get(e.getKey()) != e.getValue()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Brings the KieBase to {@code next}: in place when it holds every rule of the applied files (a
     * patched file's replaced rules removed and its new ones added; a recompiled file's rules all
     * replaced), else anew from whole files.
     */
    private void update(Map<String, Compiled> next) {
        if (current != null) {
            current.rules().sessions().shutdown(); // pooled sessions would otherwise be updated with the KieBase
        }
        if (kieBase == null || pruned) {
            List<KiePackage> all = new ArrayList<>();
            for (Map.Entry<String, Compiled> e : next.entrySet()) {
                Compiled c = e.getValue();
                if (c.base() != null) { // a patch holds only some rules: take the file whole
                    List<Diagnostic> problems = new ArrayList<>();
                    c = whole(new RuleSource(e.getKey(), c.content()), c.shape(), c.refused(), problems);
                    if (c == null) {
                        throw new RuleBaseException(problems);
                    }
                    e.setValue(c);
                }
                all.addAll(c.packages());
            }
            kieBase = KnowledgeBaseFactory.newKnowledgeBase();
            kieBase.addPackages(all);
        } else {
            Map<String, Compiled> gone = new HashMap<>(applied);
            List<KiePackage> added = new ArrayList<>();
            for (Map.Entry<String, Compiled> e : next.entrySet()) {
                Compiled now = e.getValue();
                Compiled was = gone.remove(e.getKey());
                if (was == now) {
                    continue;
                }
                if (now.base() != null && now.base() == was) {
                    remove(now.replaced());
                } else if (was != null) {
                    remove(was.rules());
                }
                added.addAll(now.packages());
            }
            gone.values().forEach(was -> remove(was.rules()));
            if (!added.isEmpty()) {
                kieBase.addPackages(added);
            }
        }
        applied = next;
    }

    private void remove(Set<RuleKey> rules) {
        for (RuleKey rule : rules) {
            if (kieBase.getRule(rule.pkg(), rule.name()) != null) {
                kieBase.removeRule(rule.pkg(), rule.name());
            }
        }
    }

    private int ruleCount() {
        int n = 0;
        for (KiePackage pkg : kieBase.getKiePackages()) {
            n += pkg.getRules().size();
        }
        return n;
    }

    private static int expectedRules(Map<String, Compiled> files) {
        int n = 0;
        for (Compiled c : files.values()) {
            n += c.rules().size();
        }
        return n;
    }

    @Override
    public String toString() {
        return "IncrementalRules" + Objects.toString(folders);
    }
}
