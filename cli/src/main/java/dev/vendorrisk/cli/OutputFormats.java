package dev.vendorrisk.cli;

import dev.vendorrisk.assessor.report.JsonReport;
import dev.vendorrisk.assessor.report.Report;
import dev.vendorrisk.assessor.report.TextReport;
import java.util.List;
import java.util.Locale;

/**
 * The report formats {@code -o FORMAT[=PATH]} accepts. The one place that maps a name to a
 * {@link Report}: adding a format is one line here (until the library's format registry lands,
 * when this delegates to it).
 */
final class OutputFormats {
    /** Every format name, in the order {@code --help} lists them. */
    static final List<String> NAMES = List.of("text", "json");

    private OutputFormats() {
    }

    /**
     * A fresh report of format {@code name}.
     *
     * @param color ANSI colours (text on a terminal only)
     * @throws IllegalArgumentException for an unknown name, saying which exist
     */
    static Report create(String name, boolean color) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "text" -> new TextReport(color);
            case "json" -> new JsonReport();
            default -> throw new IllegalArgumentException("unknown format '" + name + "'; use one of "
                    + String.join(", ", NAMES));
        };
    }
}
