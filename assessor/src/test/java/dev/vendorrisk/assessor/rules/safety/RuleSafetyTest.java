package dev.vendorrisk.assessor.rules.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vendorrisk.assessor.Diagnostic;
import dev.vendorrisk.assessor.RuleBaseException;
import dev.vendorrisk.assessor.VendorRiskAssessor;
import dev.vendorrisk.assessor.rules.RuleSet;
import dev.vendorrisk.assessor.rules.RuleSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The safe rule language holds: every way out we could think of is refused at its line, and every
 * rule the project ships passes.
 */
class RuleSafetyTest {
    private static final String HEADER = """
            package vra.rules;
            import dev.vendorrisk.assessor.profile.*;
            import dev.vendorrisk.assessor.rules.*;
            import static dev.vendorrisk.assessor.rules.Emit.*;
            """; // 4 lines

    /** A finding rule whose condition and action are given; the condition is on line 12, the action on 14. */
    private static String rule(String condition, String action) {
        return HEADER + """
                rule "escape"
                    @id("ESC-001") @title("Escape") @severity("LOW") @weight(1) @recommendation("sla")
                    @backing("none") @description("Tries to get out.")
                    // filler
                    // filler
                    // filler
                when
                    %s
                then
                    %s
                end
                """.formatted(condition, action);
    }

    private static String action(String action) {
        return rule("$c : Company()", action);
    }

    private static String condition(String condition) {
        return rule(condition, "insert(hit(kcontext, ev(\"x\", 1)));");
    }

    static Stream<Arguments> escapes() {
        return Stream.of(
                Arguments.of("a file by its full name", action("new java.io.File(\"/tmp/x\").delete();"), 14),
                Arguments.of("a file writer", action("new java.io.FileWriter(\"/tmp/x\").write(\"x\");"), 14),
                Arguments.of("an imported file API", HEADER.replace("import static",
                        "import java.nio.file.*;\nimport static") + "rule \"r\" when then Files.delete(Path.of(\"/x\")); end\n", 4),
                Arguments.of("a process through Runtime", action("Runtime.getRuntime().exec(\"touch /tmp/x\");"), 14),
                Arguments.of("a process builder", action("new ProcessBuilder(\"sh\").start();"), 14),
                Arguments.of("exit", action("System.exit(3);"), 14),
                Arguments.of("console output", action("System.out.println(\"hi\");"), 14),
                Arguments.of("class loading by name", action("Class.forName(\"java.lang.Runtime\");"), 14),
                Arguments.of("a class loader", action("$c.getClass().getClassLoader();"), 14),
                Arguments.of("reflection", condition("Support(channels.getClass().getMethod(\"clear\") != null)"), 12),
                Arguments.of("a thread", action("new Thread(() -> {}).start();"), 14),
                Arguments.of("a socket", action("new java.net.Socket(\"example.org\", 80);"), 14),
                Arguments.of("a function block", HEADER + "function void boom() { }\n", 5),
                Arguments.of("a declared type", HEADER + "declare Evil\n  name : String\nend\n", 5),
                Arguments.of("a global", HEADER + "global java.util.List out;\n", 5),
                Arguments.of("the MVEL dialect", HEADER + "dialect \"mvel\"\n", 5),
                Arguments.of("the MVEL dialect on a rule", HEADER + "rule \"r\" dialect \"mvel\" when then end\n", 5),
                Arguments.of("modify with an inline block", action("modify($c) { setStaffCount(1) };"), 14),
                Arguments.of("retract", action("retract($c);"), 14),
                Arguments.of("eval in a condition", condition("eval(Runtime.getRuntime() != null)"), 12),
                Arguments.of("a static field write", action("Context.limit = null;"), 14),
                Arguments.of("a lambda", action("insert(hit(kcontext, ev(\"x\", (Runnable) () -> {})));"), 14),
                Arguments.of("a method reference", action("insert(hit(kcontext, ev(\"x\", System::exit)));"), 14),
                Arguments.of("method handles", action("java.lang.invoke.MethodHandles.lookup();"), 14),
                Arguments.of("a script engine", action("new javax.script.ScriptEngineManager().getEngineByName(\"js\");"), 14),
                Arguments.of("a unicode escape in a name", action("\\u0053ystem.exit(1);"), 14),
                Arguments.of("a unicode escape closing a string",
                        action("insert(hit(kcontext, ev(\"\\u0022+System.getenv()+\\u0022\", 1)));"), 14),
                Arguments.of("the engine behind drools", action("drools.getKieRuntime().halt();"), 14),
                Arguments.of("the engine behind kcontext", action("kcontext.getKieRuntime().halt();"), 14),
                Arguments.of("a metadata value Drools evaluates while compiling", HEADER
                        + "rule \"r\"\n    @title(java.lang.System.setProperty(\"vra.pwned\", \"yes\"))\nwhen then end\n", 6),
                Arguments.of("a salience expression", HEADER + "rule \"r\" salience (System.nanoTime()) when then end\n", 5),
                Arguments.of("a timer", HEADER + "rule \"r\" timer (int: 0 1s) when then end\n", 5),
                Arguments.of("an inline accumulate", condition("$n : Number() from accumulate(Company($s : staffCount),"
                        + " init(int x = 0;), action(System.exit(1);), result(x))"), 12),
                Arguments.of("from an arbitrary expression", condition("$f : String() from System.getenv().keySet()"), 12),
                Arguments.of("a fact type outside the model", condition("$p : ProfileReader()"), 12),
                Arguments.of("a library class by its simple name", action("new ProfileReader().read(java.nio.file.Path.of(\"/etc/passwd\"));"), 14),
                Arguments.of("a local variable", action("String s = \"a\" + \"b\";"), 14),
                Arguments.of("a loop", action("while (true) { }"), 14),
                Arguments.of("a change to a fact's list", rule("Support($ch : channels)", "$ch.clear();"), 14),
                Arguments.of("a query", HEADER + "query \"q\" Company() end\n", 5),
                Arguments.of("an array", action("insert(hit(kcontext, ev(\"x\", new String[] {\"a\"})));"), 14),
                Arguments.of("a text block", action("insert(hit(kcontext, ev(\"\"\"\n x\"\"\", 1)));"), 14));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("escapes")
    void everyEscapeIsRefusedAtItsLine(String name, String drl, int line) {
        List<RuleSafety.Refusal> refusals = RuleSafety.check(new RuleSource("evil.drl", drl));

        assertThat(refusals).as(name).isNotEmpty();
        assertThat(refusals.get(0).line()).as(name + ": " + refusals).isEqualTo(line);
        assertThat(refusals.get(0).diagnostic().render()).startsWith("evil.drl:" + line + ": ")
                .contains("is not allowed in a rule; rules may only read facts");
    }

    @Test
    void oneUseGivesOneMessageNamingWhatWasUsed() {
        List<RuleSafety.Refusal> refusals = RuleSafety.check(new RuleSource("evil.drl",
                action("System.out.println(\"hi\");\n    Runtime.getRuntime().exec(\"x\");")));

        assertThat(refusals).extracting(r -> r.diagnostic().render()).containsExactly(
                "evil.drl:14: rule 'escape': 'System.out.println' is not allowed in a rule; rules may only read facts,"
                        + " call the helper functions and insert facts (to run rules you trust as they are: --trust-rules)",
                "evil.drl:15: rule 'escape': 'Runtime.getRuntime' is not allowed in a rule; rules may only read facts,"
                        + " call the helper functions and insert facts (to run rules you trust as they are: --trust-rules)");
    }

    @Test
    void whatRulesNeedIsAllowed() {
        String drl = HEADER + """
                import java.util.List;
                rule "fine"
                    @id("OK-001") @title("Fine") @severity("LOW") @weight(1) @recommendation("sla")
                    @backing("none") @description("Uses what rules may use.")
                    salience 10
                    no-loop true
                when
                    $c : Context(tierAtLeast("high"), $today : today)
                    Company($n : staffCount != null, staffCount < $c.limit("minTechnicalStaff") * 2,
                            foundedYear != null, $c.yearWithin(foundedYear, "youngCompanyYears"))
                    Support(channels not contains Channel.PHONE || hours == Coverage.NONE, $ch : channels)
                    accumulate(Incident(causedByProvider == true, $c.withinMonths(date, "incidentWindowMonths"));
                               $k : count(1); $k >= 2)
                    not Unknown(path == "company.staffCount")
                then
                    insert(hit(kcontext, ev("company.staffCount", $n), ev("x", Math.round($n * 100.0 / 3)),
                            ev("y", List.of(String.valueOf($ch).toUpperCase().trim())), ev("z", $today.minusYears(1))));
                    insertLogical(unknown("service.criticality"));
                end
                """;
        assertThat(RuleSafety.check(new RuleSource("fine.drl", drl))).isEmpty();
    }

    @Test
    void aTypoGetsTheCompilersMessageAndAnAllowedLookingCallIsStillRefusedAfterCompiling(@TempDir Path dir)
            throws IOException {
        Files.writeString(dir.resolve("a.drl"), rule("Company(staffCont == 1)", "insert(hit(kcontext, ev(\"x\", 1)));"));
        assertThat(RuleSet.read(List.of(dir), null).check().errors()).extracting(Diagnostic::render)
                .singleElement().asString().contains("unknown property 'staffCont' of Company; did you mean 'staffCount'?");

        Files.writeString(dir.resolve("a.drl"), action("insert(hit(kcontext, ev(\"x\", $c.getClass().getName())));"));
        assertThatThrownBy(() -> VendorRiskAssessor.builder().rules(dir).build())
                .isInstanceOf(RuleBaseException.class)
                .hasMessageContaining("a.drl:14: rule 'escape': '.getClass(...)' is not allowed in a rule");
    }

    @Test
    void everyRuleTheProjectShipsPasses() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("../rules"))) {
            List<Path> drl = files.filter(p -> p.toString().endsWith(".drl")).sorted().toList();
            assertThat(drl).hasSizeGreaterThan(10);
            for (Path p : drl) {
                assertThat(RuleSafety.check(new RuleSource(p.toString(), Files.readString(p)))).as(p.toString()).isEmpty();
            }
        }
    }

    @Test
    void theBuilderRefusesBeforeCompilingAndTrustTurnsTheCheckOff(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("evil.drl"), HEADER + """
                rule "evil"
                    @title(java.lang.System.setProperty("vra.pwned", "yes"))
                when
                then
                    System.out.println("pwned");
                end
                """);
        System.clearProperty("vra.pwned");

        assertThatThrownBy(() -> VendorRiskAssessor.builder().rules(dir).build())
                .isInstanceOfSatisfying(RuleBaseException.class, e -> assertThat(e.diagnostics())
                        .extracting(Diagnostic::render)
                        .anySatisfy(d -> assertThat(d).startsWith(dir + "/evil.drl:6: rule 'evil': @title("))
                        .anySatisfy(d -> assertThat(d).startsWith(dir + "/evil.drl:9: rule 'evil': 'System.out.println'")));
        assertThat(System.getProperty("vra.pwned")).as("the metadata was never evaluated").isNull();

        RuleSet.Check untrusted = RuleSet.read(List.of(dir), null).check(false);
        assertThat(untrusted.ok()).isFalse();
        assertThat(System.getProperty("vra.pwned")).as("rules check compiles nothing that was refused").isNull();

        RuleSet.Check trusted = RuleSet.read(List.of(dir), null).check(true);
        assertThat(trusted.warnings()).extracting(Diagnostic::render)
                .contains(dir + "/evil.drl:9: rule 'evil' needs --trust-rules: it uses 'System.out.println'");
        assertThat(System.getProperty("vra.pwned")).as("trusted rules run as they are").isEqualTo("yes");
        System.clearProperty("vra.pwned");
    }
}
