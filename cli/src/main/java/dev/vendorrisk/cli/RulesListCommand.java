package dev.vendorrisk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vendorrisk.assessor.rules.RuleBase;
import dev.vendorrisk.assessor.rules.RuleMeta;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vra rules list}: every finding rule in effect, with its metadata and where it comes from. */
@Command(name = "list", mixinStandardHelpOptions = true,
        header = "List the finding rules in effect: id, metadata and the file (and folder) each comes from.",
        footer = ExitCodes.HELP)
public final class RulesListCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    RulesOptions rules;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "text (an aligned table) or json. Default: ${DEFAULT-VALUE}.")
    String format;

    @Override
    public Integer call() throws Exception {
        String f = format.toLowerCase(Locale.ROOT);
        if (!f.equals("text") && !f.equals("json")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "unknown format '" + format + "'; use text or json");
        }
        RuleBase base = rules.builder().build().rules();
        PrintWriter out = spec.commandLine().getOut();
        if (f.equals("json")) {
            out.println(json(base.rules()));
        } else {
            out.print(table(base.rules()));
        }
        out.flush();
        return ExitCodes.OK;
    }

    static String json(List<RuleMeta> rules) throws Exception {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ArrayNode array = mapper.createArrayNode();
        for (RuleMeta r : rules) {
            ObjectNode o = array.addObject();
            o.put("id", r.id());
            o.put("variant", r.variant());
            o.put("title", r.title());
            o.put("area", r.area());
            o.put("severity", r.severity().name());
            o.put("weight", r.weight());
            o.put("recommendation", r.recommendation());
            o.put("backing", r.backing());
            o.put("description", r.description());
            o.put("folder", folder(r.file()));
            o.put("file", r.file());
            o.put("line", r.line());
        }
        return mapper.writeValueAsString(array);
    }

    static String table(List<RuleMeta> rules) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"ID", "VARIANT", "SEVERITY", "WEIGHT", "AREA", "RECOMMENDATION", "SOURCE", "TITLE", "BACKING"});
        for (RuleMeta r : rules) {
            rows.add(new String[] {r.id(), r.variant().isEmpty() ? "-" : r.variant(), r.severity().name(),
                    Integer.toString(r.weight()), r.area(), r.recommendation(), r.file() + ":" + r.line(), r.title(),
                    r.backing()});
        }
        int[] width = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == row.length - 1 ? row[i] : pad(row[i], width[i] + 2));
            }
            out.append(line.toString().stripTrailing()).append(System.lineSeparator());
        }
        return out.toString();
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }

    static String folder(String file) {
        int cut = file.lastIndexOf('/');
        return cut < 0 ? "." : file.substring(0, cut);
    }
}
