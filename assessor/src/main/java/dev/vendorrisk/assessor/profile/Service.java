package dev.vendorrisk.assessor.profile;

/**
 * The service bought from the vendor and what its loss costs the customer.
 *
 * @param name                      what the service is
 * @param kind                      hosting, saas, telephony, network, msp or other
 * @param criticality               impact on the customer if it stops
 * @param usersAffected             people who cannot work while it is down
 * @param hourlyCostPerUser         cost of one lost person-hour, in {@code currency}
 * @param revenueLossPerHour        revenue lost per hour of outage; absent counts as 0
 * @param currency                  ISO 4217 code
 * @param monthlyFee                what the service costs per month, in {@code currency}
 * @param maxTolerableDowntimeHours the longest outage the customer can bear (MTD)
 * @param operatingHours            when the customer needs the service
 * @param handlesPersonalData       whether the provider processes personal data for the customer
 */
public record Service(
        String name,
        ServiceKind kind,
        Criticality criticality,
        Integer usersAffected,
        Double hourlyCostPerUser,
        Double revenueLossPerHour,
        String currency,
        Double monthlyFee,
        Double maxTolerableDowntimeHours,
        Coverage operatingHours,
        Boolean handlesPersonalData) {
    public static final Service UNKNOWN = new Service(null, null, null, null, null, null, null, null, null, null, null);
}
