package dev.vendorrisk.assessor.rules;

import dev.vendorrisk.assessor.Diagnostic;
import dev.vendorrisk.assessor.RuleBaseException;
import dev.vendorrisk.assessor.scoring.Policy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.internal.builder.CompositeKnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

/**
 * The compiled rules with their metadata and the scoring policy: built once, shared by every
 * evaluation. Immutable and thread-safe (sessions are created per evaluation).
 */
public final class RuleBase {
    private static final Pattern RULE_HEADER = Pattern.compile("(?m)^\\s*rule\\s+(?:\"([^\"]+)\"|'([^']+)'|(\\S+))");
    /** Drools files {@code @description} under the name of its own annotation type. */
    private static final String DESCRIPTION = "org.kie.api.definition.type.Description";
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)");

    private final KieBase kieBase;
    private final Map<String, RuleMeta> byRuleName;
    /** The same metadata by package, then rule name: looked up per hit without building a key string. */
    private final Map<String, Map<String, RuleMeta>> byPackage;
    private final List<RuleMeta> rules;
    private final Set<String> ids;
    private final Policy policy;
    private final Map<String, RuleSource> sources;
    private volatile KieSessionsPool pool;

    private RuleBase(KieBase kieBase, Map<String, RuleMeta> byRuleName, Policy policy, Map<String, RuleSource> sources) {
        this.kieBase = kieBase;
        this.byRuleName = Map.copyOf(byRuleName);
        Map<String, Map<String, RuleMeta>> grouped = new java.util.HashMap<>();
        for (RuleMeta meta : byRuleName.values()) {
            grouped.computeIfAbsent(meta.packageName(), p -> new java.util.HashMap<>()).put(meta.ruleName(), meta);
        }
        this.byPackage = grouped;
        this.rules = byRuleName.values().stream()
                .sorted(Comparator.comparing(RuleMeta::id).thenComparing(RuleMeta::variant))
                .toList();
        Set<String> ruleIds = new LinkedHashSet<>();
        rules.forEach(r -> ruleIds.add(r.id()));
        this.ids = java.util.Collections.unmodifiableSet(ruleIds);
        this.policy = policy;
        this.sources = Map.copyOf(sources);
    }

    /**
     * Compiles rule files and checks their metadata against the policy.
     *
     * @param drlFiles  the DRL files, earlier folders first; a rule in a later file replaces an
     *                  earlier rule with the same id (and variant)
     * @param policy    the merged scoring policy (already checked)
     * @param disabled  rule ids to switch off
     * @throws RuleBaseException with one diagnostic per problem, naming file and line
     */
    public static RuleBase compile(List<RuleSource> drlFiles, Policy policy, Set<String> disabled) {
        List<Diagnostic> problems = new ArrayList<>();
        Collection<KiePackage> packages = compilePackages(drlFiles, problems);
        if (!problems.isEmpty()) {
            throw new RuleBaseException(problems);
        }
        return of(packages, drlFiles, policy, disabled);
    }

    /**
     * Compiles rule files to Drools packages (what the rule cache stores), adding one diagnostic per
     * compile problem to {@code problems}.
     *
     * @return the packages, or null when there were problems
     */
    public static Collection<KiePackage> compilePackages(List<RuleSource> drlFiles, List<Diagnostic> problems) {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        CompositeKnowledgeBuilder batch = builder.batch();
        Map<String, RuleSource> byFile = new LinkedHashMap<>();
        for (RuleSource source : drlFiles) {
            byFile.put(source.file(), source);
            batch.add(ResourceFactory.newByteArrayResource(source.content().getBytes(StandardCharsets.UTF_8))
                    .setSourcePath(source.file()), ResourceType.DRL);
        }
        int before = problems.size();
        try {
            batch.build();
        } catch (RuntimeException e) {
            problems.add(new Diagnostic(drlFiles.isEmpty() ? "rules" : drlFiles.get(0).file(), 0, 0,
                    "rules could not be compiled: " + CompileErrors.clean(String.valueOf(e.getMessage()))));
        }
        if (builder.hasErrors()) {
            problems.addAll(CompileErrors.toDiagnostics(builder.getErrors(), byFile));
        }
        return problems.size() > before ? null : builder.getKnowledgePackages();
    }

    /**
     * A rule base from compiled packages (fresh or from the cache): reads every finding rule's
     * metadata, lets later folders' rules replace earlier ones with the same id and switches
     * {@code disabled} rules off.
     *
     * @throws RuleBaseException with one diagnostic per metadata problem
     */
    public static RuleBase of(Collection<KiePackage> packages, List<RuleSource> drlFiles, Policy policy,
                              Set<String> disabled) {
        InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase();
        kieBase.addPackages(packages);
        return index(kieBase, drlFiles, policy, disabled, false);
    }

    /**
     * Wraps rules compiled elsewhere, e.g. a KieBase generated at build time by the Drools executable
     * model, and checks their metadata exactly as {@link #compile} does. The DRL sources give each rule
     * its file and line (the KieBase does not keep them), so pass the texts the KieBase was built from.
     *
     * <p>The rule base takes the KieBase over: rules replaced by a later file, or disabled, are removed
     * from it. Do not share it with code that expects every rule.
     *
     * @param kieBase  the compiled rules
     * @param drlFiles the DRL texts it was compiled from, in the order {@link #compile} would take them
     * @param policy   the scoring policy (already checked)
     * @param disabled rule ids to switch off
     * @throws RuleBaseException with one diagnostic per problem, naming file and line; also when a finding
     *                           rule of the KieBase is in none of the sources, or a source's rule is not in
     *                           the KieBase (the sources and the compiled rules disagree)
     */
    public static RuleBase of(KieBase kieBase, List<RuleSource> drlFiles, Policy policy, Set<String> disabled) {
        Objects.requireNonNull(kieBase, "kieBase");
        return index(kieBase, drlFiles, policy, disabled, true);
    }

    private static RuleBase index(KieBase kieBase, List<RuleSource> drlFiles, Policy policy, Set<String> disabled,
                                  boolean precompiled) {
        List<Diagnostic> problems = new ArrayList<>();
        Map<String, RuleSource> byFile = new LinkedHashMap<>();
        drlFiles.forEach(source -> byFile.put(source.file(), source));
        Map<String, RuleMeta> metas = new LinkedHashMap<>();
        Map<String, RuleMeta> byKey = new HashMap<>();
        List<Rule> toRemove = new ArrayList<>();
        Map<String, Integer> fileOrder = new HashMap<>();
        int order = 0;
        for (String file : byFile.keySet()) {
            fileOrder.put(file, order++);
        }
        List<Rule> all = new ArrayList<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            all.addAll(pkg.getRules());
        }
        Map<String, Location> headers = headers(byFile.values());
        Map<Rule, Location> locations = new HashMap<>();
        for (Rule rule : all) {
            locations.put(rule, headers.getOrDefault(rule.getPackageName() + "\u0000" + rule.getName(), NOWHERE));
        }
        if (precompiled) {
            checkSourcesMatch(all, locations, byFile.values(), problems);
        }
        all.sort(Comparator.comparing((Rule r) -> fileOrder.getOrDefault(locations.get(r).file(), 0))
                .thenComparing(r -> locations.get(r).line()));
        for (Rule rule : all) {
            Location where = locations.get(rule);
            Map<String, Object> meta = rule.getMetaData();
            if (!meta.containsKey("id")) {
                continue; // a derivation rule: it inserts derived facts, not findings
            }
            RuleMeta m = readMeta(rule, where, byFile.get(where.file()), policy, problems);
            if (m == null) {
                continue;
            }
            RuleMeta earlier = byKey.get(m.key());
            if (earlier != null) {
                if (fileFolder(earlier.file()).equals(fileFolder(m.file()))) {
                    problems.add(new Diagnostic(m.file(), m.line(), 0, "rule '" + m.ruleName() + "' has id '"
                            + m.key() + "', already used by rule '" + earlier.ruleName() + "' at " + earlier.file() + ":"
                            + earlier.line() + "; give each rule its own id, or a distinct @variant"));
                    continue;
                }
                metas.remove(earlier.packageName() + "\u0000" + earlier.ruleName());
                toRemove.add(kieBase.getRule(earlier.packageName(), earlier.ruleName()));
            }
            byKey.put(m.key(), m);
            metas.put(m.packageName() + "\u0000" + m.ruleName(), m);
        }
        if (!problems.isEmpty()) {
            throw new RuleBaseException(problems);
        }
        for (RuleMeta m : List.copyOf(metas.values())) {
            if (disabled.contains(m.id())) {
                metas.remove(m.packageName() + "\u0000" + m.ruleName());
                toRemove.add(kieBase.getRule(m.packageName(), m.ruleName()));
            }
        }
        for (Rule rule : toRemove) {
            kieBase.removeRule(rule.getPackageName(), rule.getName());
        }
        return new RuleBase(kieBase, metas, policy, byFile);
    }

    /** A precompiled KieBase and the sources given for it must hold the same rules. */
    private static void checkSourcesMatch(List<Rule> all, Map<Rule, Location> locations, Collection<RuleSource> sources,
                                          List<Diagnostic> problems) {
        Set<String> compiled = new HashSet<>();
        for (Rule rule : all) {
            compiled.add(rule.getPackageName() + "\u0000" + rule.getName());
            if (locations.get(rule).line() == 0) {
                problems.add(new Diagnostic("rules", 0, 0, "rule '" + rule.getName() + "' of package '"
                        + rule.getPackageName() + "' is in the compiled rule base but in none of the DRL sources given;"
                        + " pass the files the rule base was compiled from"));
            }
        }
        for (RuleSource source : sources) {
            Matcher pkg = PACKAGE.matcher(source.content());
            String pkgName = pkg.find() ? pkg.group(1) : "defaultpkg";
            Matcher m = RULE_HEADER.matcher(source.content());
            while (m.find()) {
                int group = m.group(1) != null ? 1 : m.group(2) != null ? 2 : 3;
                String found = m.group(group);
                if (!compiled.contains(pkgName + "\u0000" + found)) {
                    problems.add(new Diagnostic(source.file(), lineOf(source.content(), m.start(group)), 0, "rule '" + found
                            + "' is not in the compiled rule base; rebuild it from these sources"));
                }
            }
        }
    }

    private static String fileFolder(String file) {
        int cut = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
        return cut < 0 ? "" : file.substring(0, cut);
    }

    private static RuleMeta readMeta(Rule rule, Location where, RuleSource source, Policy policy, List<Diagnostic> problems) {
        Map<String, Object> meta = rule.getMetaData();
        int before = problems.size();
        MetaCheck.check(rule.getName(), meta::get, policy,
                (key, message) -> problems.add(new Diagnostic(where.file(), where.line(), 0, message)));
        if (problems.size() > before) {
            return null;
        }
        String id = text(meta.get("id"));
        Integer override = policy.weights().get(id);
        String area = meta.containsKey("area") ? text(meta.get("area")) : source == null ? "rules" : source.baseName();
        return new RuleMeta(id, text(meta.get("variant")), text(meta.get("title")), area,
                Severity.parse(text(meta.get("severity"))),
                override != null ? override : MetaCheck.weight(meta.get("weight")), text(meta.get("recommendation")),
                text(meta.get("backing")), text(meta.getOrDefault("description", meta.get(DESCRIPTION))), where.file(), where.line(), rule.getName(),
                rule.getPackageName());
    }

    private static String text(Object value) {
        return MetaCheck.text(value);
    }

    private record Location(String file, int line) {
    }

    private static final Location NOWHERE = new Location("rules", 0);

    /**
     * Where each rule header is, by package and rule name, in one pass over the sources (the first
     * file that names a rule wins, as the sources' order decides).
     */
    private static Map<String, Location> headers(Collection<RuleSource> sources) {
        Map<String, Location> out = new HashMap<>();
        for (RuleSource source : sources) {
            String text = source.content();
            Matcher pkg = PACKAGE.matcher(text);
            String pkgName = pkg.find() ? pkg.group(1) : "defaultpkg";
            Matcher m = RULE_HEADER.matcher(text);
            int line = 1;
            int scanned = 0;
            while (m.find()) {
                int group = m.group(1) != null ? 1 : m.group(2) != null ? 2 : 3;
                int at = m.start(group);
                for (; scanned < at; scanned++) {
                    if (text.charAt(scanned) == '\n') {
                        line++;
                    }
                }
                out.putIfAbsent(pkgName + "\u0000" + m.group(group), new Location(source.file(), line));
            }
        }
        return out;
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /**
     * Sessions to evaluate with: {@code dispose()} resets a session and returns it here, so an
     * evaluation starts from an empty working memory without paying for building a session.
     */
    public KieSessionsPool sessions() {
        KieSessionsPool p = pool;
        if (p == null) {
            synchronized (this) {
                p = pool;
                if (p == null) {
                    p = kieBase.newKieSessionsPool(Runtime.getRuntime().availableProcessors());
                    pool = p;
                }
            }
        }
        return p;
    }

    /** The compiled rules; create a new session from it for each evaluation. */
    public KieBase kieBase() {
        return kieBase;
    }

    /** Every finding rule, sorted by id. */
    public List<RuleMeta> rules() {
        return rules;
    }

    /** The metadata of a DRL rule, or null for a derivation rule. */
    public RuleMeta meta(String packageName, String ruleName) {
        Map<String, RuleMeta> inPackage = byPackage.get(packageName);
        return inPackage == null ? null : inPackage.get(ruleName);
    }

    /** Where a rule stands in its file. */
    public record Place(String file, int line) {
    }

    /** The file and line of any rule, finding or derivation; {@code rules:0} when its source is not known. */
    public Place place(String packageName, String ruleName) {
        RuleMeta meta = meta(packageName, ruleName);
        if (meta != null) {
            return new Place(meta.file(), meta.line());
        }
        org.kie.api.definition.rule.Rule rule = kieBase.getRule(packageName, ruleName);
        if (rule == null) {
            return new Place("rules", 0);
        }
        Location at = headers(sources.values()).getOrDefault(packageName + "\u0000" + ruleName, NOWHERE);
        return new Place(at.file(), at.line());
    }

    /** The scoring policy the rules were compiled with. */
    public Policy policy() {
        return policy;
    }

    /** The rule files' texts, by file name. */
    public Map<String, RuleSource> sources() {
        return sources;
    }

    /** The ids of every finding rule, in the order of {@link #rules()}; unmodifiable. */
    public Set<String> ids() {
        return ids;
    }
}
