package dev.vendorrisk.assessor.rules;

import dev.vendorrisk.assessor.profile.WireValue;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A fact a finding was based on.
 *
 * @param path  dotted path in the profile, e.g. {@code support.channels}
 * @param value the value as it reads in a profile: a string, number, boolean, list of those, or null (unknown)
 * @param line  1-based line of the value in the profile file; 0 when it is not in the file
 */
public record Evidence(String path, Object value, int line) {

    public Evidence {
        value = plain(value);
    }

    /** Evidence whose line is not yet known. */
    public static Evidence of(String path, Object value) {
        return new Evidence(path, value, 0);
    }

    public Evidence atLine(int newLine) {
        return new Evidence(path, value, newLine);
    }

    /** The value as the profile writes it: {@code 24x7}, {@code never}, {@code [email, phone]}. */
    public String text() {
        if (value == null) {
            return "unknown";
        }
        if (value instanceof List<?> list) {
            StringBuilder out = new StringBuilder(2 + 12 * list.size()).append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ", ").append(list.get(i));
            }
            return out.append(']').toString();
        }
        return String.valueOf(value);
    }

    private static boolean allPlain(List<?> list) {
        for (Object item : list) {
            if (!(item instanceof String || item instanceof Boolean || item instanceof Long || item instanceof Integer)) {
                return false;
            }
        }
        return true;
    }

    private static Object plain(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Long
                || value instanceof Integer) {
            return value;
        }
        if (value instanceof Number n) {
            double d = n.doubleValue();
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? (Object) (long) d : (Object) d;
        }
        if (value instanceof List<?> list && allPlain(list)) {
            return List.copyOf(list); // the list itself when it is already an unmodifiable one (atLine's case)
        }
        if (value instanceof Collection<?> items) {
            List<Object> out = new ArrayList<>(items.size());
            for (Object item : items) {
                out.add(plain(item));
            }
            return List.copyOf(out);
        }
        if (value instanceof WireValue w) {
            return w.wire();
        }
        if (value instanceof LocalDate d) {
            return d.toString();
        }
        return value.toString();
    }
}
