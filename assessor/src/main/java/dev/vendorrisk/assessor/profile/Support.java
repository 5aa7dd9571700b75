package dev.vendorrisk.assessor.profile;

import java.util.List;

/**
 * How the provider can be reached when something breaks.
 *
 * @param channels             channels that work today
 * @param discontinuedChannels channels the provider used to offer and has dropped
 * @param hours                when support answers
 * @param responseTimeHours    promised or observed time to first response
 * @param escalationContact    whether there is a named person or number to escalate to
 * @param statusPage           whether the provider publishes a status page
 */
public record Support(
        List<Channel> channels,
        List<Channel> discontinuedChannels,
        Coverage hours,
        Double responseTimeHours,
        Boolean escalationContact,
        Boolean statusPage) {
    public static final Support UNKNOWN = new Support(null, null, null, null, null, null);

    public Support {
        channels = Lists.copy(channels);
        discontinuedChannels = Lists.copy(discontinuedChannels);
    }

    /** True when {@code channels} is known and contains {@code channel}. */
    public boolean offers(Channel channel) {
        return channels != null && channels.contains(channel);
    }
}
