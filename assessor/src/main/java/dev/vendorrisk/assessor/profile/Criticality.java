package dev.vendorrisk.assessor.profile;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How badly the customer is hurt when the service stops; also the scoring tier. */
public enum Criticality implements WireValue {
    @JsonProperty("low") LOW,
    @JsonProperty("medium") MEDIUM,
    @JsonProperty("high") HIGH,
    @JsonProperty("critical") CRITICAL;

    private final String wire = name().toLowerCase(java.util.Locale.ROOT);

    /** The lower-case name used in profiles and the scoring file. */
    @Override
    public String wire() {
        return wire;
    }

    /** Parses {@code low|medium|high|critical}, case-insensitively. */
    public static Criticality parse(String text) {
        switch (text) { // rules call this on every evaluation: the usual spelling needs no case folding
            case "low":
                return LOW;
            case "medium":
                return MEDIUM;
            case "high":
                return HIGH;
            case "critical":
                return CRITICAL;
            default:
                return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
        }
    }
}
