package dev.vendorrisk.assessor.scoring;

import dev.vendorrisk.assessor.profile.Service;
import dev.vendorrisk.assessor.profile.VendorProfile;
import java.util.ArrayList;
import java.util.List;

/** Computes what one provider-caused outage costs (contract section 4.6); says what is missing instead of guessing. */
public final class Exposures {
    private Exposures() {
    }

    public static Exposure of(VendorProfile profile) {
        Service s = profile.service();
        List<String> missing = new ArrayList<>();
        need(s.usersAffected(), "service.usersAffected", missing);
        need(s.hourlyCostPerUser(), "service.hourlyCostPerUser", missing);
        Double hourly = s.usersAffected() != null && s.hourlyCostPerUser() != null
                ? s.usersAffected() * s.hourlyCostPerUser() + (s.revenueLossPerHour() == null ? 0 : s.revenueLossPerHour())
                : null;
        Double response;
        String responsePath;
        if (Boolean.TRUE.equals(profile.sla().offered())) {
            response = profile.sla().responseTimeHours();
            responsePath = "sla.responseTimeHours";
        } else {
            response = profile.support().responseTimeHours();
            responsePath = "support.responseTimeHours";
        }
        need(response, responsePath, missing);
        Double restore = profile.continuity().restoreTimeHours();
        need(restore, "continuity.restoreTimeHours", missing);
        Double hours = response != null && restore != null ? response + restore : null;
        Double perIncident = hourly != null && hours != null ? hourly * hours : null;
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

    private static void need(Object value, String path, List<String> missing) {
        if (value == null) {
            missing.add(path);
        }
    }
}
