package dev.vendorrisk.assessor.portfolio;

import dev.vendorrisk.assessor.profile.ServiceKind;
import java.util.List;

/**
 * Facts about the portfolio as a whole. The batch-wide ones ({@link CurrencyExposure},
 * {@link KindAlternatives}) are summed up as the services stream in, so the portfolio rules can be
 * evaluated vendor group by vendor group in small sessions; the others the rules derive themselves.
 */
public final class Derived {
    private Derived() {
    }

    /** The vendor runs at least one service of tier high or critical (derived by the rules). */
    public record ImportantVendor(String vendorId) {
    }

    /** The vendor has services whose exposure is known in {@code currency} (derived by the rules). */
    public record VendorExposure(String vendorId, String currency) {
    }

    /**
     * The known outage exposure of every service in one currency, summed over the batch.
     *
     * @param currency the currency
     * @param total    the sum of the known exposures in it
     * @param vendors  how many vendors have a known exposure in it
     */
    public record CurrencyExposure(String currency, double total, int vendors) {
    }

    /**
     * Vendors that provide a service of {@code kind} with no active CRITICAL finding.
     *
     * @param kind    the kind of service
     * @param vendors up to two such vendors (enough to tell whether there is another one than a given vendor)
     */
    public record KindAlternatives(ServiceKind kind, List<String> vendors) {
        public KindAlternatives {
            vendors = List.copyOf(vendors);
        }

        /** True when a vendor other than {@code vendorId} is among them. */
        public boolean otherThan(String vendorId) {
            for (String v : vendors) {
                if (!v.equals(vendorId)) {
                    return true;
                }
            }
            return false;
        }
    }
}
