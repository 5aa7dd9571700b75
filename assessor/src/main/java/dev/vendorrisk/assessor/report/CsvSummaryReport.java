package dev.vendorrisk.assessor.report;

import dev.vendorrisk.assessor.Assessment;
import dev.vendorrisk.assessor.Diagnostic;
import dev.vendorrisk.assessor.Recommendation;
import dev.vendorrisk.assessor.portfolio.PortfolioFinding;
import dev.vendorrisk.assessor.portfolio.PortfolioResult;
import dev.vendorrisk.assessor.rules.Severity;
import dev.vendorrisk.assessor.scoring.Exposure;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One CSV row per file ({@code -o csv-summary}), for a portfolio overview. RFC 4180 (see
 * {@link CsvTable}). Columns:
 * <pre>
 * file,vendor_id,vendor_name,service,tier,score,rating,completeness,findings_critical,findings_high,
 * findings_medium,findings_low,findings_info,waived,per_incident_exposure,currency,top_recommendation,errors,
 * top_recommendation_points,top_recommendation_resolves_percent,way_down
 * </pre>
 * <ul>
 *   <li>{@code completeness} is a share 0..1 (three decimals at most), as in the json report;</li>
 *   <li>{@code findings_*} count active findings, {@code waived} the waived ones;</li>
 *   <li>{@code per_incident_exposure} is empty when a fact it needs is unknown;</li>
 *   <li>{@code top_recommendation} is the text of the recommendation that removes the most score;
 *       {@code top_recommendation_points} the score it removes now and {@code top_recommendation_resolves_percent}
 *       the share of the current risk (percent) it resolves; {@code way_down} the way down to a lower rating,
 *       e.g. {@code act on sla, fallback -> 62 HIGH; then act on phone-line -> 38.2 MEDIUM} (empty at LOW);</li>
 *   <li>an invalid file gets one row with {@code file} and {@code errors} (its diagnostics as
 *       {@code file:line:column: message}, one per line inside the quoted cell); the rest is empty;</li>
 *   <li>after a batch run, each portfolio finding is a row after the files' rows, marked by an empty
 *       {@code file} (every file's row has one) and the rating {@code PORTFOLIO}: {@code vendor_id} is the vendor
 *       it concerns, {@code service} the finding's id and title (e.g. {@code PORT-001 Several high or critical
 *       services depend on the same vendor}), {@code findings_*} a 1 under its severity and 0 elsewhere,
 *       {@code waived} 0, {@code top_recommendation} what to do; the other columns are empty. A pivot by
 *       vendor then shows a vendor's portfolio findings beside its own; one by rating keeps them apart.
 *       The portfolio's notes and the waivers file's warnings are not rows.</li>
 * </ul>
 * Without a portfolio (a report of single files) there are no portfolio rows and nothing else changes.
 */
public final class CsvSummaryReport implements Report {
    /** The header, in order. */
    public static final List<String> COLUMNS = List.of("file", "vendor_id", "vendor_name", "service", "tier",
            "score", "rating", "completeness", "findings_critical", "findings_high", "findings_medium",
            "findings_low", "findings_info", "waived", "per_incident_exposure", "currency", "top_recommendation",
            "errors", "top_recommendation_points", "top_recommendation_resolves_percent", "way_down");

    /** The {@code rating} of a portfolio finding's row. */
    public static final String PORTFOLIO = "PORTFOLIO";

    private final CsvTable table = new CsvTable(COLUMNS);

    @Override
    public void start(Writer out) throws IOException {
        table.start(out);
    }

    @Override
    public void file(Writer out, FileResult result) throws IOException {
        if (!result.ok()) {
            String errors = result.errors().stream().map(Diagnostic::render).collect(Collectors.joining("\n"));
            table.row(result.file(), null, null, null, null, null, null, null, null, null, null, null, null, null,
                    null, null, null, errors, null, null, null);
            return;
        }
        Assessment a = result.assessment();
        Map<Severity, Integer> active = Cells.activeBySeverity(a);
        long waived = a.findings().stream().filter(f -> f.waived()).count();
        Exposure x = a.exposure();
        Recommendation top = a.recommendations().isEmpty() ? null : a.recommendations().get(0);
        table.row(a.file(), a.vendorId(), a.vendorName(), a.service(), a.tier().wire(), Cells.number(a.score()),
                a.rating().name(), Cells.number(a.completeness(), 3),
                String.valueOf(active.get(Severity.CRITICAL)), String.valueOf(active.get(Severity.HIGH)),
                String.valueOf(active.get(Severity.MEDIUM)), String.valueOf(active.get(Severity.LOW)),
                String.valueOf(active.get(Severity.INFO)), String.valueOf(waived),
                x.perIncident() == null ? null : Cells.number(x.perIncident()), x.currency(),
                top == null ? null : top.text(), null, top == null ? null : Cells.number(top.scoreReduction()),
                top == null ? null : Cells.number(top.resolvesPercent()),
                Cells.wayDown(a.wayDown()).isEmpty() ? null : String.join("; ", Cells.wayDown(a.wayDown())));
    }

    @Override
    public void finish(Writer out, Summary summary) throws IOException {
        PortfolioResult portfolio = summary.portfolio();
        if (portfolio != null) {
            for (PortfolioFinding f : portfolio.findings()) {
                Severity s = f.severity();
                table.row(null, Cells.vendorId(f), null, f.id() + " " + f.title(), null, null, PORTFOLIO, null,
                        one(s, Severity.CRITICAL), one(s, Severity.HIGH), one(s, Severity.MEDIUM),
                        one(s, Severity.LOW), one(s, Severity.INFO), "0", null, null, f.recommendationText(), null,
                        null, null, null);
            }
        }
        table.finish();
    }

    /** {@code 1} in the count column of the finding's severity, {@code 0} in the others. */
    private static String one(Severity severity, Severity column) {
        return severity == column ? "1" : "0";
    }
}
