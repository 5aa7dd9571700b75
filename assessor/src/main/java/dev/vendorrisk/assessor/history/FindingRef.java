package dev.vendorrisk.assessor.history;

import dev.vendorrisk.assessor.Finding;
import dev.vendorrisk.assessor.rules.Severity;
import java.util.Objects;

/**
 * A finding as a baseline remembers it: enough to match it with a later finding and to list it
 * when it is resolved. Instances are shared between services (see {@link BaselineIndex}), so a
 * baseline of many services holds each distinct finding once.
 *
 * @param id       rule id, e.g. {@code CORP-005}
 * @param severity the severity, which also tells the variants of one id apart (CORP-005 weak is MEDIUM,
 *                 distressed CRITICAL)
 * @param title    the rule's title
 * @param gapPath  for an information gap (GAP-001), the missing fact's path; null otherwise
 * @param waived   whether an active waiver accepted it
 */
public record FindingRef(String id, Severity severity, String title, String gapPath, boolean waived) {
    public FindingRef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(severity, "severity");
    }

    /** The rule id prefix whose findings are told apart by the missing fact's path. */
    public static final String GAP_PREFIX = "GAP-";

    /** The finding of an assessment as a reference. */
    public static FindingRef of(Finding f) {
        String gap = f.id().startsWith(GAP_PREFIX) && !f.evidence().isEmpty() ? f.evidence().get(0).path() : null;
        return new FindingRef(f.id(), f.severity(), f.title(), gap, f.waived());
    }

    /**
     * What matches a finding across assessments of one service: id, variant (severity) and, for gaps,
     * the missing fact's path. Waiving a finding does not change its key: it is still present.
     */
    public String key() {
        return gapPath == null ? id + "/" + severity.name() : id + "/" + severity.name() + "/" + gapPath;
    }

    /** {@code GAP-001 company.staffCount} or {@code STAFF-001}: how reports name it. */
    public String label() {
        return gapPath == null ? id : id + " " + gapPath;
    }
}
