package dev.vendorrisk.assessor.rules;

import dev.vendorrisk.assessor.Diagnostic;
import dev.vendorrisk.assessor.profile.Suggestions;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.internal.builder.KnowledgeBuilderError;

/**
 * Turns Drools compile errors into one short diagnostic per problem, at the user's file and DRL
 * line: no error codes, no generated Java class names, no follow-up noise such as "Parser
 * returned a null Package", and a hint for the common mistakes (missing {@code then}, unbalanced
 * parentheses, {@code ===}, misspelt fact types, properties and functions, unbound variables).
 */
final class CompileErrors {
    /** The fact types rules match, for "did you mean". */
    static final List<Class<?>> FACT_TYPES = List.of(
            dev.vendorrisk.assessor.profile.VendorProfile.class, dev.vendorrisk.assessor.profile.Service.class,
            dev.vendorrisk.assessor.profile.Company.class, dev.vendorrisk.assessor.profile.Support.class,
            dev.vendorrisk.assessor.profile.Sla.class, dev.vendorrisk.assessor.profile.Operations.class,
            dev.vendorrisk.assessor.profile.Continuity.class, dev.vendorrisk.assessor.profile.Contract.class,
            dev.vendorrisk.assessor.profile.Security.class, dev.vendorrisk.assessor.profile.Incident.class,
            Context.class, dev.vendorrisk.assessor.scoring.Exposure.class, Unknown.class, Hit.class);

    private static final Pattern PARSER_POSITION = Pattern.compile("^\\[ERR \\d+\\] Line (\\d+):(\\d+) ");
    private static final Pattern IN_RULE = Pattern.compile(" in rule \"?([^\"]*?)\"?$");
    private static final Pattern OBJECT_TYPE = Pattern.compile("Unable to resolve ObjectType '([^']+)'");
    private static final Pattern STRICT_METHOD = Pattern.compile(
            "unable to resolve method using strict-mode: ([\\w.$]+)\\.(\\w+)\\(\\)");
    private static final Pattern CANNOT_RESOLVE = Pattern.compile("(\\$?\\w+) cannot be resolved(?: to a (?:variable|type))?");
    private static final Pattern METHOD_UNDEFINED = Pattern.compile(
            "The method (\\w+)\\(([^)]*)\\) is undefined for the type (\\w+)");
    private static final Pattern FIELD_READER = Pattern.compile(
            "Field Reader does not exist for declaration '(\\$?\\w+)' in '[^':]*:\\s*(\\w+)");
    private static final Pattern GENERATED = Pattern.compile("\\b(?:Rule_\\w+|\\w+Invoker\\w*|\\w+ConsequenceInvoker\\w*)\\b");

    private CompileErrors() {
    }

    static List<Diagnostic> toDiagnostics(Collection<KnowledgeBuilderError> errors, Map<String, RuleSource> byFile) {
        Set<String> seen = new LinkedHashSet<>();
        List<Diagnostic> out = new ArrayList<>();
        String fallback = byFile.isEmpty() ? "rules" : byFile.keySet().iterator().next();
        for (KnowledgeBuilderError error : errors) {
            String file = error.getResource() != null && error.getResource().getSourcePath() != null
                    ? error.getResource().getSourcePath() : fallback;
            int[] lines = error.getLines();
            int line = lines != null && lines.length > 0 ? Math.max(0, lines[0]) : 0;
            RuleSource source = byFile.get(file);
            for (Diagnostic d : explain(file, line, error.getMessage(), source == null ? "" : source.content())) {
                if (seen.add(d.render())) {
                    out.add(d);
                }
            }
        }
        out = withoutFollowUps(out, byFile);
        out.sort(Comparator.comparing(Diagnostic::file).thenComparingInt(Diagnostic::line)
                .thenComparingInt(Diagnostic::column));
        return out;
    }

    private static final Pattern UNBOUND = Pattern.compile("^'(\\$\\w+)' is not defined in the action");

    /**
     * Drops "'$x' is not defined in the action" where the rule's conditions bind {@code $x} and
     * have an error of their own (an unknown fact type, say): the binding failed with them, and
     * their diagnostic says why. A variable the conditions never bind, or bind where the action
     * cannot see it (inside {@code not}) while compiling cleanly, keeps its diagnostic.
     */
    private static List<Diagnostic> withoutFollowUps(List<Diagnostic> all, Map<String, RuleSource> byFile) {
        Set<Diagnostic> followUps = new HashSet<>();
        Set<String> rulesWithASyntaxError = new HashSet<>();
        List<Diagnostic> byLine = new ArrayList<>(all);
        byLine.sort(Comparator.comparing(Diagnostic::file).thenComparingInt(Diagnostic::line));
        for (Diagnostic d : byLine) {
            if (!isSyntax(d)) {
                continue;
            }
            RuleSource source = byFile.get(d.file());
            // the parser's later complaints in the same rule, and at the end of a file that already
            // has one, come from where it lost its way after the first
            String rule = d.file() + "\u0000" + (source == null ? 0 : ruleStart(source.content().split("\\R", -1),
                    d.line()));
            boolean atEndOfFile = d.message().endsWith("mismatched input ''") || d.message().contains("<EOF>");
            if (!rulesWithASyntaxError.add(rule) || (atEndOfFile && rulesWithASyntaxError.stream()
                    .anyMatch(r -> r.startsWith(d.file() + "\u0000") && !r.equals(rule)))) {
                followUps.add(d);
            }
        }
        List<Diagnostic> kept = all.stream().filter(d -> !followUps.contains(d)).toList();
        List<Diagnostic> out = new ArrayList<>(kept.size());
        for (Diagnostic d : kept) {
            Matcher unbound = UNBOUND.matcher(d.message());
            RuleSource source = byFile.get(d.file());
            if (!unbound.find() || source == null || !boundInABrokenCondition(unbound.group(1), d, kept,
                    source.content().split("\\R", -1))) {
                out.add(d);
            }
        }
        return out;
    }

    private static boolean isSyntax(Diagnostic d) {
        String m = d.message();
        return m.startsWith("syntax error") || m.startsWith("missing 'then'") || m.startsWith("missing 'end'")
                || m.startsWith("unbalanced parentheses") || m.startsWith("invalid operator")
                || m.startsWith("missing ')'") || m.startsWith("misspelt keyword") || m.startsWith("assignment '='");
    }

    /** 1-based line of the 'rule' line at or before {@code line}; 0 before the first rule. */
    private static int ruleStart(String[] text, int line) {
        for (int l = Math.min(line, text.length); l >= 1; l--) {
            if (text[l - 1].strip().startsWith("rule ")) {
                return l;
            }
        }
        return 0;
    }

    private static boolean boundInABrokenCondition(String name, Diagnostic action, List<Diagnostic> all,
                                                   String[] text) {
        int start = Math.max(1, ruleStart(text, action.line()));
        int then = start;
        while (then < text.length && !text[then - 1].strip().startsWith("then")) {
            then++;
        }
        boolean brokenCondition = false;
        for (Diagnostic other : all) {
            brokenCondition |= other != action && other.file().equals(action.file()) && other.line() > start
                    && other.line() < then;
        }
        Pattern binding = Pattern.compile(Pattern.quote(name) + "\\s*:");
        for (int line = start + 1; brokenCondition && line < then; line++) {
            if (binding.matcher(text[line - 1]).find()) {
                return true;
            }
        }
        return false;
    }

    /** One Drools message as diagnostics (a Java compile error may hold several problems). */
    static List<Diagnostic> explain(String file, int line, String raw, String content) {
        String message = raw == null ? "" : raw.strip();
        if (message.isEmpty() || message.startsWith("Parser returned a null Package")) {
            return List.of(); // follows a syntax error that is already reported
        }
        String[] text = content.split("\\R", -1);
        Matcher parser = PARSER_POSITION.matcher(message);
        if (parser.find()) {
            return List.of(syntaxError(file, Integer.parseInt(parser.group(1)), Integer.parseInt(parser.group(2)),
                    message.substring(parser.end()).split("\\R")[0], text));
        }
        Matcher type = OBJECT_TYPE.matcher(message);
        if (type.find()) {
            String near = Suggestions.closest(type.group(1), FACT_TYPES.stream().map(Class::getSimpleName).toList());
            return List.of(new Diagnostic(file, line, column(text, line, type.group(1)), "unknown fact type '"
                    + type.group(1) + "'" + (near != null ? "; did you mean '" + near + "'?"
                    : "; import it, or use one of " + String.join(", ", FACT_TYPES.stream().map(Class::getSimpleName).toList()))));
        }
        Matcher property = STRICT_METHOD.matcher(message);
        if (property.find()) {
            return List.of(unknownProperty(file, line, property.group(1), property.group(2), text));
        }
        Matcher reader = FIELD_READER.matcher(message);
        if (reader.find()) { // a binding to a property the fact type does not have: '$n : staffCont'
            String name = reader.group(2);
            String pattern = enclosingPattern(text, line, reader.group(1));
            return List.of(FACT_TYPES.stream().filter(c -> c.getSimpleName().equals(pattern)).findFirst()
                    .map(c -> unknownProperty(file, line, c.getName(), name, text))
                    .orElseGet(() -> new Diagnostic(file, line, column(text, line, name), "unknown property '" + name
                            + "'" + (pattern != null ? " of " + pattern : ""))));
        }
        if (message.startsWith("Rule Compilation error")) {
            return javaErrors(file, line, message, text);
        }
        return List.of(new Diagnostic(file, line, 0, clean(message)));
    }

    private static Diagnostic syntaxError(String file, int line, int column, String what, String[] text) {
        Matcher rule = IN_RULE.matcher(what);
        String ruleName = rule.find() ? rule.group(1) : null;
        String problem = rule.reset().find() ? what.substring(0, rule.start()) : what;
        String where = ruleName != null ? " in rule '" + ruleName + "'" : "";
        int header = ruleName == null ? 0 : unbalancedHeaderLine(text, ruleName);
        if (header > 0) {
            return parentheses(file, text, header, where, "metadata");
        }
        Diagnostic keyword = ruleName == null ? null : misspeltKeyword(file, text, ruleName, where);
        if (keyword != null) {
            return keyword;
        }
        int next = ruleName == null ? 0 : nextRuleWithoutEnd(text, ruleName);
        if (next > 0) {
            return new Diagnostic(file, next, 0, "missing 'end'" + where + "; end the rule before this line");
        }
        if (problem.contains("mismatched input 'then'") || problem.contains("mismatched input 'end'")
                || problem.contains("no viable alternative at input 'then'")) {
            // an unbalanced parenthesis shows up only where the conditions end: point at its line
            int unbalanced = unbalancedLineBefore(text, line);
            if (unbalanced > 0) {
                return parentheses(file, text, unbalanced, where, "condition");
            }
            if (problem.contains("'end'")) {
                return new Diagnostic(file, line, column + 1, "missing 'then'" + where
                        + "; a rule reads: rule \"name\" when <conditions> then <actions> end");
            }
        }
        if (problem.contains("input '='") && isAssignment(text, line, column)) {
            return new Diagnostic(file, line, column + 1, "assignment '=' in a condition" + where
                    + "; compare with '=='");
        }
        if (problem.contains("at input '='") || problem.contains("'==='") || lineHas(text, line, "===")) {
            int at = column(text, line, "===");
            return new Diagnostic(file, line, at > 0 ? at : column + 1, "invalid operator '==='" + where + "; compare with '=='");
        }
        return new Diagnostic(file, line, column + 1, "syntax error" + where + ": " + problem.strip());
    }

    /** The words DRL reads on a line of their own inside a rule, besides 'when', 'then' and 'end'. */
    private static final Set<String> LONE_WORDS = Set.of("and", "or", "not", "exists", "forall", "eval",
            "accumulate", "collect", "from", "over", "entry", "do", "else", "break", "continue", "return");

    /**
     * A line of the rule that holds one word which is not a keyword but close to 'when', 'then' or
     * 'end' ({@code thne}, {@code edn}): the parser reports it as a confusing error some lines later.
     */
    private static Diagnostic misspeltKeyword(String file, String[] text, String ruleName, String where) {
        int start = ruleLine(text, ruleName);
        if (start == 0) {
            return null;
        }
        List<String> keywords = List.of("when", "then", "end");
        for (int i = start; i < text.length; i++) {
            String l = stripComment(text[i]).strip();
            if (l.equals("end") || l.startsWith("rule ")) {
                return null;
            }
            if (l.matches("[A-Za-z]+") && !keywords.contains(l) && !LONE_WORDS.contains(l)) {
                String near = Suggestions.closest(l, keywords);
                if (near != null) {
                    return new Diagnostic(file, i + 1, text[i].indexOf(l) + 1, "misspelt keyword '" + l + "'" + where
                            + "; did you mean '" + near + "'?");
                }
            }
        }
        return null;
    }

    /** True when the parser stopped at a lone '=' (not '==', '!=', '<=' or '>='). */
    private static boolean isAssignment(String[] text, int line, int column) {
        if (line < 1 || line > text.length) {
            return false;
        }
        String l = text[line - 1];
        if (column < 0 || column >= l.length() || l.charAt(column) != '=') {
            return false;
        }
        boolean doubled = column + 1 < l.length() && l.charAt(column + 1) == '=';
        boolean compound = column > 0 && "=!<>".indexOf(l.charAt(column - 1)) >= 0;
        return !doubled && !compound;
    }

    /** "missing ')'" when the line opens more than it closes, else unbalanced parentheses. */
    private static Diagnostic parentheses(String file, String[] text, int line, String where, String part) {
        if (depth(text[line - 1]) > 0) {
            return new Diagnostic(file, line, 0, "missing ')'" + where + "; close every '(' of the " + part
                    + " on this line");
        }
        return new Diagnostic(file, line, 0, "unbalanced parentheses" + where + "; the " + part
                + " on this line closes a ')' it never opened");
    }

    private static int depth(String line) {
        int depth = 0;
        for (char c : stripStrings(stripComment(line)).toCharArray()) {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
        }
        return depth;
    }

    /** The line of the conditions above {@code line} (back to 'when') whose parentheses do not balance, or 0. */
    private static int unbalancedLineBefore(String[] text, int line) {
        return firstUnbalanced(text, Math.min(line - 1, text.length) - 1, -1);
    }

    /**
     * Walks the lines from the 0-based {@code from} in steps of {@code step} up to the rule's
     * 'when' or 'rule' line, and gives the 1-based first line whose parentheses do not balance; 0 if none.
     */
    private static int firstUnbalanced(String[] text, int from, int step) {
        for (int i = from; i >= 0 && i < text.length; i += step) {
            String l = stripStrings(stripComment(text[i])).strip();
            if (l.equals("when") || l.startsWith("rule ")) {
                return 0;
            }
            if (depth(l) != 0) {
                return i + 1;
            }
        }
        return 0;
    }

    /** The first line of the rule's name and metadata (before 'when') whose parentheses do not balance; else 0. */
    private static int unbalancedHeaderLine(String[] text, String ruleName) {
        int start = ruleLine(text, ruleName);
        return start == 0 ? 0 : firstUnbalanced(text, start, 1);
    }

    /** 1-based line of {@code rule "ruleName"}; 0 when there is none. */
    private static int ruleLine(String[] text, String ruleName) {
        Pattern start = Pattern.compile("^\\s*rule\\s+\"?" + Pattern.quote(ruleName) + "\"?\\s*$");
        for (int i = 0; i < text.length; i++) {
            if (start.matcher(text[i]).matches()) {
                return i + 1;
            }
        }
        return 0;
    }

    /**
     * When the rule named {@code ruleName} runs into the next rule (or the end of the file) with no
     * {@code end} line, the line where it should have ended: the next rule's first line, or the
     * last line; else 0.
     */
    private static int nextRuleWithoutEnd(String[] text, String ruleName) {
        int start = ruleLine(text, ruleName);
        if (start == 0) {
            return 0;
        }
        for (int j = start; j < text.length; j++) {
            String l = stripComment(text[j]).strip();
            if (l.equals("end")) {
                return 0;
            }
            if (l.startsWith("rule ")) {
                return j + 1;
            }
        }
        return text.length;
    }

    /** The fact type of the pattern that holds {@code binding} on or before {@code line}, or null. */
    static String enclosingPattern(String[] text, int line, String binding) {
        StringBuilder before = new StringBuilder();
        for (int i = Math.max(1, line - 5); i <= Math.min(line, text.length); i++) {
            before.append(text[i - 1]).append('\n');
        }
        int at = before.lastIndexOf(binding);
        int depth = 0;
        for (int i = at - 1; i >= 0; i--) {
            char c = before.charAt(i);
            if (c == ')') {
                depth++;
            } else if (c == '(' && depth-- == 0) {
                Matcher name = Pattern.compile("(\\w+)\\s*$").matcher(before.substring(0, i));
                return name.find() ? name.group(1) : null;
            }
        }
        return null;
    }

    private static Diagnostic unknownProperty(String file, int line, String className, String name, String[] text) {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        List<String> properties = new ArrayList<>();
        try {
            Class<?> type = Class.forName(className, false, CompileErrors.class.getClassLoader());
            if (type.isRecord()) {
                for (RecordComponent c : type.getRecordComponents()) {
                    properties.add(c.getName());
                }
            }
            for (Method m : type.getMethods()) {
                if (m.getParameterCount() == 0 && m.getDeclaringClass() != Object.class
                        && !Modifier.isStatic(m.getModifiers()) && !properties.contains(m.getName())) {
                    properties.add(m.getName());
                }
            }
        } catch (ClassNotFoundException | LinkageError e) {
            // no suggestion then
        }
        String near = Suggestions.closest(name, properties);
        int at = findLine(text, line, name);
        return new Diagnostic(file, at, column(text, at, name), "unknown property '" + name + "' of " + simple
                + (near != null ? "; did you mean '" + near + "'?" : ""));
    }

    /** Java errors of a rule's action: one diagnostic each, at the action line that holds the culprit. */
    private static List<Diagnostic> javaErrors(String file, int ruleLine, String message, String[] text) {
        List<Diagnostic> out = new ArrayList<>();
        int[] action = actionLines(text, ruleLine);
        boolean javaSyntax = false;
        // the action's line when it has one ('then' and 'end' around it), else the rule's
        int oneLine = action[1] - action[0] == 2 ? action[0] + 1 : ruleLine;
        for (String part : message.substring("Rule Compilation error".length()).split("\\R")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            Matcher undefined = METHOD_UNDEFINED.matcher(p);
            Matcher unresolved = CANNOT_RESOLVE.matcher(p);
            if (undefined.find() && !GENERATED.matcher(undefined.group(3)).matches()) {
                // a method called on a value: $n.foo() with $n an Integer
                String name = undefined.group(1);
                int at = findIn(text, action, name + "(", ruleLine);
                out.add(new Diagnostic(file, at, column(text, at, name + "("), "unknown method '" + name + "("
                        + undefined.group(2) + ")' of " + undefined.group(3) + " in the action"));
            } else if (undefined.reset().find()) {
                String name = undefined.group(1);
                String near = Suggestions.closest(name, emitFunctions());
                int at = findIn(text, action, name + "(", ruleLine);
                out.add(new Diagnostic(file, at, column(text, at, name + "("), "unknown function '" + name + "("
                        + undefined.group(2) + ")' in the action" + (near != null ? "; did you mean '" + near + "'?"
                        : "; the action can call hit(kcontext, ev(...)), ev(path, value) and unknown(path)")));
            } else if (unresolved.find()) {
                String name = unresolved.group(1);
                int at = findIn(text, action, name, ruleLine);
                out.add(new Diagnostic(file, at, column(text, at, name), "'" + name + "' is not defined in the action"
                        + (name.startsWith("$") ? "; bind it in the conditions first, e.g. Company(" + name
                        + " : staffCount)" : "; check the spelling, or import its type")));
            } else if (p.startsWith("Syntax error")) {
                // the Java parser's suggestions ("insert ')'", then "insert ';'") are one problem
                if (!javaSyntax && p.contains("insert \")\"")) {
                    javaSyntax = true;
                    int at = unbalancedActionLine(text, action, oneLine);
                    out.add(new Diagnostic(file, at, 0, "missing ')' in the action; close every '(' on this line"));
                } else if (!javaSyntax) {
                    javaSyntax = true;
                    String what = p.replaceFirst("^Syntax error,?\\s*", "");
                    out.add(new Diagnostic(file, oneLine, 0,
                            "syntax error in the action" + (what.isEmpty() ? "" : ": " + what)
                            + "; check its parentheses and the ';' at the end of each statement"));
                }
            } else {
                out.add(new Diagnostic(file, oneLine, 0, "in the action: " + GENERATED.matcher(p).replaceAll("the rule")));
            }
        }
        return out;
    }

    /** The first action line whose parentheses do not balance, else {@code fallback}. */
    private static int unbalancedActionLine(String[] text, int[] action, int fallback) {
        for (int l = action[0] + 1; l < action[1] && l <= text.length; l++) {
            if (depth(text[l - 1]) != 0) {
                return l;
            }
        }
        return fallback;
    }

    private static List<String> emitFunctions() {
        List<String> names = new ArrayList<>();
        for (Method m : Emit.class.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers())) {
                names.add(m.getName());
            }
        }
        names.add("insert");
        names.add("insertLogical");
        return names;
    }

    /** 1-based first and last line of the action ('then' .. 'end') of the rule starting at {@code ruleLine}. */
    private static int[] actionLines(String[] text, int ruleLine) {
        int then = -1;
        for (int i = Math.max(0, ruleLine - 1); i < text.length; i++) {
            String l = text[i].strip();
            if (then < 0 && (l.equals("then") || l.startsWith("then ") || l.startsWith("then\t"))) {
                then = i + 1;
            } else if (then > 0 && l.equals("end")) {
                return new int[] {then, i + 1};
            }
        }
        return new int[] {ruleLine, ruleLine};
    }

    private static int findIn(String[] text, int[] range, String token, int fallback) {
        for (int l = range[0]; l <= range[1] && l <= text.length; l++) {
            if (l >= 1 && containsToken(stripComment(text[l - 1]), token)) {
                return l;
            }
        }
        return fallback;
    }

    /** The line at or after {@code line} (up to the rule's end) that contains {@code token}; else {@code line}. */
    private static int findLine(String[] text, int line, String token) {
        for (int l = Math.max(1, line); l <= text.length; l++) {
            if (containsToken(text[l - 1], token)) {
                return l;
            }
            if (text[l - 1].strip().equals("end")) {
                break;
            }
        }
        return line;
    }

    private static boolean containsToken(String line, String token) {
        int i = line.indexOf(token);
        while (i >= 0) {
            boolean startOk = i == 0 || !Character.isJavaIdentifierPart(line.charAt(i - 1)) || token.startsWith("$");
            int end = i + token.length();
            boolean endOk = token.endsWith("(") || end >= line.length() || !Character.isJavaIdentifierPart(line.charAt(end));
            if (startOk && endOk) {
                return true;
            }
            i = line.indexOf(token, i + 1);
        }
        return false;
    }

    private static int column(String[] text, int line, String token) {
        if (line < 1 || line > text.length) {
            return 0;
        }
        int i = text[line - 1].indexOf(token);
        return i < 0 ? 0 : i + 1;
    }

    private static boolean lineHas(String[] text, int line, String token) {
        return line >= 1 && line <= text.length && text[line - 1].contains(token);
    }

    private static String stripComment(String line) {
        int i = line.indexOf("//");
        return i < 0 ? line : line.substring(0, i);
    }

    private static String stripStrings(String line) {
        return stripComment(line.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\""));
    }

    /** The meaningful lines of a Drools message joined into one, without positions, codes and class names. */
    static String clean(String message) {
        if (message == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (String line : message.strip().split("\\R")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("at ") || l.startsWith("[Near") || l.equals("^")
                    || l.startsWith("[Line:") || l.startsWith("Rule Compilation error")) {
                continue;
            }
            l = l.replaceFirst("^\\[ERR \\d+\\] ", "").replaceFirst("^\\[Error: (.*)\\]$", "$1");
            l = GENERATED.matcher(l).replaceAll("the rule");
            if (l.endsWith(":")) {
                l = l.substring(0, l.length() - 1);
            }
            if (out.length() > 0) {
                out.append(": ");
            }
            out.append(l);
            if (out.length() > 300) {
                break;
            }
        }
        return out.toString();
    }
}
