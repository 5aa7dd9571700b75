package dev.vendorrisk.assessor.rules;

import dev.vendorrisk.assessor.Diagnostic;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.kie.internal.builder.KnowledgeBuilderError;

/** Turns Drools compile errors into one short diagnostic per problem, naming the user's file and line. */
final class CompileErrors {
    private CompileErrors() {
    }

    static List<Diagnostic> toDiagnostics(Collection<KnowledgeBuilderError> errors, Collection<String> files) {
        Set<String> seen = new LinkedHashSet<>();
        List<Diagnostic> out = new ArrayList<>();
        String fallback = files.isEmpty() ? "rules" : files.iterator().next();
        for (KnowledgeBuilderError error : errors) {
            String file = error.getResource() != null && error.getResource().getSourcePath() != null
                    ? error.getResource().getSourcePath() : fallback;
            int[] lines = error.getLines();
            int line = lines != null && lines.length > 0 ? Math.max(0, lines[0]) : 0;
            String message = clean(error.getMessage());
            if (message.isEmpty() || !seen.add(file + ":" + line + ":" + message)) {
                continue;
            }
            out.add(new Diagnostic(file, line, 0, message));
        }
        out.sort(java.util.Comparator.comparing(Diagnostic::file).thenComparingInt(Diagnostic::line));
        return out;
    }

    /** The first meaningful line of a Drools message, without Java stack details. */
    static String clean(String message) {
        if (message == null) {
            return "";
        }
        String text = message.strip();
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\\R")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("at ") || l.startsWith("[Near") || l.startsWith("Rule Compilation error")) {
                continue;
            }
            if (out.length() > 0) {
                out.append("; ");
            }
            out.append(l);
            if (out.length() > 300) {
                break;
            }
        }
        return out.toString();
    }
}
