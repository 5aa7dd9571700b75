package dev.vendorrisk.assessor.rules;

/** How bad a finding is, from INFO to CRITICAL; ordered, so {@code compareTo} ranks them. */
public enum Severity {
    INFO, LOW, MEDIUM, HIGH, CRITICAL;

    /** Parses an upper- or lower-case name; null when it is not a severity. */
    public static Severity parse(String text) {
        if (text == null) {
            return null;
        }
        for (Severity s : values()) {
            if (s.name().equalsIgnoreCase(text.trim())) {
                return s;
            }
        }
        return null;
    }
}
