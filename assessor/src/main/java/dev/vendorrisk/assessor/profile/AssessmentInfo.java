package dev.vendorrisk.assessor.profile;

import java.time.LocalDate;
import java.util.List;

/**
 * About the assessment itself.
 *
 * @param assessedOn "now" for every date rule; null means the assessor's clock
 * @param assessor   who assessed the vendor
 * @param waivers    accepted risks for this vendor
 */
public record AssessmentInfo(LocalDate assessedOn, String assessor, List<Waiver> waivers) {
    public static final AssessmentInfo UNKNOWN = new AssessmentInfo(null, null, List.of());

    public AssessmentInfo {
        waivers = waivers == null ? List.of() : List.copyOf(waivers);
    }
}
