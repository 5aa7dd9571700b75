package dev.vendorrisk.assessor.testing;

/**
 * One case of a rule test file: a profile and what the rules must make of it.
 *
 * @param file    the test file, as the suite was loaded (e.g. {@code rules/tests/staffing.yaml})
 * @param line    1-based line of the case in that file
 * @param name    what the case shows, e.g. "a one-person provider is a key-person risk"
 * @param profile the profile to assess, as YAML: the baseline with the case's {@code given}
 *                merged over it, or the case's inline {@code profile}
 * @param expect  what must hold of the assessment
 * @param today   the run date the case is judged on (its {@code today} key); null: the run's date
 */
public record RuleTestCase(String file, int line, String name, String profile, Expectation expect,
                           java.time.LocalDate today) {
    /** A case judged on the run's date. */
    public RuleTestCase(String file, int line, String name, String profile, Expectation expect) {
        this(file, line, name, profile, expect, null);
    }

    public RuleTestCase {
        if (file == null || name == null || profile == null || expect == null) {
            throw new IllegalArgumentException("a test case needs a file, a name, a profile and an expectation");
        }
    }

    /** {@code file:line}, where the case starts. */
    public String location() {
        return file + ":" + line;
    }
}
