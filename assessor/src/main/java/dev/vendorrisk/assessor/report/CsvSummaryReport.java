package dev.vendorrisk.assessor.report;

import dev.vendorrisk.assessor.Assessment;
import dev.vendorrisk.assessor.Diagnostic;
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
 * findings_medium,findings_low,findings_info,waived,per_incident_exposure,currency,top_recommendation,errors
 * </pre>
 * <ul>
 *   <li>{@code completeness} is a share 0..1 (three decimals at most), as in the json report;</li>
 *   <li>{@code findings_*} count active findings, {@code waived} the waived ones;</li>
 *   <li>{@code per_incident_exposure} is empty when a fact it needs is unknown;</li>
 *   <li>{@code top_recommendation} is the text of the recommendation that removes the most score;</li>
 *   <li>an invalid file gets one row with {@code file} and {@code errors} (its diagnostics as
 *       {@code file:line:column: message}, one per line inside the quoted cell); the rest is empty.</li>
 * </ul>
 */
public final class CsvSummaryReport implements Report {
    /** The header, in order. */
    public static final List<String> COLUMNS = List.of("file", "vendor_id", "vendor_name", "service", "tier",
            "score", "rating", "completeness", "findings_critical", "findings_high", "findings_medium",
            "findings_low", "findings_info", "waived", "per_incident_exposure", "currency", "top_recommendation",
            "errors");

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
                    null, null, null, errors);
            return;
        }
        Assessment a = result.assessment();
        Map<Severity, Integer> active = Cells.activeBySeverity(a);
        long waived = a.findings().stream().filter(f -> f.waived()).count();
        Exposure x = a.exposure();
        table.row(a.file(), a.vendorId(), a.vendorName(), a.service(), a.tier().wire(), Cells.number(a.score()),
                a.rating().name(), Cells.number(a.completeness(), 3),
                String.valueOf(active.get(Severity.CRITICAL)), String.valueOf(active.get(Severity.HIGH)),
                String.valueOf(active.get(Severity.MEDIUM)), String.valueOf(active.get(Severity.LOW)),
                String.valueOf(active.get(Severity.INFO)), String.valueOf(waived),
                x.perIncident() == null ? null : Cells.number(x.perIncident()), x.currency(),
                a.recommendations().isEmpty() ? null : a.recommendations().get(0).text(), null);
    }

    @Override
    public void finish(Writer out, Summary summary) throws IOException {
        table.finish();
    }
}
