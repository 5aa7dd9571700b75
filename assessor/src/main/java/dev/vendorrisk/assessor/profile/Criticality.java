package dev.vendorrisk.assessor.profile;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How badly the customer is hurt when the service stops; also the scoring tier. */
public enum Criticality {
    @JsonProperty("low") LOW,
    @JsonProperty("medium") MEDIUM,
    @JsonProperty("high") HIGH,
    @JsonProperty("critical") CRITICAL;

    /** The lower-case name used in profiles and the scoring file. */
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Parses {@code low|medium|high|critical}, case-insensitively. */
    public static Criticality parse(String text) {
        return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
