package dev.vendorrisk.assessor.testing;

import java.util.List;

/**
 * The results of running a suite, and how well it covers the rule base.
 *
 * @param results    one result per case, in suite order
 * @param rules      every rule of the rule base, as {@code id} or {@code id/variant}, sorted by id
 * @param uncovered  the rules that no passing case makes fire (a case covers a rule when it lists
 *                   the rule under {@code fires}, passes, and the rule fired)
 * @param unrefuted  the rules that no passing case lists under {@code doesNotFire}: nothing shows
 *                   where they stop firing
 */
public record TestReport(List<CaseResult> results, List<String> rules, List<String> uncovered,
                         List<String> unrefuted) {
    public TestReport {
        results = List.copyOf(results);
        rules = List.copyOf(rules);
        uncovered = List.copyOf(uncovered);
        unrefuted = List.copyOf(unrefuted);
    }

    /** How many cases ran. */
    public int total() {
        return results.size();
    }

    /** How many cases passed. */
    public int passed() {
        return (int) results.stream().filter(CaseResult::passed).count();
    }

    /** How many cases failed. */
    public int failed() {
        return total() - passed();
    }

    /** The failed cases, in suite order. */
    public List<CaseResult> failures() {
        return results.stream().filter(r -> !r.passed()).toList();
    }

    /** True when every case passed. */
    public boolean allPassed() {
        return failed() == 0;
    }

    /** How many rules some passing case makes fire. */
    public int covered() {
        return rules.size() - uncovered.size();
    }
}
