package dev.vendorrisk.cli;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A strict check of an iCalendar stream against RFC 5545: every line ends in CRLF and is at most 75
 * octets; folded lines continue with one space or tab; after unfolding, every content line is
 * {@code name *(;param) : value}; components nest and close; VCALENDAR has VERSION:2.0 and PRODID; every
 * VEVENT has exactly one UID (unique), one DTSTAMP as a UTC date-time, and a DTSTART; date values are
 * valid dates; TEXT values escape commas, semicolons and backslashes and carry no raw newline.
 */
final class IcalendarCheck {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9-]+");
    private static final Pattern PARAM = Pattern.compile("[A-Za-z0-9-]+=(\"[^\"]*\"|[^\";:,]*)(,(\"[^\"]*\"|[^\";:,]*))*");
    private static final Pattern UTC = Pattern.compile("\\d{8}T\\d{6}Z");
    private static final Set<String> TEXT = Set.of("SUMMARY", "DESCRIPTION", "LOCATION", "COMMENT", "X-WR-CALNAME");

    private IcalendarCheck() {
    }

    /** Checks the stream; returns the UIDs of its events. */
    static List<String> check(byte[] bytes) {
        String all = new String(bytes, StandardCharsets.UTF_8);
        if (!java.util.Arrays.equals(all.getBytes(StandardCharsets.UTF_8), bytes)) {
            throw new AssertionError("not UTF-8");
        }
        if (!all.endsWith("\r\n")) {
            throw new AssertionError("the stream does not end with CRLF");
        }
        int start = 0;
        int n = 0;
        while (start < bytes.length) {
            int end = indexOfCrlf(bytes, start);
            n++;
            if (end < 0) {
                throw new AssertionError("line " + n + " does not end with CRLF");
            }
            for (int i = start; i < end; i++) {
                if (bytes[i] == '\n' || bytes[i] == '\r') {
                    throw new AssertionError("line " + n + " has a bare CR or LF");
                }
            }
            if (end - start > 75) {
                throw new AssertionError("line " + n + " is " + (end - start) + " octets, more than 75");
            }
            if (end > start && (bytes[start] & 0xC0) == 0x80) {
                throw new AssertionError("line " + n + " starts inside a UTF-8 character: a fold split it");
            }
            start = end + 2;
        }
        Deque<String> open = new ArrayDeque<>();
        List<String> uids = new ArrayList<>();
        Set<String> seenUids = new HashSet<>();
        boolean version = false;
        boolean prodid = false;
        int uid = 0;
        int stamp = 0;
        int dtstart = 0;
        for (String line : unfold(all).split("\r\n")) {
            int colon = valueStart(line);
            String head = line.substring(0, colon);
            String value = line.substring(colon + 1);
            String[] parts = head.split(";", -1);
            String name = parts[0].toUpperCase(java.util.Locale.ROOT);
            if (!NAME.matcher(parts[0]).matches()) {
                throw new AssertionError("bad property name in: " + line);
            }
            for (int i = 1; i < parts.length; i++) {
                if (!PARAM.matcher(parts[i]).matches()) {
                    throw new AssertionError("bad parameter '" + parts[i] + "' in: " + line);
                }
            }
            switch (name) {
                case "BEGIN" -> {
                    if (open.isEmpty() && !value.equals("VCALENDAR")) {
                        throw new AssertionError("the stream must start with BEGIN:VCALENDAR");
                    }
                    open.push(value);
                    if (value.equals("VEVENT")) {
                        uid = 0;
                        stamp = 0;
                        dtstart = 0;
                    }
                }
                case "END" -> {
                    if (open.isEmpty() || !open.pop().equals(value)) {
                        throw new AssertionError("END:" + value + " closes nothing open");
                    }
                    if (value.equals("VEVENT") && (uid != 1 || stamp != 1 || dtstart != 1)) {
                        throw new AssertionError("a VEVENT needs exactly one UID, DTSTAMP and DTSTART");
                    }
                }
                case "VERSION" -> version = value.equals("2.0");
                case "PRODID" -> prodid = !value.isEmpty();
                case "UID" -> {
                    uid++;
                    if (!seenUids.add(value)) {
                        throw new AssertionError("duplicate UID " + value);
                    }
                    uids.add(value);
                }
                case "DTSTAMP" -> {
                    stamp++;
                    if (!UTC.matcher(value).matches()) {
                        throw new AssertionError("DTSTAMP must be a UTC date-time: " + value);
                    }
                }
                case "DTSTART", "DTEND" -> {
                    if (name.equals("DTSTART")) {
                        dtstart++;
                    }
                    if (head.toUpperCase(java.util.Locale.ROOT).contains("VALUE=DATE")) {
                        java.time.LocalDate.parse(value, java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
                    }
                }
                default -> {
                }
            }
            if (TEXT.contains(name)) {
                checkText(value, line);
            }
        }
        if (!open.isEmpty()) {
            throw new AssertionError("unclosed components: " + open);
        }
        if (!version || !prodid) {
            throw new AssertionError("VCALENDAR needs VERSION:2.0 and PRODID");
        }
        return uids;
    }

    /** Unfolds content lines (RFC 5545 3.1): a CRLF followed by one space or tab is removed. */
    static String unfold(String text) {
        return text.replace("\r\n ", "").replace("\r\n\t", "");
    }

    private static void checkText(String value, String line) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\') {
                if (i + 1 >= value.length() || "\\;,nN".indexOf(value.charAt(i + 1)) < 0) {
                    throw new AssertionError("bad escape in: " + line);
                }
                i++;
            } else if (c == ';' || c == ',') {
                throw new AssertionError("unescaped '" + c + "' in TEXT: " + line);
            } else if (c < 0x20 && c != '\t') {
                throw new AssertionError("control character in TEXT: " + line);
            }
        }
    }

    /** The colon that starts the value: the first one outside a quoted parameter value. */
    private static int valueStart(String line) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ':' && !quoted) {
                return i;
            }
        }
        throw new AssertionError("no ':' in content line: " + line);
    }

    private static int indexOfCrlf(byte[] b, int from) {
        for (int i = from; i + 1 < b.length; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
