package dev.vendorrisk.cli;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.QueryDescr;
import org.drools.drl.ast.descr.RuleDescr;

/**
 * A rule file cut into its rules' texts and what surrounds them (package, imports, globals, functions,
 * declarations, comments), so that a watch can tell which rules a save changed and compile those alone.
 * A text with some rules blanked out keeps every line break and column, so it compiles with the file's
 * own line numbers.
 *
 * @param pkg          the file's package
 * @param surroundings the texts before, between and after the rules, without white space (where blank
 *                     lines go between rules, or rules added and removed, does not change it)
 * @param rules        each rule's text, by rule name, in file order
 * @param spans        each rule's start and end offset in the file, by rule name
 * @param text         the file
 */
record RuleShape(String pkg, String surroundings, Map<String, String> rules, Map<String, int[]> spans, String text) {
    /** The file parsed by Drools' parser; null when it has syntax errors (the compiler reports them). */
    static PackageDescr parse(String content) {
        return dev.vendorrisk.assessor.rules.safety.RuleSafety.parse(content);
    }

    /**
     * The shape of a parsed file; null when the file cannot be patched rule by rule: it did not parse,
     * it has queries, rules that extend others, or two rules of one name, or the parser gave no place for
     * a rule.
     */
    static RuleShape of(String content, PackageDescr parsed) {
        if (parsed == null) {
            return null;
        }
        StringBuilder around = new StringBuilder();
        int from = 0;
        Map<String, String> rules = new LinkedHashMap<>();
        Map<String, int[]> spans = new LinkedHashMap<>();
        for (RuleDescr rule : parsed.getRules()) {
            int start = rule.getStartCharacter();
            int end = rule.getEndCharacter();
            if (rule instanceof QueryDescr || rule.getParentName() != null || start < from || end <= start
                    || end > content.length() || rules.containsKey(rule.getName())) {
                return null;
            }
            rules.put(rule.getName(), content.substring(start, end));
            spans.put(rule.getName(), new int[] {start, end});
            around.append(content, from, start);
            from = end;
        }
        around.append(content, from, content.length());
        String pkg = parsed.getName() == null || parsed.getName().isEmpty() ? "defaultpkg" : parsed.getName();
        return new RuleShape(pkg, around.toString().replaceAll("\\s+", ""), rules, spans, content);
    }

    /** True when only rules differ between the two files: package, imports, functions and comments are the same. */
    boolean sameSurroundings(RuleShape other) {
        return pkg.equals(other.pkg) && surroundings.equals(other.surroundings);
    }

    /** The rules of this file that are new or whose text differs from {@code earlier}'s. */
    Set<String> changedSince(RuleShape earlier) {
        Set<String> changed = new LinkedHashSet<>();
        rules.forEach((name, text) -> {
            if (!Objects.equals(earlier.rules.get(name), text)) {
                changed.add(name);
            }
        });
        return changed;
    }

    /** The file with every rule but {@code kept} blanked out: same lines, same columns. */
    String only(Set<String> kept) {
        char[] out = text.toCharArray();
        spans.forEach((name, span) -> {
            if (!kept.contains(name)) {
                blank(out, span[0], span[1]);
            }
        });
        return new String(out);
    }

    private static void blank(char[] text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (text[i] != '\n' && text[i] != '\r') {
                text[i] = ' ';
            }
        }
    }
}
