package dev.vendorrisk.assessor.rules;

/**
 * The text of one rules-folder file.
 *
 * @param file    the file as the user named it, used in diagnostics
 * @param content its text
 */
public record RuleSource(String file, String content) {
    /** The file name without folders and extension: a rule file's area. */
    public String baseName() {
        String name = file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
