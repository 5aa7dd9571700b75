package dev.vendorrisk.assessor.profile;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * When something is available: support hours, or the hours a customer needs a service.
 * Ordered from narrowest to widest, so {@code compareTo} tells whether one covers the other.
 */
public enum Coverage implements WireValue {
    @JsonProperty("none") NONE("none"),
    @JsonProperty("business") BUSINESS("business"),
    @JsonProperty("extended") EXTENDED("extended"),
    @JsonProperty("24x7") ALWAYS("24x7");

    private final String wire;

    Coverage(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }

    /** True when this coverage is narrower than {@code other}. */
    public boolean narrowerThan(Coverage other) {
        return other != null && compareTo(other) < 0;
    }
}
