package dev.vendorrisk.assessor.profile;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The provider's financial standing as judged by the assessor. */
public enum FinancialHealth {
    @JsonProperty("strong") STRONG,
    @JsonProperty("adequate") ADEQUATE,
    @JsonProperty("weak") WEAK,
    @JsonProperty("distressed") DISTRESSED;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
