package dev.vendorrisk.assessor;

/**
 * The score of one risk area, by the same formula as the total.
 *
 * @param area  e.g. {@code support}
 * @param score 0..100
 */
public record AreaScore(String area, double score) {
}
