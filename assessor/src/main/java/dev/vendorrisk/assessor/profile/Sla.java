package dev.vendorrisk.assessor.profile;

/**
 * The service level agreement, if any.
 *
 * @param offered             whether the service comes with an SLA
 * @param purchasable         whether an SLA can be bought
 * @param availabilityPercent promised availability
 * @param responseTimeHours   promised time to first response
 * @param serviceCredits      whether missed targets earn credits
 */
public record Sla(
        Boolean offered,
        Boolean purchasable,
        Double availabilityPercent,
        Double responseTimeHours,
        Boolean serviceCredits) {
    public static final Sla UNKNOWN = new Sla(null, null, null, null, null);
}
