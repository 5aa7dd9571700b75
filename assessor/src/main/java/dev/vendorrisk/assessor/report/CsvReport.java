package dev.vendorrisk.assessor.report;

import dev.vendorrisk.assessor.Assessment;
import dev.vendorrisk.assessor.Diagnostic;
import dev.vendorrisk.assessor.Finding;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * One CSV row per finding ({@code -o csv}), for spreadsheets and pivot tables. RFC 4180 (see
 * {@link CsvTable}). Columns:
 * <pre>
 * file,vendor_id,vendor_name,service,tier,rating,score,finding_id,severity,area,weight,contribution,share,
 * waived,recommendation,title,evidence,error
 * </pre>
 * <ul>
 *   <li>vendor columns repeat on each of the vendor's findings; a vendor without findings gets one row whose
 *       finding columns ({@code finding_id} to {@code evidence}) are empty;</li>
 *   <li>{@code recommendation} is the recommendation key (as in the json report); {@code waived} is
 *       {@code true} or {@code false}; {@code evidence} is {@code path=value (line N)} joined with {@code "; "};</li>
 *   <li>an invalid file gets one row per diagnostic: {@code file} and {@code error}
 *       ({@code file:line:column: message}) are set, every other column is empty.</li>
 * </ul>
 */
public final class CsvReport implements Report {
    /** The header, in order. */
    public static final List<String> COLUMNS = List.of("file", "vendor_id", "vendor_name", "service", "tier",
            "rating", "score", "finding_id", "severity", "area", "weight", "contribution", "share", "waived",
            "recommendation", "title", "evidence", "error");

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
                        null, null, null, null, d.render());
            }
            return;
        }
        Assessment a = result.assessment();
        if (a.findings().isEmpty()) {
            table.row(a.file(), a.vendorId(), a.vendorName(), a.service(), a.tier().wire(), a.rating().name(),
                    Cells.number(a.score()), null, null, null, null, null, null, null, null, null, null, null);
            return;
        }
        for (Finding f : a.findings()) {
            table.row(a.file(), a.vendorId(), a.vendorName(), a.service(), a.tier().wire(), a.rating().name(),
                    Cells.number(a.score()), f.id(), f.severity().name(), f.area(), String.valueOf(f.weight()),
                    Cells.number(f.contribution()), Cells.number(f.share()), String.valueOf(f.waived()),
                    f.recommendation(), f.title(), Cells.evidence(f), null);
        }
    }

    @Override
    public void finish(Writer out, Summary summary) throws IOException {
        table.finish();
    }
}
