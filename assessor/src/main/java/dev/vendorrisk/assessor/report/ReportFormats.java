package dev.vendorrisk.assessor.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** Every report format by the name {@code -o FORMAT} uses. */
public final class ReportFormats {
    private static final Map<String, Function<ReportOptions, Report>> FORMATS = new LinkedHashMap<>();

    static {
        FORMATS.put("text", o -> new TextReport(o.color()));
        FORMATS.put("json", o -> new JsonReport(!o.compactJson()));
        FORMATS.put("jsonl", o -> new JsonLinesReport());
        FORMATS.put("csv", o -> new CsvReport());
        FORMATS.put("csv-summary", o -> new CsvSummaryReport());
        FORMATS.put("markdown", o -> new MarkdownReport());
        FORMATS.put("junit", o -> new JunitReport(o.threshold()));
        FORMATS.put("sarif", o -> new SarifReport(o.rules(), o.toolVersion(), o.informationUri()));
        FORMATS.put("html", o -> o.htmlDetail() == null ? new HtmlReport() : new HtmlReport(o.htmlDetail()));
    }

    private ReportFormats() {
    }

    /** The format names, in the order help texts list them. */
    public static List<String> names() {
        return List.copyOf(FORMATS.keySet());
    }

    /**
     * A new report of the named format; a report holds state for one run, so create one per run.
     *
     * @throws IllegalArgumentException when there is no format of that name
     */
    public static Report create(String name, ReportOptions options) {
        Objects.requireNonNull(options, "options");
        Function<ReportOptions, Report> factory = name == null ? null : FORMATS.get(name);
        if (factory == null) {
            throw new IllegalArgumentException("unknown report format '" + name + "'; use one of: "
                    + String.join(", ", FORMATS.keySet()));
        }
        return factory.apply(options);
    }
}
