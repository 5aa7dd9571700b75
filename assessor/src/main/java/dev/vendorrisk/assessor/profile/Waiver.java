package dev.vendorrisk.assessor.profile;

import java.time.LocalDate;

/**
 * An accepted risk: findings of {@code rule} for {@code vendor} do not count until {@code expires}.
 *
 * @param vendor        vendor id; null in a profile's own waivers (the profile's vendor)
 * @param rule          rule id, e.g. {@code CORP-001}
 * @param justification why the risk is accepted
 * @param owner         who accepted it
 * @param expires       last day the waiver applies
 */
public record Waiver(String vendor, String rule, String justification, String owner, LocalDate expires) {
}
