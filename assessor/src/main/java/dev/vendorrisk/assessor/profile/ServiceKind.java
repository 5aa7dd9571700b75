package dev.vendorrisk.assessor.profile;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What sort of service is bought. */
public enum ServiceKind implements WireValue {
    @JsonProperty("hosting") HOSTING,
    @JsonProperty("saas") SAAS,
    @JsonProperty("telephony") TELEPHONY,
    @JsonProperty("network") NETWORK,
    @JsonProperty("msp") MSP,
    @JsonProperty("other") OTHER;

    private final String wire = name().toLowerCase(java.util.Locale.ROOT);

    @Override
    public String wire() {
        return wire;
    }
}
