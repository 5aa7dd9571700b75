package dev.vendorrisk.assessor.profile;

/** A value with a name in the profile format ({@code 24x7}, {@code phone}), which may differ from its Java name. */
public interface WireValue {
    /** The value as a profile writes it. */
    String wire();
}
