package dev.vendorrisk.assessor.testing;

import java.util.regex.Pattern;

/**
 * A rule named in an expectation: an id such as {@code STAFF-001}, optionally with a variant such as
 * {@code CORP-005/weak}. Without a variant it means any variant of the id.
 *
 * @param id      the rule id
 * @param variant the variant, or empty for "any variant"
 * @param line    1-based line of the reference in its test file (0 when not from a file)
 * @param column  1-based column of the reference (0 when not known)
 */
public record RuleRef(String id, String variant, int line, int column) {
    private static final Pattern FORMAT = Pattern.compile("[A-Z]+-[0-9]{3}(/[a-z0-9][a-z0-9-]*)?");

    public RuleRef {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a rule reference needs an id");
        }
        variant = variant == null ? "" : variant;
    }

    /**
     * Parses {@code ID} or {@code ID/variant}.
     *
     * @return the reference, or null when the text does not look like a rule id
     */
    public static RuleRef parse(String text, int line, int column) {
        if (text == null || !FORMAT.matcher(text).matches()) {
            return null;
        }
        int slash = text.indexOf('/');
        return slash < 0 ? new RuleRef(text, "", line, column)
                : new RuleRef(text.substring(0, slash), text.substring(slash + 1), line, column);
    }

    /** {@code id} or {@code id/variant}, as written. */
    public String key() {
        return variant.isEmpty() ? id : id + "/" + variant;
    }

    /** True when this reference names the rule with the given key ({@code id} or {@code id/variant}). */
    public boolean matches(String ruleKey) {
        return variant.isEmpty() ? ruleKey.equals(id) || ruleKey.startsWith(id + "/") : ruleKey.equals(key());
    }

    @Override
    public String toString() {
        return key();
    }
}
