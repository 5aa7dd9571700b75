package dev.vendorrisk.assessor.rules.safety;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a piece of rule code (a condition, an action, a {@code from} source) into Java tokens with
 * their line. Comments are dropped. A backslash outside a string (a unicode escape, which Java
 * translates before anything else) and a text block become {@link Kind#REFUSED} tokens, so the
 * check sees exactly what the compiler would.
 */
final class JavaTokens {
    enum Kind { IDENT, NUMBER, STRING, OP, REFUSED }

    /**
     * One token.
     *
     * @param line 0-based line within the code
     */
    record Token(Kind kind, String text, int line) {
        boolean is(String op) {
            return (kind == Kind.OP || kind == Kind.IDENT) && text.equals(op);
        }
    }

    /** Longest first, so {@code >>=} is one token, not three. */
    private static final String[] OPERATORS = {
        ">>>=", "<<=", ">>=", ">>>", "...", "->", "::", "==", "!=", "<=", ">=", "&&", "||", "++", "--", "+=", "-=",
        "*=", "/=", "%=", "&=", "|=", "^=", "<<", ">>"};

    private JavaTokens() {
    }

    static List<Token> of(String code) {
        List<Token> out = new ArrayList<>();
        int line = 0;
        int i = 0;
        int n = code.length();
        while (i < n) {
            char c = code.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '/' && i + 1 < n && code.charAt(i + 1) == '/') {
                while (i < n && code.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && code.charAt(i + 1) == '*') {
                int end = code.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                for (int k = i; k < end; k++) {
                    if (code.charAt(k) == '\n') {
                        line++;
                    }
                }
                i = end;
            } else if (c == '"' || c == '\'') {
                if (code.startsWith("\"\"\"", i)) {
                    out.add(new Token(Kind.REFUSED, "\"\"\"", line));
                    return out; // a text block: nothing after it can be read as the compiler would
                }
                int start = i++;
                boolean escape = false;
                while (i < n && code.charAt(i) != '\n') {
                    char s = code.charAt(i);
                    if (escape) {
                        if (s == 'u') { // a unicode escape is translated before the string is read
                            out.add(new Token(Kind.REFUSED, "\\u", line));
                        }
                        escape = false;
                    } else if (s == '\\') {
                        escape = true;
                    } else if (s == c) {
                        break;
                    }
                    i++;
                }
                i = Math.min(n, i + 1);
                out.add(new Token(Kind.STRING, code.substring(start, i), line));
            } else if (Character.isJavaIdentifierStart(c)) {
                int start = i;
                while (i < n && Character.isJavaIdentifierPart(code.charAt(i)) && code.charAt(i) != '\u0000') {
                    i++;
                }
                out.add(new Token(Kind.IDENT, code.substring(start, i), line));
            } else if (Character.isDigit(c) || c == '.' && i + 1 < n && Character.isDigit(code.charAt(i + 1))) {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(code.charAt(i)) || code.charAt(i) == '_'
                        || code.charAt(i) == '.' && i + 1 < n && Character.isDigit(code.charAt(i + 1))
                        || (code.charAt(i) == '+' || code.charAt(i) == '-')
                        && (code.charAt(i - 1) == 'e' || code.charAt(i - 1) == 'E') && !code.startsWith("0x", start))) {
                    i++;
                }
                out.add(new Token(Kind.NUMBER, code.substring(start, i), line));
            } else if (c == '\\') {
                out.add(new Token(Kind.REFUSED, "\\", line));
                i++;
            } else {
                String op = String.valueOf(c);
                for (String candidate : OPERATORS) {
                    if (code.startsWith(candidate, i)) {
                        op = candidate;
                        break;
                    }
                }
                out.add(new Token(Kind.OP, op, line));
                i += op.length();
            }
        }
        return out;
    }
}
