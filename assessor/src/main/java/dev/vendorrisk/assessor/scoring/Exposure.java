package dev.vendorrisk.assessor.scoring;

import java.util.List;

/**
 * What one provider-caused outage costs the customer. A figure is null when a fact it needs is
 * unknown; {@code missing} then names those facts.
 *
 * @param currency      ISO 4217 code of every amount
 * @param hourlyCost    users affected x hourly cost per user + revenue lost per hour
 * @param outageHours   time to first response (the SLA's when one is offered) + restore time
 * @param perIncident   hourly cost x outage hours
 * @param monthlyFee    the service's monthly fee
 * @param monthsOfFees  per incident / monthly fee; null when the fee is zero or unknown
 * @param missing       dotted paths of the unknown facts the figures need
 * @param facts         the profile's facts behind the figures, for a report that shows the arithmetic; null when
 *                      not recorded
 */
public record Exposure(
        String currency,
        Double hourlyCost,
        Double outageHours,
        Double perIncident,
        Double monthlyFee,
        Double monthsOfFees,
        List<String> missing,
        Facts facts) {

    public Exposure {
        missing = List.copyOf(missing);
    }

    /** Figures without the facts behind them. */
    public Exposure(String currency, Double hourlyCost, Double outageHours, Double perIncident, Double monthlyFee,
                    Double monthsOfFees, List<String> missing) {
        this(currency, hourlyCost, outageHours, perIncident, monthlyFee, monthsOfFees, missing, null);
    }

    /**
     * The profile's facts the figures were computed from; a fact is null when unknown.
     *
     * @param usersAffected      {@code service.usersAffected}
     * @param hourlyCostPerUser  {@code service.hourlyCostPerUser}
     * @param revenueLossPerHour {@code service.revenueLossPerHour} (absent counts as 0, so null only when absent)
     * @param responseHours      time to first response: the SLA's when one is offered, else support's
     * @param responsePath       the dotted path {@code responseHours} was read from
     * @param restoreHours       {@code continuity.restoreTimeHours}
     */
    public record Facts(Double usersAffected, Double hourlyCostPerUser, Double revenueLossPerHour,
                        Double responseHours, String responsePath, Double restoreHours) {
    }

    /** True when one outage costs more than {@code months} monthly fees (any cost beats a zero fee). */
    public boolean costsMoreThanFees(double months) {
        return perIncident != null && monthlyFee != null && perIncident > months * monthlyFee;
    }
}
