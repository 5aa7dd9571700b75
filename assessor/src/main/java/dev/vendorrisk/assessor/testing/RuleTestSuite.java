package dev.vendorrisk.assessor.testing;

import java.util.List;

/**
 * The rule test files found under a folder (or one file) and their cases, in file order.
 *
 * @param files the test files read, sorted by path (baseline profiles they use are not listed)
 * @param cases every case, files in order and cases in file order
 */
public record RuleTestSuite(List<String> files, List<RuleTestCase> cases) {
    public RuleTestSuite {
        files = List.copyOf(files);
        cases = List.copyOf(cases);
    }
}
