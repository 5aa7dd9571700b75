package dev.vendorrisk.assessor.rules;

/**
 * A derived fact: a fact some rule needs is not known. Inserted logically, so equal paths
 * collapse into one fact however many rules need it; the gap rules turn each into a finding.
 *
 * @param path dotted path of the unknown fact, e.g. {@code company.staffCount}
 */
public record Unknown(String path) {
}
