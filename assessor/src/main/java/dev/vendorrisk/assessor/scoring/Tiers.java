package dev.vendorrisk.assessor.scoring;

import dev.vendorrisk.assessor.profile.Criticality;
import dev.vendorrisk.assessor.profile.Service;

/** The criticality tier of a service (contract section 4.1). */
public final class Tiers {
    private Tiers() {
    }

    /** {@code service.criticality} if given; otherwise from MTD; otherwise the policy's default tier. */
    public static Criticality of(Service service, Policy policy) {
        if (service.criticality() != null) {
            return service.criticality();
        }
        Double mtd = service.maxTolerableDowntimeHours();
        if (mtd == null) {
            return Criticality.parse(policy.defaultTier());
        }
        for (Criticality tier : new Criticality[] {Criticality.CRITICAL, Criticality.HIGH, Criticality.MEDIUM}) {
            if (mtd <= policy.tierFromMtdHours().get(tier.wire())) {
                return tier;
            }
        }
        return Criticality.LOW;
    }

    /** True when the tier was read or derived from the profile rather than defaulted. */
    public static boolean known(Service service) {
        return service.criticality() != null || service.maxTolerableDowntimeHours() != null;
    }
}
