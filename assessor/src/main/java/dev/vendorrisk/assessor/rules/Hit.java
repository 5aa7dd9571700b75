package dev.vendorrisk.assessor.rules;

import java.util.List;

/**
 * What a rule's right-hand side inserts: "rule X fired, based on these facts".
 * The assessor turns hits into findings using the rule's metadata.
 *
 * @param packageName the DRL package of the rule
 * @param ruleName    the DRL rule name
 * @param evidence    the facts the rule read
 */
public record Hit(String packageName, String ruleName, List<Evidence> evidence) {
    public Hit {
        evidence = List.copyOf(evidence);
    }
}
