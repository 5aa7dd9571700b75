package dev.vendorrisk.cli;

import dev.vendorrisk.assessor.profile.Suggestions;
import dev.vendorrisk.assessor.rules.RuleBase;
import dev.vendorrisk.assessor.rules.RuleMeta;
import dev.vendorrisk.assessor.rules.RuleSource;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code vra explain ID}: what a rule checks, its metadata, its DRL and its recommendation. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        header = "Explain a rule: what it checks, its metadata, its DRL source and its recommendation.",
        description = "Shows every variant of the rule id (e.g. CORP-005 weak and distressed).",
        footer = ExitCodes.HELP)
public final class ExplainCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    RulesOptions rules;

    @Parameters(paramLabel = "ID", description = "A rule id, e.g. SLA-004.")
    String id;

    @Override
    public Integer call() {
        RuleBase base = rules.builder().build().rules();
        String wanted = id.trim().toUpperCase(Locale.ROOT);
        List<RuleMeta> matches = base.rules().stream().filter(r -> r.id().equals(wanted)).toList();
        if (matches.isEmpty()) {
            String near = Suggestions.closest(wanted, base.ids());
            PrintWriter err = spec.commandLine().getErr();
            StringBuilder message = new StringBuilder("vra: unknown rule id '" + id + "'");
            if (near != null) {
                message.append("; did you mean '").append(near).append("'?");
            }
            if (rules.folders.isEmpty()) { // the rule may live in an overlay the command was not given
                message.append(near != null ? " If" : "; if").append(" it lives in a rule overlay, name its folder:"
                        + " vra explain");
                rules.effectiveFolders().forEach(f -> message.append(" --rules ").append(f));
                message.append(" --rules <folder> ").append(id);
            } else if (near == null) {
                message.append("; 'vra rules list' shows every id");
            }
            err.println(message);
            err.flush();
            return ExitCodes.USAGE_OR_RULES;
        }
        PrintWriter out = spec.commandLine().getOut();
        for (int i = 0; i < matches.size(); i++) {
            if (i > 0) {
                out.println();
            }
            out.print(explain(matches.get(i), base));
        }
        out.flush();
        return ExitCodes.OK;
    }

    static String explain(RuleMeta r, RuleBase base) {
        String nl = System.lineSeparator();
        StringBuilder out = new StringBuilder();
        out.append(r.key()).append(": ").append(r.title()).append(nl);
        if (!r.description().isEmpty()) {
            out.append(nl).append("  ").append(r.description()).append(nl);
        }
        out.append(nl);
        out.append("  severity        ").append(r.severity()).append(nl);
        out.append("  weight          ").append(r.weight()).append(nl);
        out.append("  area            ").append(r.area()).append(nl);
        out.append("  recommendation  ").append(r.recommendation()).append(": ")
                .append(base.policy().recommendations().getOrDefault(r.recommendation(), "")).append(nl);
        base.policy().recommendationsByKind().getOrDefault(r.recommendation(), java.util.Map.of())
                .forEach((kind, text) -> out.append("    for ").append(kind).append(": ").append(text).append(nl));
        out.append("  backing         ").append(r.backing()).append(nl);
        out.append("  source          ").append(r.file()).append(':').append(r.line()).append(nl);
        out.append(nl);
        RuleSource source = base.sources().get(r.file());
        if (source != null) {
            for (String line : block(source.content(), r.line())) {
                out.append("    ").append(line).append(nl);
            }
        }
        return out.toString();
    }

    /** The lines of the rule starting at {@code line}, through its {@code end}. */
    static List<String> block(String content, int line) {
        List<String> lines = content.lines().toList();
        int start = Math.max(0, line - 1);
        for (int i = start; i < lines.size(); i++) {
            if (lines.get(i).strip().equals("end")) {
                return lines.subList(start, i + 1);
            }
        }
        return lines.subList(start, Math.min(lines.size(), start + 1));
    }
}
