package dev.vendorrisk.assessor.profile;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The provider's financial standing as judged by the assessor. */
public enum FinancialHealth implements WireValue {
    @JsonProperty("strong") STRONG,
    @JsonProperty("adequate") ADEQUATE,
    @JsonProperty("weak") WEAK,
    @JsonProperty("distressed") DISTRESSED;

    private final String wire = name().toLowerCase(java.util.Locale.ROOT);

    @Override
    public String wire() {
        return wire;
    }
}
