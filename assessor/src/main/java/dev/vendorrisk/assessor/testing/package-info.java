/**
 * Rule tests as data: YAML files of cases, each a vendor profile (a baseline patched by the case,
 * or a whole inline profile) and what the rules must make of it.
 *
 * <pre>{@code
 * VendorRiskAssessor assessor = VendorRiskAssessor.builder().rules(Path.of("rules")).build();
 * RuleTestSuite suite = RuleTests.load(Path.of("rules/tests"));
 * TestReport report = RuleTests.run(assessor, suite);
 * report.failures().forEach(r -> System.out.println(r.describe()));
 * System.out.println("rules without a firing case: " + report.uncovered());
 * }</pre>
 *
 * <p>{@link RuleTests} is the entry point; the rest are records for the suite and its results.
 */
package dev.vendorrisk.assessor.testing;
