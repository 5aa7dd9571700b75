package dev.vendorrisk.assessor;

/**
 * One problem found in a user's file, rendered as {@code file:line:column: message}.
 *
 * @param file    the file as the user named it (or {@code <stdin>})
 * @param line    1-based line, 0 when the problem concerns the whole file
 * @param column  1-based column, 0 when unknown
 * @param message what is wrong and, where possible, how to fix it
 */
public record Diagnostic(String file, int line, int column, String message) {

    public Diagnostic {
        if (file == null || message == null) {
            throw new IllegalArgumentException("a diagnostic needs a file and a message");
        }
    }

    /** {@code file:line:column: message}, leaving out the parts that are unknown. */
    public String render() {
        StringBuilder out = new StringBuilder(file);
        if (line > 0) {
            out.append(':').append(line);
            if (column > 0) {
                out.append(':').append(column);
            }
        }
        return out.append(": ").append(message).toString();
    }

    @Override
    public String toString() {
        return render();
    }
}
