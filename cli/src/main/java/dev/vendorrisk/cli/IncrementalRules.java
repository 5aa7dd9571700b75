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
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * The rules of a watch, rebuilt after every save with as little work as possible: each DRL file is
 * compiled on its own and its Drools packages are kept with its text, so a save recompiles only the
 * files whose text changed; the live KieBase is then updated in place (the changed files' old rules
 * removed, their new packages added), so the unchanged rules keep their network and their warmed-up
 * code. A change of the scoring files only re-reads the policy. Broken rules leave the last good
 * rule base in place and throw their diagnostics. Not thread-safe: one watch loop owns it.
 */
final class IncrementalRules {
    /** One file's text and what it compiled to. */
    private record Compiled(String content, Collection<KiePackage> packages) {
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
            if (!trustRules) {
                List<RuleSafety.Refusal> refused = RuleSafety.check(source);
                if (refused.stream().anyMatch(RuleSafety.Refusal::blocksCompile)) {
                    refused.forEach(r -> problems.add(r.diagnostic()));
                    continue;
                }
            }
            List<Diagnostic> fileProblems = new ArrayList<>();
            long c0 = System.nanoTime();
            Collection<KiePackage> packages = RuleBase.compilePackages(List.of(source), fileProblems);
            compileNanos += System.nanoTime() - c0;
            recompiled++;
            problems.addAll(fileProblems);
            if (packages != null) {
                next.put(source.file(), new Compiled(source.content(), packages));
            }
        }
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
            built = VendorRiskAssessor.builder().precompiled(kieBase, set.drl(), set.policy()).disable(disabled)
                    .trustRules(trustRules).timeLimit(timeLimit).build();
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

    /** Brings the KieBase to {@code next}: in place when it holds every rule of the applied files, else anew. */
    private void update(Map<String, Compiled> next) {
        if (current != null) {
            current.rules().sessions().shutdown(); // pooled sessions would otherwise be updated with the KieBase
        }
        if (kieBase == null || pruned) {
            kieBase = KnowledgeBaseFactory.newKnowledgeBase();
            List<KiePackage> all = new ArrayList<>();
            next.values().forEach(c -> all.addAll(c.packages()));
            kieBase.addPackages(all);
        } else {
            Map<String, Compiled> gone = new HashMap<>(applied);
            List<KiePackage> added = new ArrayList<>();
            for (Map.Entry<String, Compiled> e : next.entrySet()) {
                Compiled before = gone.get(e.getKey());
                if (before == e.getValue()) {
                    gone.remove(e.getKey());
                } else {
                    added.addAll(e.getValue().packages());
                }
            }
            for (Compiled old : gone.values()) {
                for (KiePackage pkg : old.packages()) {
                    for (Rule rule : pkg.getRules()) {
                        if (kieBase.getRule(rule.getPackageName(), rule.getName()) != null) {
                            kieBase.removeRule(rule.getPackageName(), rule.getName());
                        }
                    }
                }
            }
            if (!added.isEmpty()) {
                kieBase.addPackages(added);
            }
        }
        applied = next;
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
            for (KiePackage pkg : c.packages()) {
                n += pkg.getRules().size();
            }
        }
        return n;
    }

    @Override
    public String toString() {
        return "IncrementalRules" + Objects.toString(folders);
    }
}
