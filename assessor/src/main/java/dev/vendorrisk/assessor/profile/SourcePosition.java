package dev.vendorrisk.assessor.profile;

/** Where a value stands in a profile file; 1-based. */
public record SourcePosition(int line, int column) {
}
