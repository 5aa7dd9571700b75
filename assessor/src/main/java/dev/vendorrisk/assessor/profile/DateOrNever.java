package dev.vendorrisk.assessor.profile;

import java.time.LocalDate;

/**
 * An event that may never have happened: a date, or the explicit answer {@code never}.
 * A fact that is not known at all is {@code null}, not an instance of this record.
 *
 * @param date when it happened; {@code null} means {@code never}
 */
public record DateOrNever(LocalDate date) {
    public static final DateOrNever NEVER = new DateOrNever(null);

    /** True for the explicit answer {@code never}. */
    public boolean never() {
        return date == null;
    }

    @Override
    public String toString() {
        return date == null ? "never" : date.toString();
    }
}
