package dev.vendorrisk.assessor.rules;

import dev.vendorrisk.assessor.Diagnostic;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.TypeDeclarationDescr;

/**
 * Finds patterns on types that nothing ever inserts into a session (a rule on {@code Vendor}, a
 * record nested in the profile, compiles but can never fire). The types that are inserted are
 * {@link FactTypes}' and those the rules construct in their actions ({@code new X(...)}); a pattern
 * on a supertype of one of them ({@code Object}) matches it.
 */
final class FactPatterns {
    private static final Pattern NEW_TYPE = Pattern.compile("\\bnew\\s+((?:[A-Za-z_]\\w*\\.)*[A-Z]\\w*)\\s*\\(");
    private static final Pattern SIMPLE_CONSTRAINT = Pattern.compile(
            "[a-z]\\w*(?:\\.\\w+)*\\s*(?:==|!=|<=|>=|<|>|contains\\b|matches\\b|memberOf\\b|in\\b).*");

    private FactPatterns() {
    }

    /** One warning per pattern, over all parsed rule files (an action in one file may insert what another matches). */
    static List<Diagnostic> neverInserted(Map<RuleSource, PackageDescr> files) {
        Set<String> constructed = new HashSet<>();
        for (PackageDescr pkg : files.values()) {
            for (RuleDescr rule : pkg.getRules()) {
                if (rule.getConsequence() != null) {
                    Matcher m = NEW_TYPE.matcher(String.valueOf(rule.getConsequence()));
                    while (m.find()) {
                        constructed.add(simple(m.group(1)));
                    }
                }
            }
        }
        Set<String> declared = new HashSet<>();
        files.values().forEach(p -> p.getTypeDeclarations().forEach((TypeDeclarationDescr t) -> declared.add(t.getTypeName())));
        List<Diagnostic> out = new ArrayList<>();
        for (Map.Entry<RuleSource, PackageDescr> file : files.entrySet()) {
            String[] text = file.getKey().content().split("\\R", -1);
            for (RuleDescr rule : file.getValue().getRules()) {
                List<PatternDescr> patterns = new ArrayList<>();
                collect(rule.getLhs(), patterns);
                for (PatternDescr p : patterns) {
                    String type = p.getObjectType();
                    if (type != null && neverInserted(type, file.getValue(), constructed, declared)) {
                        out.add(warning(file.getKey().file(), text, rule, p, type, resolve(type, file.getValue())));
                    }
                }
            }
        }
        return out;
    }

    /** The patterns that match working memory: not those reading {@code from} an expression. */
    private static void collect(BaseDescr descr, List<PatternDescr> out) {
        if (descr instanceof PatternDescr p) {
            if (p.getSource() == null) {
                out.add(p);
            } else if (p.getSource() instanceof AccumulateDescr a) {
                collect(a.getInput(), out);
            } else if (p.getSource() instanceof CollectDescr c) {
                collect(c.getInputPattern(), out);
            }
        } else if (descr instanceof ConditionalElementDescr ce) {
            for (BaseDescr child : ce.getDescrs()) {
                collect(child, out);
            }
        }
    }

    private static boolean neverInserted(String type, PackageDescr pkg, Set<String> constructed, Set<String> declared) {
        String simple = simple(type);
        if (FactTypes.bySimpleName(simple) != null || constructed.contains(simple)) {
            return false;
        }
        Class<?> resolved = resolve(type, pkg);
        if (resolved == null) {
            // unknown types are the compiler's to report; a declared type nobody constructs is never inserted
            return declared.contains(simple);
        }
        for (FactTypes.FactType t : FactTypes.all()) {
            if (resolved.isAssignableFrom(t.type())) {
                return false;
            }
        }
        for (String c : constructed) {
            Class<?> built = resolve(c, pkg);
            if (built != null && resolved.isAssignableFrom(built)) {
                return false;
            }
        }
        return true;
    }

    /** The class a type name means in a file with these imports, or null. */
    private static Class<?> resolve(String type, PackageDescr pkg) {
        List<String> candidates = new ArrayList<>();
        String nested = type.replace('.', '$');
        candidates.add(type);
        candidates.add("java.lang." + type);
        String first = type.contains(".") ? type.substring(0, type.indexOf('.')) : type;
        String rest = type.substring(first.length()).replace('.', '$');
        for (ImportDescr imp : pkg.getImports()) {
            String target = imp.getTarget();
            if (target.endsWith(".*")) {
                candidates.add(target.substring(0, target.length() - 1) + nested);
            } else if (target.endsWith("." + first)) {
                candidates.add(target + rest);
            }
        }
        for (String name : candidates) {
            try {
                return Class.forName(name, false, FactPatterns.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                // try the next
            }
        }
        return null;
    }

    private static Diagnostic warning(String file, String[] text, RuleDescr rule, PatternDescr p, String type,
                                      Class<?> resolved) {
        String simple = simple(type);
        String hint = "; match one of the fact types listed in docs/rules-facts.md, or insert " + simple
                + " facts from a rule's action";
        List<String> holders = resolved == null ? List.of() : FactTypes.holders(resolved);
        if (holders.size() == 1) {
            String holder = holders.get(0);
            String fact = holder.substring(0, holder.indexOf('.'));
            String field = holder.substring(holder.indexOf('.') + 1);
            String example = fact + "(" + field + ".<property> ...)";
            if (p.getConstraint() != null && !p.getConstraint().getDescrs().isEmpty()
                    && p.getConstraint().getDescrs().get(0) instanceof ExprConstraintDescr e
                    && SIMPLE_CONSTRAINT.matcher(e.getExpression().strip()).matches()) {
                example = fact + "(" + field + "." + e.getExpression().strip() + ")";
            }
            hint = "; reach it through " + holder + ", e.g. " + example;
        }
        int line = p.getLine();
        int column = line >= 1 && line <= text.length ? text[line - 1].indexOf(simple) + 1 : 0;
        return new Diagnostic(file, line, Math.max(0, column), ruleLabel(rule) + " matches " + simple
                + ", which is never inserted into the session, so the rule can never fire" + hint);
    }

    private static String ruleLabel(RuleDescr rule) {
        for (AnnotationDescr a : rule.getAnnotations()) {
            if (a.getName().equals("id")) {
                String id = MetaCheck.text(a.getSingleValueAsString());
                if (!id.isEmpty()) {
                    return "rule '" + id + "'";
                }
            }
        }
        return "rule '" + rule.getName() + "'";
    }

    private static String simple(String type) {
        String s = type.substring(type.lastIndexOf('.') + 1);
        return s.substring(s.lastIndexOf('$') + 1);
    }
}
