package dev.vendorrisk.cli;

import dev.vendorrisk.assessor.Diagnostic;
import dev.vendorrisk.assessor.rules.RuleSet;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code vra rules check}: compile and lint the rules, reporting every problem at once. */
@Command(name = "check", mixinStandardHelpOptions = true,
        header = "Compile and lint the rules and scoring files; report every problem as file:line: message.",
        description = "Checks metadata (missing or malformed keys, duplicate ids, unknown severities, weights out of"
                + " range, recommendations without text), the scoring files against their schema, the limits the"
                + " rules read, that every rule keeps to the safe rule language (with --trust-rules: lists the rules"
                + " that need it), and compiles every rule. Problems go to stderr; exit 2 when there is any.",
        footer = ExitCodes.HELP)
public final class RulesCheckCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    RulesOptions rules;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RuleSet set = rules.ruleSet();
        RuleSet.Check check = set.check(rules.trustRules);
        for (Diagnostic d : check.errors()) {
            err.println(d.render());
        }
        for (Diagnostic w : check.warnings()) {
            err.println(warning(w));
        }
        err.flush();
        if (!check.ok()) {
            return ExitCodes.USAGE_OR_RULES;
        }
        out.println("OK: " + check.rules() + " finding rules in " + check.files() + " files ("
                + String.join(", ", set.folders().stream().map(f -> f.name()).toList()) + ")"
                + (check.warnings().isEmpty() ? "" : ", " + check.warnings().size()
                + (check.warnings().size() == 1 ? " warning" : " warnings")));
        out.flush();
        return ExitCodes.OK;
    }

    /** {@code file:line: warning: message}. */
    static String warning(Diagnostic w) {
        return new Diagnostic(w.file(), w.line(), w.column(), "warning: " + w.message()).render();
    }
}
