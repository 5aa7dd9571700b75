package dev.vendorrisk.assessor.profile;

import java.util.Map;

/**
 * A profile together with where each of its values stands in the file it came from.
 *
 * @param file      the file as the user named it
 * @param profile   the facts
 * @param positions dotted path ({@code company.staffCount}, {@code incidents[0].date}) to position
 *                  of the value (for a section, of its first key)
 */
public record ParsedProfile(String file, VendorProfile profile, Map<String, SourcePosition> positions) {
    public ParsedProfile {
        positions = Map.copyOf(positions);
    }

    /** The 1-based line of the value at {@code path}, or of its closest known parent; 0 if none. */
    public int lineOf(String path) {
        String p = path;
        while (p != null && !p.isEmpty()) {
            SourcePosition pos = positions.get(p);
            if (pos != null) {
                return pos.line();
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut > 0 ? p.substring(0, cut) : null;
        }
        return 0;
    }
}
