package dev.vendorrisk.assessor.scoring;

import dev.vendorrisk.assessor.profile.Service;
import dev.vendorrisk.assessor.profile.VendorProfile;
import java.util.ArrayList;
import java.util.List;

/** Computes what one provider-caused outage costs (contract section 4.6); says what is missing instead of guessing. */
public final class Exposures {
    private Exposures() {
    }

    /**
     * The exposure of one outage. A fact is missing only where a figure depends on it: no user, or no
     * cost per user-hour, makes the staff cost 0 whatever the other is; an hourly cost of 0 makes the
     * outage cost 0 whatever its length.
     */
    public static Exposure of(VendorProfile profile) {
        Service s = profile.service();
        List<String> missing = new ArrayList<>();
        Integer users = s.usersAffected();
        Double perUser = s.hourlyCostPerUser();
        boolean noStaffCost = users != null && users == 0 || perUser != null && perUser == 0;
        if (!noStaffCost) {
            need(users, "service.usersAffected", missing);
            need(perUser, "service.hourlyCostPerUser", missing);
        }
        Double staffCost = noStaffCost ? Double.valueOf(0) : users != null && perUser != null ? users * perUser : null;
        Double hourly = staffCost == null ? null
                : staffCost + (s.revenueLossPerHour() == null ? 0 : s.revenueLossPerHour());
        boolean free = hourly != null && hourly == 0;
        Double response;
        String responsePath;
        if (Boolean.TRUE.equals(profile.sla().offered())) {
            response = profile.sla().responseTimeHours();
            responsePath = "sla.responseTimeHours";
        } else {
            response = profile.support().responseTimeHours();
            responsePath = "support.responseTimeHours";
        }
        need(free || response != null, responsePath, missing);
        Double restore = profile.continuity().restoreTimeHours();
        need(free || restore != null, "continuity.restoreTimeHours", missing);
        Double hours = response != null && restore != null ? response + restore : null;
        Double perIncident = free ? Double.valueOf(0) : hourly != null && hours != null ? hourly * hours : null;
        Double fee = s.monthlyFee();
        need(fee, "service.monthlyFee", missing);
        Double months = perIncident != null && fee != null && fee > 0 ? perIncident / fee : null;
        return new Exposure(s.currency(), hourly, hours, perIncident, fee, months, missing,
                new Exposure.Facts(toDouble(s.usersAffected()), s.hourlyCostPerUser(), s.revenueLossPerHour(), response,
                        responsePath, restore));
    }

    private static Double toDouble(Number n) {
        return n == null ? null : n.doubleValue();
    }

    private static void need(boolean known, String path, List<String> missing) {
        if (!known) {
            missing.add(path);
        }
    }

    private static void need(Object value, String path, List<String> missing) {
        if (value == null) {
            missing.add(path);
        }
    }
}
