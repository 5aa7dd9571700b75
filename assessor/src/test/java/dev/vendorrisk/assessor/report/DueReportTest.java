package dev.vendorrisk.assessor.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** RFC 5545 details of the iCalendar output: folding and escaping. */
class DueReportTest {
    @Test
    void longLinesAreFoldedAt75OctetsWithoutSplittingACharacter() {
        StringBuilder out = new StringBuilder();
        String value = "SUMMARY:" + "žluťoučký kůň ".repeat(12);
        DueReport.line(out, value);
        String[] lines = out.toString().split("\r\n", -1);
        assertThat(lines[lines.length - 1]).isEmpty(); // ends with CRLF
        for (int i = 0; i < lines.length - 1; i++) {
            assertThat(lines[i].getBytes(StandardCharsets.UTF_8).length).as(lines[i]).isLessThanOrEqualTo(75);
            assertThat(lines[i]).doesNotContain("\uFFFD");
            if (i > 0) {
                assertThat(lines[i]).startsWith(" ");
            }
        }
        assertThat(out.toString().replace("\r\n ", "")).isEqualTo(value + "\r\n");
    }

    @Test
    void aLineOfExactly75OctetsIsNotFolded() {
        StringBuilder out = new StringBuilder();
        DueReport.line(out, "X".repeat(75));
        assertThat(out.toString()).isEqualTo("X".repeat(75) + "\r\n");
    }

    @Test
    void textEscapesCommasSemicolonsBackslashesAndNewlines() {
        assertThat(DueReport.text("a,b;c\\d\ne\r\u0001")).isEqualTo("a\\,b\\;c\\\\d\\ne ");
    }
}
