package dev.vendorrisk.assessor.rules.safety;

import dev.vendorrisk.assessor.Diagnostic;
import dev.vendorrisk.assessor.rules.RuleSource;
import dev.vendorrisk.assessor.rules.safety.JavaTokens.Kind;
import dev.vendorrisk.assessor.rules.safety.JavaTokens.Token;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.FunctionImportDescr;
import org.drools.drl.ast.descr.MVELExprDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

/**
 * The safe rule language: checks rule files against an allowlist before they are compiled.
 *
 * <p>A rule may read the profile's facts and the derived facts, call the helper functions
 * ({@code hit}, {@code ev}, {@code unknown}, {@code Context} methods, ...), use plain values
 * (strings, numbers, dates, collections, read only) and insert facts. Every name in a condition,
 * an action or a {@code from} source must be one the {@link Vocabulary} allows, or a variable the
 * rule binds; everything else is refused: files, network, processes, {@code System},
 * {@code Runtime}, threads, reflection, class loading, fully qualified names, {@code function}
 * blocks, {@code import}s other than the project's own, {@code declare}d types, globals, queries,
 * the MVEL dialect, {@code eval}, inline {@code accumulate} code, lambdas, assignments, blocks,
 * unicode escapes, and annotation values that are not plain literals (Drools evaluates those while
 * it compiles).
 *
 * <p>DRL conditions are not Java ({@code channels not contains Channel.PHONE}), so the check works
 * on the tokens of each piece of code as Drools' own parser splits the file: what is not
 * recognised is refused, never passed.
 *
 * <p>Stateless and thread-safe.
 */
public final class RuleSafety {
    /**
     * The version of the allowlist; part of the rule cache's key, so rules cached under an older
     * (or no) check are checked again.
     */
    public static final int VERSION = 1;

    private static final Set<String> OPERATORS = Set.of(
            "(", ")", ",", ".", ":", ";", "?", "==", "!=", "<", ">", "<=", ">=", "&&", "||", "!", "+", "-", "*", "/", "%");
    private static final Set<String> JAVA_KEYWORDS = Set.of(
            "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const", "continue",
            "default", "do", "double", "else", "enum", "extends", "final", "finally", "float", "for", "goto", "if",
            "implements", "import", "int", "interface", "long", "native", "package", "private", "protected",
            "public", "return", "short", "static", "strictfp", "super", "switch", "synchronized", "throw",
            "throws", "transient", "try", "void", "volatile", "while", "var", "yield", "record", "sealed", "permits");
    private static final Pattern LITERAL = Pattern.compile(
            "\"(?:[^\"\\\\]|\\\\[^u])*\"|'(?:[^'\\\\]|\\\\[^u])*'|-?[0-9]+(?:\\.[0-9]+)?|true|false");
    private static final String HOW = "; rules may only read facts, call the helper functions and insert facts"
            + " (to run rules you trust as they are: --trust-rules)";

    private RuleSafety() {
    }

    /**
     * One use of something the safe rule language does not allow.
     *
     * @param file the rule file
     * @param line its line, 0 when unknown
     * @param rule the rule's name, or null for a file-level item (import, function, declare, ...)
     * @param what what was used, e.g. {@code 'System.exit'}
     * @param blocksCompile true when the rules must not even be compiled (Drools evaluates some parts of
     *                      a rule file while it compiles, and this could be one); false for a name that is
     *                      merely unknown (a typo, or a method the language does not allow, such as
     *                      {@code getClass}): the compiler may still say what is wrong with it, but the
     *                      compiled rules are refused
     */
    public record Refusal(String file, int line, String rule, String what, boolean blocksCompile) {
        /** {@code file:line: rule 'x': 'System.exit' is not allowed in a rule; ...}. */
        public Diagnostic diagnostic() {
            return new Diagnostic(file, line, 0, (rule == null ? "" : "rule '" + rule + "': ") + what
                    + " is not allowed in a rule" + HOW);
        }

        /** For {@code rules check --trust-rules}: the rule (or file) needs the trust it was given. */
        public Diagnostic trustNote() {
            return new Diagnostic(file, line, 0, (rule == null ? "this file" : "rule '" + rule + "'")
                    + " needs --trust-rules: it uses " + what);
        }
    }

    /** Checks every file; one refusal per use, in file order. A file the parser cannot read is left to the compiler. */
    public static List<Refusal> check(List<RuleSource> files) {
        List<Refusal> out = new ArrayList<>();
        for (RuleSource file : files) {
            out.addAll(check(file));
        }
        return out;
    }

    /** The refusals of one file. */
    public static List<Refusal> check(RuleSource source) {
        return check(source, parse(source.content()));
    }

    /**
     * A rule file as Drools' {@link DrlParser} reads it; null when it has syntax errors (the compiler
     * reports those at their lines).
     */
    public static PackageDescr parse(String content) {
        DrlParser parser = new DrlParser();
        try {
            PackageDescr pkg = parser.parse(false, content);
            return pkg == null || parser.hasErrors() ? null : pkg;
        } catch (DroolsParserException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The refusals of one file already parsed by Drools' {@link DrlParser}.
     *
     * @param parsed the file's package, or null when it has syntax errors: the compiler reports
     *               those and compiles nothing of the file, so only its unicode escapes are checked
     */
    public static List<Refusal> check(RuleSource source, PackageDescr parsed) {
        List<Refusal> out = new ArrayList<>();
        String file = source.file();
        if (source.content().contains("\\u")) { // Java translates these before it reads anything else
            String[] lines = source.content().split("\\R", -1);
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].contains("\\u")) {
                    out.add(new Refusal(file, i + 1, null, "a unicode escape ('\\u')", true));
                }
            }
        }
        if (parsed != null) {
            new FileCheck(source, out).check(parsed);
        }
        return out;
    }

    /** The check of one parsed file. */
    private static final class FileCheck {
        private final RuleSource source;
        private final String file;
        private final List<Refusal> out;
        private final String[] lines;
        private String rule;
        private Set<String> bound;

        FileCheck(RuleSource source, List<Refusal> out) {
            this.source = source;
            this.file = source.file();
            this.out = out;
            this.lines = source.content().split("\\R", -1);
        }

        void check(PackageDescr pkg) {
            for (ImportDescr i : pkg.getImports()) {
                if (!Vocabulary.IMPORTS.contains(i.getTarget())) {
                    refuse(i.getLine(), "import '" + i.getTarget() + "'");
                }
            }
            for (FunctionImportDescr i : pkg.getFunctionImports()) {
                if (!Vocabulary.FUNCTION_IMPORTS.contains(i.getTarget())) {
                    refuse(i.getLine(), "import function '" + i.getTarget() + "'");
                }
            }
            pkg.getAccumulateImports().forEach(i -> refuse(i.getLine(), "import accumulate '" + i.getTarget() + "'"));
            pkg.getFunctions().forEach(f -> refuse(f.getLine(), "a function block ('" + f.getName() + "')"));
            pkg.getTypeDeclarations().forEach(t -> refuse(t.getLine(), "a declared type ('" + t.getTypeName() + "')"));
            pkg.getEnumDeclarations().forEach(t -> refuse(t.getLine(), "a declared enum ('" + t.getTypeName() + "')"));
            pkg.getGlobals().forEach(g -> refuse(g.getLine(), "a global ('" + g.getIdentifier() + "')"));
            pkg.getEntryPointDeclarations().forEach(e -> refuse(e.getLine(), "an entry point"));
            pkg.getWindowDeclarations().forEach(w -> refuse(w.getLine(), "a window"));
            for (AttributeDescr a : pkg.getAttributes()) {
                attribute(a);
            }
            for (RuleDescr r : pkg.getRules()) {
                rule(r);
            }
        }

        private void rule(RuleDescr r) {
            rule = r.getName();
            try {
                if (r.isQuery()) {
                    refuse(r.getLine(), "a query");
                    return;
                }
                for (AttributeDescr a : r.getAttributes().values()) {
                    attribute(a);
                }
                for (AnnotationDescr a : r.getAnnotations()) {
                    for (Map.Entry<String, Object> v : a.getValueMap().entrySet()) {
                        String text = String.valueOf(v.getValue()).strip();
                        if (!LITERAL.matcher(text).matches()) {
                            refuse(annotationLine(r.getLine(), a.getName()), "@" + a.getName() + "(" + shorten(text)
                                    + "): metadata values must be plain text, numbers or booleans, as Drools evaluates"
                                    + " other values while it compiles; this");
                        }
                    }
                }
                if (!r.getNamedConsequences().isEmpty()) {
                    refuse(r.getLine(), "a named consequence");
                }
                bound = new HashSet<>();
                bindings(r.getLhs());
                condition(r.getLhs());
                Object consequence = r.getConsequence();
                if (consequence != null) {
                    code(String.valueOf(consequence), r.getConsequenceLine() + 1, false);
                }
            } finally {
                rule = null;
            }
        }

        private void attribute(AttributeDescr a) {
            String name = a.getName();
            String value = a.getValue() == null ? "" : a.getValue().strip();
            if (!Vocabulary.ATTRIBUTES.contains(name)) {
                refuse(a.getLine(), "the attribute '" + name + "'");
            } else if (name.equals("dialect") && !value.replace("\"", "").equals("java")) {
                refuse(a.getLine(), "the dialect " + value + " (only \"java\")");
            } else if (name.equals("salience") && !value.matches("-?[0-9]+")) {
                refuse(a.getLine(), "a salience that is not a whole number ('" + shorten(value) + "')");
            }
        }

        /** The names the rule binds: patterns, fields, accumulate results. */
        private void bindings(BaseDescr d) {
            if (d instanceof PatternDescr p) {
                if (p.getIdentifier() != null) {
                    bound.add(p.getIdentifier());
                }
                for (BaseDescr c : p.getDescrs()) {
                    if (c instanceof ExprConstraintDescr e) {
                        List<Token> tokens = JavaTokens.of(e.getExpression());
                        for (int i = 0; i + 1 < tokens.size(); i++) {
                            Token t = tokens.get(i);
                            boolean start = i == 0 || tokens.get(i - 1).is("(") || tokens.get(i - 1).is(",")
                                    || tokens.get(i - 1).is("&&") || tokens.get(i - 1).is("||");
                            if (t.kind() == Kind.IDENT && start && tokens.get(i + 1).is(":")) {
                                bound.add(t.text());
                            }
                        }
                    }
                }
                if (p.getSource() != null) {
                    bindings(p.getSource());
                }
            } else if (d instanceof AccumulateDescr a) {
                a.getFunctions().forEach(f -> {
                    if (f.getBind() != null) {
                        bound.add(f.getBind());
                    }
                });
                if (a.getInput() != null) {
                    bindings(a.getInput());
                }
            } else if (d instanceof CollectDescr c) {
                bindings(c.getInputPattern());
            } else if (d instanceof ConditionalElementDescr ce) {
                for (Object child : ce.getDescrs()) {
                    bindings((BaseDescr) child);
                }
            }
        }

        private void condition(BaseDescr d) {
            if (d instanceof PatternDescr p) {
                pattern(p);
            } else if (d instanceof EvalDescr e) {
                refuse(e.getLine(), "eval(...); write the test as a constraint of a pattern, e.g."
                        + " Company(staffCount < 2); this");
            } else if (d instanceof ConditionalElementDescr ce && (d.getClass().getSimpleName().equals("AndDescr")
                    || d.getClass().getSimpleName().equals("OrDescr") || d.getClass().getSimpleName().equals("NotDescr")
                    || d.getClass().getSimpleName().equals("ExistsDescr")
                    || d.getClass().getSimpleName().equals("ForallDescr"))) {
                for (Object child : ce.getDescrs()) {
                    condition((BaseDescr) child);
                }
            } else {
                refuse(d.getLine(), "the condition element '" + d.getClass().getSimpleName().replace("Descr", "") + "'");
            }
        }

        private void pattern(PatternDescr p) {
            String type = p.getObjectType();
            if (type == null || type.contains(".")) {
                refuse(p.getLine(), "the fact type '" + type + "'");
            } else if (!Vocabulary.TYPES.contains(type)) {
                unknown(p.getLine(), "the fact type '" + type + "'");
            }
            for (BaseDescr c : p.getDescrs()) {
                if (c instanceof ExprConstraintDescr e) {
                    code(e.getExpression(), c.getLine() > 0 ? c.getLine() : p.getLine(), true);
                } else {
                    refuse(c.getLine() > 0 ? c.getLine() : p.getLine(), "the constraint '" + shorten(c.getText()) + "'");
                }
            }
            BaseDescr src = p.getSource();
            if (src == null) {
                return;
            }
            if (src instanceof FromDescr f) {
                int line = f.getLine() > 0 ? f.getLine() : p.getLine();
                if (f.getDataSource() instanceof MVELExprDescr expr) {
                    code(expr.getExpression(), line, true);
                } else {
                    refuse(line, "the source 'from " + shorten(f.getText()) + "'");
                }
            } else if (src instanceof AccumulateDescr a) {
                if (!a.isExternalFunction() || a.getInitCode() != null || a.getActionCode() != null
                        || a.getReverseCode() != null || a.getResultCode() != null) {
                    refuse(a.getLine(), "accumulate with inline code (init/action/result); use count, sum, min, max,"
                            + " average, collectList or collectSet; this");
                }
                for (var fn : a.getFunctions()) {
                    if (!Vocabulary.ACCUMULATE_FUNCTIONS.contains(fn.getFunction())) {
                        refuse(a.getLine(), "the accumulate function '" + fn.getFunction() + "'");
                    }
                    for (String param : fn.getParams()) {
                        code(param, a.getLine(), true);
                    }
                }
                if (a.getInput() != null) {
                    condition(a.getInput());
                }
            } else if (src instanceof CollectDescr c) {
                condition(c.getInputPattern());
            } else {
                refuse(src.getLine() > 0 ? src.getLine() : p.getLine(), "the source '"
                        + src.getClass().getSimpleName().replace("Descr", "") + "'");
            }
        }

        /**
         * Checks one piece of code: every name must be allowed.
         *
         * @param firstLine the file line of the code's first line
         * @param condition true for a constraint or source (DRL operators, bare properties), false for an action
         */
        private void code(String code, int firstLine, boolean condition) {
            List<Token> tokens = JavaTokens.of(code);
            for (int i = 0; i < tokens.size(); i++) {
                Token t = tokens.get(i);
                int line = firstLine + t.line();
                switch (t.kind()) {
                    case NUMBER, STRING -> {
                    }
                    case REFUSED -> {
                        if (t.text().equals("\"\"\"")) {
                            refuse(line, "a text block");
                        } // a backslash: a unicode escape is reported for the whole file, anything else does not compile
                    }
                    case OP -> {
                        if (!OPERATORS.contains(t.text())) {
                            refuse(line, "'" + t.text() + "'" + hint(t.text()));
                        } else if (t.text().equals(".") && (i + 1 >= tokens.size()
                                || tokens.get(i + 1).kind() != Kind.IDENT)) {
                            refuse(line, "'." + (i + 1 < tokens.size() ? tokens.get(i + 1).text() : "") + "'");
                        }
                    }
                    case IDENT -> i = name(tokens, i, line, condition);
                    default -> throw new IllegalStateException("unknown token " + t);
                }
            }
        }

        /** Checks the name at {@code i}; returns the index of the last token it covered. */
        private int name(List<Token> tokens, int i, int line, boolean condition) {
            Token t = tokens.get(i);
            String name = t.text();
            boolean member = i > 0 && tokens.get(i - 1).is(".");
            boolean call = next(tokens, i, "(");
            if (member) {
                boolean ok = call ? Vocabulary.METHODS.contains(name) : Vocabulary.PROPERTIES.contains(name);
                if (ok) {
                    return i;
                }
                Token receiver = i >= 2 ? tokens.get(i - 2) : null;
                boolean variable = receiver != null && (receiver.kind() == Kind.IDENT && !receiver.text().equals("this")
                        || receiver.is(")"));
                return refuseChain(tokens, i, line, "." + name + (call ? "(...)" : ""), !variable);
            }
            switch (name) {
                case "true", "false", "null", "this" -> {
                    return i;
                }
                case "new" -> {
                    if (i + 2 < tokens.size() && Vocabulary.CONSTRUCTIBLE.contains(tokens.get(i + 1).text())
                            && tokens.get(i + 2).is("(")) {
                        return i + 1;
                    }
                    return refuseChain(tokens, i + 1 < tokens.size() ? i + 1 : i, line, "new " + chain(tokens, i + 1));
                }
                case "instanceof" -> {
                    if (i + 1 < tokens.size() && Vocabulary.TYPES.contains(tokens.get(i + 1).text())) {
                        return i + 1;
                    }
                    return refuseChain(tokens, i + 1 < tokens.size() ? i + 1 : i, line, "instanceof " + chain(tokens, i + 1));
                }
                case "kcontext" -> {
                    return next(tokens, i, ".") ? refuseChain(tokens, i, line, chain(tokens, i)
                            + " (kcontext may only be passed to hit)") : i;
                }
                default -> {
                }
            }
            if (JAVA_KEYWORDS.contains(name)) {
                return refuseChain(tokens, i, line, "'" + name + "'");
            }
            if (bound.contains(name)) {
                return i;
            }
            if (Vocabulary.TYPES.contains(name) && !bound.contains(name)) {
                if (next(tokens, i, ".") && i + 2 < tokens.size()) {
                    String memberName = tokens.get(i + 2).text();
                    if (Vocabulary.STATICS.getOrDefault(name, Set.of()).contains(memberName)) {
                        return i + 2;
                    }
                    // a member of one of the project's own types: nothing to run while compiling
                    return refuseChain(tokens, i, line, chain(tokens, i), !isOwn(name));
                }
                return i;
            }
            if (call) {
                if (Vocabulary.FUNCTIONS.contains(name) || !condition && Vocabulary.INSERTS.contains(name)
                        || condition && (Vocabulary.METHODS.contains(name))) {
                    return i;
                }
                return refuseChain(tokens, i, line, "'" + name + "(...)'", !lowerCase(name));
            }
            if (condition && (Vocabulary.PROPERTIES.contains(name) || Vocabulary.DRL_OPERATORS.contains(name))) {
                return i;
            }
            // a lower-case name (a typo of a property or variable) cannot name a class
            return refuseChain(tokens, i, line, chain(tokens, i),
                    !lowerCase(name) || next(tokens, i, ".") && !name.startsWith("$"));
        }

        private static boolean lowerCase(String name) {
            char c = name.charAt(0);
            return c == '$' || Character.isLowerCase(c) && !name.equals("drools") && !name.equals("java")
                    && !name.equals("javax") && !name.equals("jdk") && !name.equals("sun") && !name.equals("com")
                    && !name.equals("org") && !name.equals("net");
        }

        /** One of the project's own types (not one of the JDK's). */
        private static boolean isOwn(String type) {
            return !Set.of("String", "Integer", "Long", "Double", "Math", "LocalDate", "BigDecimal", "List", "Set",
                    "Map", "Boolean", "Number", "Object", "Collection").contains(type);
        }

        /** Reports a refused use and skips the rest of its dotted chain, so one use gives one message. */
        private int refuseChain(List<Token> tokens, int i, int line, String what) {
            return refuseChain(tokens, i, line, what, true);
        }

        private int refuseChain(List<Token> tokens, int i, int line, String what, boolean blocksCompile) {
            String shown = what.startsWith("'") || what.startsWith("new ") || what.startsWith("instanceof ")
                    ? what : "'" + what + "'";
            if (blocksCompile) {
                refuse(line, shown);
            } else {
                unknown(line, shown);
            }
            int j = i;
            while (true) {
                if (next(tokens, j, "(")) {
                    int depth = 0;
                    int k = j + 1;
                    for (; k < tokens.size(); k++) {
                        if (tokens.get(k).is("(")) {
                            depth++;
                        } else if (tokens.get(k).is(")") && --depth == 0) {
                            break;
                        }
                    }
                    if (k >= tokens.size() || !next(tokens, k, ".")) {
                        return j; // the arguments are checked on their own
                    }
                    j = k;
                } else if (next(tokens, j, ".") && j + 2 < tokens.size() && tokens.get(j + 2).kind() == Kind.IDENT) {
                    j += 2;
                } else {
                    return j;
                }
            }
        }

        /** {@code a.b.c} from {@code i}. */
        private static String chain(List<Token> tokens, int i) {
            if (i >= tokens.size()) {
                return "";
            }
            StringBuilder out = new StringBuilder(tokens.get(i).text());
            int j = i;
            while (j + 2 < tokens.size() && tokens.get(j + 1).is(".") && tokens.get(j + 2).kind() == Kind.IDENT) {
                out.append('.').append(tokens.get(j + 2).text());
                j += 2;
            }
            return out.toString();
        }

        private static boolean next(List<Token> tokens, int i, String op) {
            return i + 1 < tokens.size() && tokens.get(i + 1).is(op) && tokens.get(i + 1).kind() == Kind.OP;
        }

        private static String hint(String op) {
            return switch (op) {
                case "=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>=", ">>>=", "++", "--" ->
                        " (an assignment: rules do not change facts or state)";
                case "->", "::" -> " (a lambda or method reference)";
                case "{", "}" -> " (a block)";
                case "[", "]" -> " (an array or index)";
                default -> "";
            };
        }

        private void refuse(int line, String what) {
            out.add(new Refusal(file, Math.max(line, 0), rule, what, true));
        }

        /** A name that is merely unknown: see {@link Refusal#blocksCompile()}. */
        private void unknown(int line, String what) {
            out.add(new Refusal(file, Math.max(line, 0), rule, what, false));
        }

        private int annotationLine(int ruleLine, String key) {
            for (int i = Math.max(0, ruleLine - 1); i < lines.length; i++) {
                if (lines[i].strip().equals("when")) {
                    break;
                }
                if (lines[i].contains("@" + key)) {
                    return i + 1;
                }
            }
            return ruleLine;
        }

        private static String shorten(String text) {
            String one = String.valueOf(text).replaceAll("\\s+", " ");
            return one.length() > 60 ? one.substring(0, 57) + "..." : one;
        }
    }
}
