package dev.vendorrisk.assessor.history;

import java.util.Locale;

/** How a finding compares with the baseline (contract section 6). */
public enum Change {
    /** Only the later assessment has it. */
    NEW,
    /** Both have it (a waived finding counts as present). */
    UNCHANGED,
    /** Only the earlier assessment (the baseline) has it. */
    RESOLVED;

    /** The lower-case name reports use: {@code new}, {@code unchanged}, {@code resolved}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** SARIF's {@code baselineState} for it: {@code new}, {@code unchanged} or {@code absent}. */
    public String sarif() {
        return this == RESOLVED ? "absent" : wire();
    }
}
