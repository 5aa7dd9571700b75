package dev.vendorrisk.assessor.profile;

import java.util.List;

/**
 * A portfolio waivers file (risk model section 5): accepted risks for many vendors, each entry with
 * vendor, rule, justification, owner and expiry date.
 *
 * @param file      the file as the user named it
 * @param waivers   the waivers in file order
 * @param positions where each waiver starts in the file, same order as {@code waivers}
 */
public record WaiverFile(String file, List<Waiver> waivers, List<SourcePosition> positions) {
    public WaiverFile {
        waivers = List.copyOf(waivers);
        positions = List.copyOf(positions);
        if (waivers.size() != positions.size()) {
            throw new IllegalArgumentException("one position per waiver");
        }
    }

    /** A file without waivers. */
    public static WaiverFile empty() {
        return new WaiverFile("<none>", List.of(), List.of());
    }
}
