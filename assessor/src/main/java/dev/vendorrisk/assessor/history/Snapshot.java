package dev.vendorrisk.assessor.history;

import dev.vendorrisk.assessor.Assessment;
import dev.vendorrisk.assessor.Finding;
import dev.vendorrisk.assessor.Rating;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One service as a report records it: what a comparison needs, and nothing else.
 *
 * @param file       the profile file it was assessed from
 * @param vendorId   the vendor's id
 * @param vendorName the vendor's name
 * @param service    the service's name
 * @param rating     its rating
 * @param score      its score
 * @param findings   its findings (waived ones included), in the report's order
 */
public record Snapshot(String file, String vendorId, String vendorName, String service, Rating rating, double score,
                       List<FindingRef> findings) {
    public Snapshot {
        Objects.requireNonNull(vendorId, "vendorId");
        Objects.requireNonNull(rating, "rating");
        findings = List.copyOf(findings);
    }

    /** The assessment as a snapshot. */
    public static Snapshot of(Assessment a) {
        List<FindingRef> refs = new ArrayList<>(a.findings().size());
        for (Finding f : a.findings()) {
            refs.add(FindingRef.of(f));
        }
        return new Snapshot(a.file(), a.vendorId(), a.vendorName(), a.service(), a.rating(), a.score(), refs);
    }

    /** What identifies the service across runs, whatever its file is called: vendor id and service name. */
    public String key() {
        return key(vendorId, service);
    }

    /** The key of a vendor id and a service name. */
    public static String key(String vendorId, String service) {
        return vendorId + "\u0000" + (service == null ? "" : service);
    }

    /** {@code vendor-id / service name}: how reports name the service. */
    public String label() {
        return service == null ? vendorId : vendorId + " / " + service;
    }
}
