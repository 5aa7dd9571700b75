package dev.vendorrisk.assessor.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.vendorrisk.assessor.history.ReviewCalendar.Review;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * {@code vra due}: the review calendar in text, csv, json, markdown or iCalendar (RFC 5545). The reviews
 * come sorted by due date; overdue ones first, as they are the earliest.
 */
public final class DueReport {
    /** The formats {@code vra due} writes. */
    public static final List<String> FORMATS = List.of("text", "csv", "json", "markdown", "ical");
    /** The csv header. */
    public static final List<String> CSV_COLUMNS = List.of("due", "status", "days_left", "vendor_id", "vendor_name",
            "service", "tier", "assessed_on", "owner", "file");
    private static final String NL = System.lineSeparator();
    private static final String CRLF = "\r\n";
    private static final DateTimeFormatter ICAL_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private DueReport() {
    }

    /**
     * Writes the reviews in {@code format}.
     *
     * @param reviews the reviews to list, sorted
     * @param runDate the run date they were judged on
     * @param within  the window in days they were selected by
     * @throws IllegalArgumentException for a format not in {@link #FORMATS}
     */
    public static void write(List<Review> reviews, LocalDate runDate, int within, String format, Writer out)
            throws IOException {
        switch (format.toLowerCase(Locale.ROOT)) {
            case "text" -> text(reviews, runDate, within, out);
            case "markdown" -> markdown(reviews, runDate, within, out);
            case "csv" -> csv(reviews, out);
            case "json" -> json(reviews, runDate, within, out);
            case "ical" -> ical(reviews, runDate, out);
            default -> throw new IllegalArgumentException("unknown format '" + format + "'; use one of "
                    + String.join(", ", FORMATS));
        }
        out.flush();
    }

    /** {@code overdue} or {@code due}. */
    static String status(Review r) {
        return r.overdue() ? "overdue" : "due";
    }

    /** {@code overdue by 12 days}, {@code due today}, {@code due in 3 days}. */
    static String when(Review r) {
        long d = r.daysLeft();
        if (d < 0) {
            return "overdue by " + -d + (d == -1 ? " day" : " days");
        }
        return d == 0 ? "due today" : "due in " + d + (d == 1 ? " day" : " days");
    }

    private static String counts(List<Review> reviews, LocalDate runDate, int within) {
        long overdue = reviews.stream().filter(Review::overdue).count();
        return String.format(Locale.ROOT, "%d %s overdue, %d due within %d days of %s", overdue,
                overdue == 1 ? "review" : "reviews", reviews.size() - overdue, within, runDate);
    }

    private static void text(List<Review> reviews, LocalDate runDate, int within, Writer out) throws IOException {
        StringBuilder b = new StringBuilder();
        for (Review r : reviews) {
            b.append(String.format(Locale.ROOT, "%s  %-18s %-8s %s%s%n", r.due(), when(r), r.tier().wire(), r.label(),
                    r.owner() == null ? "" : "  (owner " + r.owner() + ")"));
            b.append("            ").append(r.file()).append(", assessed on ").append(r.assessedOn())
                    .append(r.assessedOnKnown() ? "" : " (no assessedOn: assessed as of the run date)").append(NL);
        }
        b.append(reviews.isEmpty() ? "" : NL).append("Reviews: ").append(counts(reviews, runDate, within)).append(NL);
        out.write(b.toString());
    }

    private static void markdown(List<Review> reviews, LocalDate runDate, int within, Writer out) throws IOException {
        StringBuilder b = new StringBuilder("# Vendor reviews due").append(NL).append(NL);
        if (!reviews.isEmpty()) {
            b.append("| Due | Status | Vendor | Service | Tier | Assessed on | Owner | File |").append(NL);
            b.append("| --- | --- | --- | --- | --- | --- | --- | --- |").append(NL);
            for (Review r : reviews) {
                b.append("| ").append(r.due()).append(" | ").append(r.overdue() ? "**" + when(r) + "**" : when(r))
                        .append(" | ").append(MarkdownReport.escape(r.vendorName() == null ? r.vendorId()
                                : r.vendorName() + " (" + r.vendorId() + ")"))
                        .append(" | ").append(MarkdownReport.escape(r.service() == null ? "" : r.service()))
                        .append(" | ").append(r.tier().wire()).append(" | ").append(r.assessedOn())
                        .append(r.assessedOnKnown() ? "" : " (unknown)")
                        .append(" | ").append(MarkdownReport.escape(r.owner() == null ? "" : r.owner()))
                        .append(" | ").append(MarkdownReport.escape(r.file())).append(" |").append(NL);
            }
            b.append(NL);
        }
        b.append("**Reviews:** ").append(counts(reviews, runDate, within)).append(NL);
        out.write(b.toString());
    }

    private static void csv(List<Review> reviews, Writer out) throws IOException {
        CsvTable table = new CsvTable(CSV_COLUMNS);
        table.start(out);
        for (Review r : reviews) {
            table.row(r.due(), status(r), r.daysLeft(), r.vendorId(), r.vendorName(), r.service(), r.tier().wire(),
                    r.assessedOnKnown() ? r.assessedOn() : null, r.owner(), r.file());
        }
        table.finish();
    }

    private static void json(List<Review> reviews, LocalDate runDate, int within, Writer out) throws IOException {
        JsonGenerator json = JsonReport.generator(out, true);
        json.writeStartObject();
        json.writeNumberField("schemaVersion", JsonReport.SCHEMA_VERSION);
        json.writeStringField("runDate", runDate.toString());
        json.writeNumberField("withinDays", within);
        json.writeArrayFieldStart("reviews");
        for (Review r : reviews) {
            json.writeStartObject();
            json.writeStringField("due", r.due().toString());
            json.writeStringField("status", status(r));
            json.writeNumberField("daysLeft", r.daysLeft());
            json.writeObjectFieldStart("vendor");
            json.writeStringField("id", r.vendorId());
            json.writeStringField("name", r.vendorName());
            json.writeEndObject();
            json.writeStringField("service", r.service());
            json.writeStringField("tier", r.tier().wire());
            json.writeStringField("assessedOn", r.assessedOnKnown() ? r.assessedOn().toString() : null);
            json.writeStringField("owner", r.owner());
            json.writeStringField("file", r.file());
            json.writeEndObject();
        }
        json.writeEndArray();
        long overdue = reviews.stream().filter(Review::overdue).count();
        json.writeObjectFieldStart("summary");
        json.writeNumberField("overdue", overdue);
        json.writeNumberField("due", reviews.size() - overdue);
        json.writeEndObject();
        json.writeEndObject();
        json.flush();
        out.write(NL);
    }

    /**
     * An iCalendar file (RFC 5545) a calendar can subscribe to: one all-day event per review on its due
     * date. Lines end in CRLF and are folded at 75 octets; text values are escaped. Each event's UID
     * depends only on the vendor id and the service, so a re-published calendar moves the event instead
     * of adding one; DTSTAMP is the run date, so the same run gives the same file.
     */
    private static void ical(List<Review> reviews, LocalDate runDate, Writer out) throws IOException {
        StringBuilder b = new StringBuilder();
        line(b, "BEGIN:VCALENDAR");
        line(b, "VERSION:2.0");
        line(b, "PRODID:-//Vendor Risk Assessor//vra due//EN");
        line(b, "CALSCALE:GREGORIAN");
        line(b, "METHOD:PUBLISH");
        line(b, "X-WR-CALNAME:" + text("Vendor reviews"));
        String stamp = runDate.format(ICAL_DATE) + "T000000Z";
        for (Review r : reviews) {
            line(b, "BEGIN:VEVENT");
            line(b, "UID:" + uid(r));
            line(b, "DTSTAMP:" + stamp);
            line(b, "DTSTART;VALUE=DATE:" + r.due().format(ICAL_DATE));
            line(b, "DTEND;VALUE=DATE:" + r.due().plusDays(1).format(ICAL_DATE));
            line(b, "SUMMARY:" + text((r.overdue() ? "OVERDUE: " : "") + "Review "
                    + (r.vendorName() == null ? r.vendorId() : r.vendorName())
                    + (r.service() == null ? "" : " - " + r.service())));
            line(b, "DESCRIPTION:" + text("Vendor " + r.vendorId() + ", tier " + r.tier().wire() + ", last assessed on "
                    + r.assessedOn() + (r.assessedOnKnown() ? "" : " (no assessedOn in the profile)") + ".\n"
                    + "Profile: " + r.file() + "\n" + "Collect the facts again and re-run: vra assess " + r.file()
                    + (r.owner() == null ? "" : "\nOwner: " + r.owner())));
            line(b, "CATEGORIES:" + text("vendor review"));
            line(b, "STATUS:CONFIRMED");
            line(b, "TRANSP:TRANSPARENT");
            line(b, "END:VEVENT");
        }
        line(b, "END:VCALENDAR");
        out.write(b.toString());
    }

    /** A stable UID per service: its vendor id (already safe) and a hash of the service name. */
    static String uid(Review r) {
        String service = r.service() == null ? "" : r.service();
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(service.getBytes(StandardCharsets.UTF_8));
        return "review-" + r.vendorId() + "-" + Long.toHexString(crc.getValue()) + "@vra.vendorrisk.dev";
    }

    /** RFC 5545 3.3.11 TEXT: backslash, semicolon, comma and newline escaped. */
    static String text(String value) {
        StringBuilder b = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case ';' -> b.append("\\;");
                case ',' -> b.append("\\,");
                case '\n' -> b.append("\\n");
                case '\r' -> { }
                default -> b.append(c < 0x20 || c == 0x7f ? ' ' : c);
            }
        }
        return b.toString();
    }

    /**
     * A content line, folded (RFC 5545 3.1): no line longer than 75 octets without its CRLF; each
     * continuation starts with a space. A UTF-8 sequence is never split.
     */
    static void line(StringBuilder out, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        int start = 0;
        int limit = 75;
        while (bytes.length - start > limit) {
            int end = start + limit;
            while ((bytes[end] & 0xC0) == 0x80) { // a continuation byte: do not split the character
                end--;
            }
            out.append(new String(bytes, start, end - start, StandardCharsets.UTF_8)).append(CRLF).append(' ');
            start = end;
            limit = 74; // the leading space counts
        }
        out.append(new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8)).append(CRLF);
    }
}
