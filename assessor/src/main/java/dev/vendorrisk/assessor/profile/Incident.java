package dev.vendorrisk.assessor.profile;

import java.time.LocalDate;

/**
 * A past outage of the service.
 *
 * @param index               position in the profile's {@code incidents} list, from 0
 * @param date                when it started
 * @param durationHours       how long the service was down
 * @param causedByProvider    whether the provider caused it
 * @param notifiedProactively whether the provider told the customer before being asked
 * @param summary             what happened
 */
public record Incident(
        int index,
        LocalDate date,
        Double durationHours,
        Boolean causedByProvider,
        Boolean notifiedProactively,
        String summary) {

    /** The dotted path of one of this incident's keys, e.g. {@code incidents[0].date}. */
    public String path(String key) {
        return "incidents[" + index + "]." + key;
    }
}
