package dev.vendorrisk.assessor.portfolio;

/** Facts the portfolio rules derive (with {@code insertLogical}) before they decide. */
public final class Derived {
    private Derived() {
    }

    /** The vendor runs at least one service of tier high or critical. */
    public record ImportantVendor(String vendorId) {
    }

    /** Some service's outage exposure is known in {@code currency}. */
    public record ExposureCurrency(String currency) {
    }

    /** The vendor has services whose exposure is known in {@code currency}. */
    public record VendorExposure(String vendorId, String currency) {
    }
}
