package dev.vendorrisk.assessor.report;

import dev.vendorrisk.assessor.Assessment;
import dev.vendorrisk.assessor.Diagnostic;
import dev.vendorrisk.assessor.Finding;
import dev.vendorrisk.assessor.Recommendation;
import dev.vendorrisk.assessor.portfolio.PortfolioFinding;
import dev.vendorrisk.assessor.portfolio.PortfolioResult;
import dev.vendorrisk.assessor.portfolio.PortfolioSession;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * One CSV row per finding ({@code -o csv}), for spreadsheets and pivot tables. RFC 4180 (see
 * {@link CsvTable}). Columns:
 * <pre>
 * file,vendor_id,vendor_name,service,tier,rating,score,finding_id,severity,area,weight,contribution,share,
 * waived,recommendation,title,evidence,error,recommendation_points,recommendation_resolves_percent,way_down
 * </pre>
 * <ul>
 *   <li>vendor columns repeat on each of the vendor's findings; a vendor without findings gets one row whose
 *       finding columns ({@code finding_id} to {@code evidence}) are empty;</li>
 *   <li>{@code recommendation_points} and {@code recommendation_resolves_percent} say what acting on the
 *       finding's recommendation is worth: the score it removes now and the share of the current risk (in
 *       percent) its findings account for; {@code way_down} is the vendor's way down to a lower rating, e.g.
 *       {@code act on sla, fallback -> 62 HIGH; then act on phone-line -> 38.2 MEDIUM} (empty at LOW);</li>
 *   <li>{@code recommendation} is the recommendation key (as in the json report); {@code waived} is
 *       {@code true} or {@code false}; {@code evidence} is {@code path=value (line N)} joined with {@code "; "};</li>
 *   <li>an invalid file gets one row per diagnostic: {@code file} and {@code error}
 *       ({@code file:line:column: message}) are set, every other column is empty;</li>
 *   <li>after a batch run, each portfolio finding is a row after the files' rows: {@code file} is empty (only
 *       portfolio rows have no file) and {@code area} is {@code portfolio}; {@code vendor_id} is the vendor it
 *       concerns, the finding columns are set as for a vendor's finding except {@code contribution} and
 *       {@code share}, which stay empty (a portfolio finding is part of no score); {@code waived} is
 *       {@code false}; the other vendor columns are empty. The portfolio's notes and the waivers file's
 *       warnings are not rows (they are in the other formats, and the CLI prints the warnings on stderr).</li>
 * </ul>
 * Without a portfolio (a report of single files) there are no portfolio rows and nothing else changes.
 */
public final class CsvReport implements Report {
    /** The header, in order. */
    public static final List<String> COLUMNS = List.of("file", "vendor_id", "vendor_name", "service", "tier",
            "rating", "score", "finding_id", "severity", "area", "weight", "contribution", "share", "waived",
            "recommendation", "title", "evidence", "error", "recommendation_points", "recommendation_resolves_percent",
            "way_down");

    private final CsvTable table = new CsvTable(COLUMNS);

    @Override
    public void start(Writer out) throws IOException {
        table.start(out);
    }

    @Override
    public void file(Writer out, FileResult result) throws IOException {
        if (!result.ok()) {
            for (Diagnostic d : result.errors()) {
                table.row(result.file(), null, null, null, null, null, null, null, null, null, null, null, null,
                        null, null, null, null, d.render(), null, null, null);
            }
            return;
        }
        Assessment a = result.assessment();
        if (a.findings().isEmpty()) {
            table.row(a.file(), a.vendorId(), a.vendorName(), a.service(), a.tier().wire(), a.rating().name(),
                    Cells.number(a.score()), null, null, null, null, null, null, null, null, null, null, null, null, null,
                    wayDown(a));
            return;
        }
        for (Finding f : a.findings()) {
            table.row(a.file(), a.vendorId(), a.vendorName(), a.service(), a.tier().wire(), a.rating().name(),
                    Cells.number(a.score()), f.id(), f.severity().name(), f.area(), String.valueOf(f.weight()),
                    Cells.number(f.contribution()), Cells.number(f.share()), String.valueOf(f.waived()),
                    f.recommendation(), f.title(), Cells.evidence(f), null, points(a, f), percent(a, f), wayDown(a));
        }
    }

    /** The points the finding's recommendation removes, or empty for a waived finding (no recommendation counts it). */
    private static String points(Assessment a, Finding f) {
        Recommendation r = f.waived() ? null : Cells.recommendation(a, f.recommendation());
        return r == null ? null : Cells.number(r.scoreReduction());
    }

    private static String percent(Assessment a, Finding f) {
        Recommendation r = f.waived() ? null : Cells.recommendation(a, f.recommendation());
        return r == null ? null : Cells.number(r.resolvesPercent());
    }

    /** The way down in one cell, its steps separated by "; ". */
    private static String wayDown(Assessment a) {
        List<String> lines = Cells.wayDown(a.wayDown());
        return lines.isEmpty() ? null : String.join("; ", lines);
    }

    @Override
    public void finish(Writer out, Summary summary) throws IOException {
        PortfolioResult portfolio = summary.portfolio();
        if (portfolio != null) {
            for (PortfolioFinding f : portfolio.findings()) {
                table.row(null, Cells.vendorId(f), null, null, null, null, null, f.id(), f.severity().name(),
                        PortfolioSession.AREA, String.valueOf(f.weight()), null, null, "false", f.recommendation(),
                        f.title(), Cells.evidence(f.evidence()), null, null, null, null);
            }
        }
        table.finish();
    }
}
