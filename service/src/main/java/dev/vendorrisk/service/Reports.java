package dev.vendorrisk.service;

import dev.vendorrisk.assessor.portfolio.PortfolioResult;
import dev.vendorrisk.assessor.report.FileResult;
import dev.vendorrisk.assessor.report.HtmlReport;
import dev.vendorrisk.assessor.report.JsonReport;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Renders results with the library's reports: {@link JsonReport}, the very document
 * {@code vra assess --format json} prints, or {@link HtmlReport}, the page {@code -o html} writes.
 */
final class Reports {
    private Reports() {
    }

    /**
     * The JSON report of the results; {@code portfolio}, when not null, is rendered as the report's
     * {@code "portfolio"} section, set on the summary after the last result as {@code vra assess} does.
     */
    static String json(List<FileResult> results, PortfolioResult portfolio) {
        return new JsonReport().render(results, portfolio);
    }

    /** The HTML report of the results, as {@code vra assess -o html} writes it. */
    static String html(List<FileResult> results, PortfolioResult portfolio) {
        return new HtmlReport().render(results, portfolio);
    }

    /**
     * The answer to an assessment request: the report in the negotiated type (HTML with the report's
     * Content-Security-Policy, so nothing but its own style sheet and script can run), with 400 when a
     * profile was invalid unless {@code status} says otherwise.
     */
    static Response answer(Assessments.Outcome outcome, MediaType type, Response.Status status) {
        Response.Status s = status != null ? status : outcome.invalid() ? Response.Status.BAD_REQUEST : Response.Status.OK;
        if (type.isCompatible(MediaType.TEXT_HTML_TYPE)) {
            return Response.status(s).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .header("Content-Security-Policy", HtmlReport.CONTENT_SECURITY_POLICY)
                    .entity(html(outcome.results(), outcome.portfolio())).build();
        }
        return Response.status(s).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(json(outcome.results(), outcome.portfolio())).build();
    }
}
