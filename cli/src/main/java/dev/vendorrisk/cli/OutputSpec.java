package dev.vendorrisk.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One report a command writes, from {@code -o FORMAT[=PATH]} (repeatable) or {@code -f FORMAT}: the format's
 * name in lower case, and the file it goes to, or null for standard output. The commands that write
 * several reports in one run ({@code assess}, {@code compare}, {@code diff}) parse their options here.
 */
record OutputSpec(String format, Path path) {
    /**
     * The reports of {@code -o} values and a {@code -f} value (null when not given); text to stdout when
     * neither is given.
     *
     * @param formats the format names the command writes, in lower case
     * @throws IllegalArgumentException for an empty path after {@code =}, two reports to one file, an unknown
     *                                  format or two reports to stdout, saying how to write it instead
     */
    static List<OutputSpec> parse(List<String> outputs, String format, List<String> formats) {
        List<String> values = new ArrayList<>(outputs);
        if (format != null) {
            values.add(format);
        }
        if (values.isEmpty()) {
            values.add("text");
        }
        List<OutputSpec> specs = new ArrayList<>();
        Set<Path> files = new HashSet<>();
        int stdout = 0;
        for (String value : values) {
            int eq = value.indexOf('=');
            String name = (eq < 0 ? value : value.substring(0, eq)).trim();
            Path path = null;
            if (eq >= 0) {
                String p = value.substring(eq + 1).trim();
                if (p.isEmpty()) {
                    throw new IllegalArgumentException("-o " + value + ": no file after '='; write -o " + name
                            + "=PATH, or -o " + name + " for stdout");
                }
                path = Path.of(p);
                if (!files.add(path.toAbsolutePath().normalize())) {
                    throw new IllegalArgumentException("-o " + value + ": two reports would write " + p
                            + "; give each its own file");
                }
            } else {
                stdout++;
            }
            String lower = name.toLowerCase(Locale.ROOT);
            if (!formats.contains(lower)) {
                throw new IllegalArgumentException("-o " + value + ": unknown format '" + name + "'; use one of "
                        + String.join(", ", formats));
            }
            specs.add(new OutputSpec(lower, path));
        }
        if (stdout > 1) {
            throw new IllegalArgumentException("only one report can go to stdout; write the others to files with"
                    + " -o FORMAT=PATH");
        }
        return specs;
    }

    /** Where this report goes: {@code stdout} (the command's writer), or its file, written atomically. */
    ReportOutput open(Writer stdout) throws IOException {
        return path == null ? ReportOutput.stdout(stdout) : ReportOutput.file(path);
    }
}
