package dev.vendorrisk.cli;

import dev.vendorrisk.assessor.report.HtmlReport;
import dev.vendorrisk.assessor.report.Report;
import dev.vendorrisk.assessor.report.ReportFormats;
import dev.vendorrisk.assessor.report.ReportOptions;
import dev.vendorrisk.assessor.rules.RuleBase;
import dev.vendorrisk.assessor.rules.Severity;
import java.util.List;
import java.util.Locale;

/** The report formats {@code -o FORMAT[=PATH]} accepts: the library's registry, with the CLI's options. */
final class OutputFormats {
    /** Every format name, in the order {@code --help} lists them. */
    static final List<String> NAMES = ReportFormats.names();

    private OutputFormats() {
    }

    /**
     * Checks a format name before anything runs.
     *
     * @throws IllegalArgumentException for an unknown name, saying which exist
     */
    static void check(String name) {
        if (!NAMES.contains(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("unknown format '" + name + "'; use one of " + String.join(", ", NAMES));
        }
    }

    /**
     * A fresh report of format {@code name}.
     *
     * @param color     ANSI colours (text on a terminal only)
     * @param rules     the rule base (the SARIF report lists its rules)
     * @param threshold the severity from which a finding fails a JUnit test case; null: HIGH
     * @param toFile    the report goes to a file: JSON is written compact there, indented on stdout
     */
    static Report create(String name, boolean color, RuleBase rules, Severity threshold, boolean toFile) {
        return create(name, color, rules, threshold, toFile, null);
    }

    /** As above; {@code htmlDetail} chooses the services an html report details (null: its default). */
    static Report create(String name, boolean color, RuleBase rules, Severity threshold, boolean toFile,
                         HtmlReport.Detail htmlDetail) {
        check(name);
        String version = new Main.Version().getVersion()[0].replaceFirst("^vra ", "");
        return ReportFormats.create(name.toLowerCase(Locale.ROOT),
                new ReportOptions(rules, color, threshold, version, null, toFile, htmlDetail));
    }
}
