package dev.vendorrisk.assessor.profile;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A way to reach the provider's support. */
public enum Channel implements WireValue {
    @JsonProperty("phone") PHONE,
    @JsonProperty("email") EMAIL,
    @JsonProperty("ticket") TICKET,
    @JsonProperty("chat") CHAT,
    @JsonProperty("forum") FORUM;

    private final String wire = name().toLowerCase(java.util.Locale.ROOT);

    @Override
    public String wire() {
        return wire;
    }
}
