package dev.vendorrisk.assessor;

/** The overall verdict on a vendor, from the score bands and the critical triggers. */
public enum Rating {
    LOW, MEDIUM, HIGH, CRITICAL;

    /** Parses an upper- or lower-case name; null when it is not a rating. */
    public static Rating parse(String text) {
        for (Rating r : values()) {
            if (r.name().equalsIgnoreCase(text.trim())) {
                return r;
            }
        }
        return null;
    }
}
