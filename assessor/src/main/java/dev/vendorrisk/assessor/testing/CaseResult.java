package dev.vendorrisk.assessor.testing;

import java.util.List;

/**
 * The outcome of one test case.
 *
 * @param file     the test file
 * @param line     1-based line of the case in it
 * @param name     the case's name
 * @param passed   true when every expectation held
 * @param failures one line per expectation that did not hold, saying what was expected and what
 *                 happened; or the reasons the profile could not be assessed
 * @param fired    the rules among the active findings ({@code id}, or {@code id/variant} for rules
 *                 with variants), sorted; empty when the profile could not be assessed
 * @param gaps     the fact paths of the GAP-001 findings, sorted
 */
public record CaseResult(String file, int line, String name, boolean passed, List<String> failures,
                         List<String> fired, List<String> gaps) {
    public CaseResult {
        failures = List.copyOf(failures);
        fired = List.copyOf(fired);
        gaps = List.copyOf(gaps);
    }

    /** {@code file:line}, where the case starts. */
    public String location() {
        return file + ":" + line;
    }

    /**
     * The case and, when it failed, why: {@code file:line: case 'name': expected ...}, one line per
     * failed expectation.
     */
    public String describe() {
        String head = location() + ": case '" + name + "'";
        if (passed) {
            return head + ": passed";
        }
        StringBuilder out = new StringBuilder();
        for (String failure : failures) {
            out.append(out.length() == 0 ? "" : System.lineSeparator()).append(head).append(": ").append(failure);
        }
        return out.toString();
    }
}
