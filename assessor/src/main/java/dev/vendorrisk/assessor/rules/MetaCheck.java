package dev.vendorrisk.assessor.rules;

import dev.vendorrisk.assessor.scoring.Policy;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The metadata rules every finding rule must satisfy. One implementation, used both on the parsed
 * DRL (by {@code vra rules check}, so a file that does not compile is still checked) and on the
 * compiled rules (by {@link RuleBase}).
 */
final class MetaCheck {
    static final List<String> REQUIRED_KEYS = List.of("id", "title", "severity", "weight", "recommendation", "backing");
    private static final Pattern RULE_ID = Pattern.compile("[A-Z]+-[0-9]{3}");

    /** Receives one problem: the metadata key it concerns and the message. */
    interface Sink {
        void problem(String key, String message);
    }

    private MetaCheck() {
    }

    /** True when a rule carries finding metadata; rules without any are derivation rules. */
    static boolean isFindingRule(Function<String, Object> value) {
        return REQUIRED_KEYS.stream().anyMatch(k -> value.apply(k) != null);
    }

    /**
     * Reports every metadata problem of one rule.
     *
     * @param ruleName the DRL rule name
     * @param value    the raw metadata value by key, null when absent
     */
    static void check(String ruleName, Function<String, Object> value, Policy policy, Sink sink) {
        String id = text(value.apply("id"));
        String label = "rule '" + (id.isEmpty() ? ruleName : id) + "'";
        for (String key : REQUIRED_KEYS) {
            Object v = value.apply(key);
            if (v == null || text(v).isBlank()) {
                sink.problem(key, label + " has no @" + key + "; add " + example(key) + " after the rule name");
            }
        }
        if (!id.isEmpty() && !RULE_ID.matcher(id).matches()) {
            sink.problem("id", "rule '" + ruleName + "' has id '" + id
                    + "'; ids look like 'AREA-001' (upper-case letters, dash, three digits)");
        }
        Object rawSeverity = value.apply("severity");
        if (rawSeverity != null && !text(rawSeverity).isBlank() && Severity.parse(text(rawSeverity)) == null) {
            sink.problem("severity", label + " has unknown severity '" + text(rawSeverity)
                    + "'; use one of INFO, LOW, MEDIUM, HIGH, CRITICAL");
        }
        Object rawWeight = value.apply("weight");
        if (rawWeight != null && !text(rawWeight).isBlank() && weight(rawWeight) == null) {
            sink.problem("weight", label + " has weight '" + text(rawWeight) + "'; a weight is a whole number from 1 to 100");
        }
        String recommendation = text(value.apply("recommendation"));
        if (!recommendation.isEmpty() && !policy.recommendations().containsKey(recommendation)) {
            sink.problem("recommendation", label + " names recommendation '" + recommendation
                    + "', which has no text; add it under 'recommendations' in scoring.yaml");
        }
    }

    /** The weight 1..100, or null when the value is not one. */
    static Integer weight(Object raw) {
        try {
            int w = Integer.parseInt(text(raw));
            return w >= 1 && w <= 100 ? w : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String example(String key) {
        return switch (key) {
            case "id" -> "@id(\"AREA-001\")";
            case "severity" -> "@severity(\"MEDIUM\")";
            case "weight" -> "@weight(1..100)";
            case "recommendation" -> "@recommendation(\"key\")";
            default -> "@" + key + "(\"...\")";
        };
    }

    /** A metadata value as text, without surrounding quotes. */
    static String text(Object value) {
        if (value == null) {
            return "";
        }
        String s = String.valueOf(value).trim();
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
            s = s.substring(1, s.length() - 1);
        }
        return s;
    }
}
