package dev.vendorrisk.assessor.portfolio;

import dev.vendorrisk.assessor.Assessment;
import dev.vendorrisk.assessor.Finding;
import dev.vendorrisk.assessor.profile.Criticality;
import dev.vendorrisk.assessor.profile.ServiceKind;
import dev.vendorrisk.assessor.rules.Severity;
import java.util.List;
import java.util.TreeSet;

/**
 * The fact the portfolio rules see for one assessed service: small on purpose (ids, kind, tier,
 * exposure, the ids of its active CRITICAL findings), so a batch of 100,000 profiles keeps them all
 * in a few megabytes. Never matched by the per-vendor rules.
 *
 * @param file             the profile file
 * @param vendorId         the vendor's id
 * @param kind             the kind of service; null when unknown
 * @param tier             the criticality tier the service was scored at
 * @param currency         the currency of {@code exposure}; null when unknown
 * @param exposure         what one provider-caused outage costs; null when unknown
 * @param criticalFindings ids of the service's active (unwaived) CRITICAL findings, sorted
 */
public record PortfolioEntry(String file, String vendorId, ServiceKind kind, Criticality tier, String currency,
                             Double exposure, List<String> criticalFindings) {

    public PortfolioEntry {
        criticalFindings = List.copyOf(criticalFindings);
    }

    /** The entry of an assessed service. */
    public static PortfolioEntry of(Assessment a, ServiceKind kind) {
        TreeSet<String> critical = new TreeSet<>();
        for (Finding f : a.findings()) {
            if (!f.waived() && f.severity() == Severity.CRITICAL) {
                critical.add(f.id());
            }
        }
        return new PortfolioEntry(a.file(), a.vendorId(), kind, a.tier(), a.exposure().currency(),
                a.exposure().perIncident(), critical.isEmpty() ? List.of() : List.copyOf(critical));
    }

    /** True when the tier is {@code tierName} or more critical. */
    public boolean tierAtLeast(String tierName) {
        return tier.compareTo(Criticality.parse(tierName)) >= 0;
    }

    /** True when the service has no active CRITICAL finding. */
    public boolean noCriticalFindings() {
        return criticalFindings.isEmpty();
    }

    /** True when the service has an active CRITICAL finding of rule {@code id}. */
    public boolean hasCritical(String id) {
        return criticalFindings.contains(id);
    }
}
