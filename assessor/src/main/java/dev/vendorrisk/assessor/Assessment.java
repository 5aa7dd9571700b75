package dev.vendorrisk.assessor;

import dev.vendorrisk.assessor.profile.Criticality;
import dev.vendorrisk.assessor.scoring.Exposure;
import java.time.LocalDate;
import java.util.List;

/**
 * The result of assessing one vendor profile.
 *
 * @param file            the profile file as the user named it
 * @param vendorId        the vendor's id
 * @param vendorName      the vendor's name
 * @param service         the service's name
 * @param tier            the criticality tier used for scoring
 * @param assessedOn      the date every date rule was judged against
 * @param score           0..100, higher is riskier
 * @param rating          LOW to CRITICAL
 * @param completeness    share of the facts the rules read that are known, 0..1
 * @param findings        every finding, most severe first; waived ones included and marked
 * @param areas           the score per risk area
 * @param exposure        what one outage costs
 * @param recommendations ranked by the score they would remove
 * @param warnings        things the reader should know: low completeness, expired or unused waivers
 * @param wayDown         what acting on the recommendations in ranked order does to the score and rating
 */
public record Assessment(
        String file,
        String vendorId,
        String vendorName,
        String service,
        Criticality tier,
        LocalDate assessedOn,
        double score,
        Rating rating,
        double completeness,
        List<Finding> findings,
        List<AreaScore> areas,
        Exposure exposure,
        List<Recommendation> recommendations,
        List<String> warnings,
        WayDown wayDown) {

    public Assessment {
        findings = List.copyOf(findings);
        areas = List.copyOf(areas);
        recommendations = List.copyOf(recommendations);
        warnings = List.copyOf(warnings);
        if (wayDown == null) {
            wayDown = WayDown.none(rating);
        }
    }

    /** An assessment without a computed way down (e.g. built by hand in a test). */
    public Assessment(String file, String vendorId, String vendorName, String service, Criticality tier,
                      LocalDate assessedOn, double score, Rating rating, double completeness, List<Finding> findings,
                      List<AreaScore> areas, Exposure exposure, List<Recommendation> recommendations,
                      List<String> warnings) {
        this(file, vendorId, vendorName, service, tier, assessedOn, score, rating, completeness, findings, areas,
                exposure, recommendations, warnings, null);
    }

    /** The findings that count: not waived. */
    public List<Finding> activeFindings() {
        return findings.stream().filter(f -> !f.waived()).toList();
    }
}
