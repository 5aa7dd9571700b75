package dev.vendorrisk.assessor.rules;

/**
 * A finding rule as its metadata describes it.
 *
 * @param id             catalogue id, e.g. {@code SLA-004}
 * @param variant        distinguishes rules that share an id at different severities (e.g. CORP-005
 *                       {@code weak} and {@code distressed}); empty when the id has one rule
 * @param title          one line saying what is wrong
 * @param area           risk area: the rule file's name, unless the rule sets {@code @area}
 * @param severity       INFO to CRITICAL
 * @param weight         1..100 points (after the scoring file's overrides)
 * @param recommendation recommendation key
 * @param backing        the standard that backs the rule
 * @param description    what the rule checks, in words ({@code @description}); may be empty
 * @param file           the rule file as the user named it
 * @param line           1-based line of the rule in that file
 * @param ruleName       the DRL rule name
 * @param packageName    the DRL package
 */
public record RuleMeta(
        String id,
        String variant,
        String title,
        String area,
        Severity severity,
        int weight,
        String recommendation,
        String backing,
        String description,
        String file,
        int line,
        String ruleName,
        String packageName) {

    /** {@code id} plus {@code /variant} when the rule has one. */
    public String key() {
        return variant.isEmpty() ? id : id + "/" + variant;
    }
}
