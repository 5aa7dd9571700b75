package dev.vendorrisk.assessor.history;

import dev.vendorrisk.assessor.Diagnostic;
import dev.vendorrisk.assessor.InvalidProfileException;
import dev.vendorrisk.assessor.profile.Criticality;
import dev.vendorrisk.assessor.profile.ParsedProfile;
import dev.vendorrisk.assessor.profile.VendorProfile;
import dev.vendorrisk.assessor.rules.Context;
import dev.vendorrisk.assessor.scoring.Policy;
import dev.vendorrisk.assessor.scoring.Tiers;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * When a vendor's next review is due (contract section 6): {@code assessedOn} plus the tier's review
 * interval, in calendar months ({@code limits.reviewIntervalMonths.<tier>} of the scoring file). From
 * the 31st to a shorter month the due date is that month's last day, as {@link LocalDate#plusMonths}
 * gives it. A review due on the run date itself is not overdue; the day after it is.
 */
public final class ReviewCalendar {
    /** The scoring file's limit that holds the intervals, by tier. */
    public static final String LIMIT = "reviewIntervalMonths";

    private ReviewCalendar() {
    }

    /**
     * One service's review, as {@code vra due} lists it.
     *
     * @param file          the profile file
     * @param vendorId      the vendor's id
     * @param vendorName    the vendor's name (may be null)
     * @param service       the service's name (may be null)
     * @param tier          the criticality tier that sets the interval
     * @param assessedOn    the last assessment; the run date when the profile has none
     * @param assessedOnKnown false when the profile has no {@code assessment.assessedOn}
     * @param due           the next review's due date
     * @param owner         who assessed it ({@code assessment.assessor}); null when the profile names nobody
     * @param daysLeft      days from the run date to {@code due}; negative when overdue
     */
    public record Review(String file, String vendorId, String vendorName, String service, Criticality tier,
                         LocalDate assessedOn, boolean assessedOnKnown, LocalDate due, String owner, long daysLeft) {
        /** True when the run date is after the due date. */
        public boolean overdue() {
            return daysLeft < 0;
        }

        /** {@code vendor-id / service name}. */
        public String label() {
            return service == null ? vendorId : vendorId + " / " + service;
        }

        /** Sorted by due date, then vendor id, service and file. */
        public static final Comparator<Review> BY_DATE = Comparator.comparing(Review::due)
                .thenComparing(Review::vendorId).thenComparing(r -> String.valueOf(r.service()))
                .thenComparing(Review::file);
    }

    /**
     * The review of a profile on {@code runDate}.
     *
     * @throws InvalidProfileException when {@code assessment.assessedOn} is after the run date
     */
    public static Review of(ParsedProfile parsed, Policy policy, Map<String, Double> limits, LocalDate runDate) {
        VendorProfile p = parsed.profile();
        LocalDate assessedOn = checkRunDate(parsed, runDate);
        LocalDate on = assessedOn != null ? assessedOn : runDate;
        Criticality tier = Tiers.of(p.service(), policy);
        LocalDate due = nextReviewDue(on, tier, limits);
        return new Review(parsed.file(), p.vendor().id(), p.vendor().name(), p.service().name(), tier, on,
                assessedOn != null, due, p.assessment().assessor(), ChronoUnit.DAYS.between(runDate, due));
    }

    /**
     * The profile's {@code assessment.assessedOn} (null when it has none), checked against the run date.
     *
     * @throws InvalidProfileException at the date's line when it is after the run date: an impossible fact
     */
    public static LocalDate checkRunDate(ParsedProfile parsed, LocalDate runDate) {
        LocalDate assessedOn = parsed.profile().assessment().assessedOn();
        if (assessedOn != null && assessedOn.isAfter(runDate)) {
            int line = parsed.lineOf("assessment.assessedOn");
            throw new InvalidProfileException(List.of(new Diagnostic(parsed.file(), line, line > 0 ? 3 : 0,
                    "assessment.assessedOn '" + assessedOn + "' is after the run date " + runDate
                            + "; an assessment cannot come from the future: correct the date, or run with --today "
                            + assessedOn + " or later")));
        }
        return assessedOn;
    }

    /** The review interval of {@code tier} in months, from the scoring file's limits. */
    public static int intervalMonths(Criticality tier, Map<String, Double> limits) {
        return (int) Context.limit(limits, LIMIT + "." + tier.wire());
    }

    /** {@code assessedOn} plus the tier's interval, clamped to the month's end. */
    public static LocalDate nextReviewDue(LocalDate assessedOn, Criticality tier, Map<String, Double> limits) {
        return assessedOn.plusMonths(intervalMonths(tier, limits));
    }

    /** True when {@code runDate} is after {@code due}: due on the day itself is not overdue. */
    public static boolean overdue(LocalDate due, LocalDate runDate) {
        return due != null && runDate.isAfter(due);
    }
}
