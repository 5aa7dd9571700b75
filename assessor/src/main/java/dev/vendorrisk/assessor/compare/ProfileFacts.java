package dev.vendorrisk.assessor.compare;

import dev.vendorrisk.assessor.profile.DateOrNever;
import dev.vendorrisk.assessor.profile.FormerParent;
import dev.vendorrisk.assessor.profile.VendorProfile;
import dev.vendorrisk.assessor.profile.WireValue;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A profile's facts as dotted paths and the text a profile writes for them ({@code support.channels:
 * [email, ticket]}, {@code company.formerParent: none}, {@code unknown} for a fact that is not known),
 * in the order of the profile format. Leaves out what identifies rather than describes a candidate:
 * {@code schemaVersion}, {@code vendor.*} and {@code assessment.*}.
 */
final class ProfileFacts {
    static final String UNKNOWN = "unknown";

    private ProfileFacts() {
    }

    static Map<String, String> of(VendorProfile profile) {
        Map<String, String> out = new LinkedHashMap<>();
        walk("", profile, out);
        out.keySet().removeIf(k -> k.equals("schemaVersion") || k.startsWith("vendor.") || k.startsWith("assessment."));
        return out;
    }

    private static void walk(String path, Object value, Map<String, String> out) {
        if (value == null) {
            out.put(path, UNKNOWN);
        } else if (value instanceof FormerParent p && p.none()) {
            out.put(path, "none");
        } else if (value instanceof DateOrNever || value instanceof LocalDate) {
            out.put(path, value.toString());
        } else if (value instanceof Record r) {
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                if (r instanceof FormerParent && c.getName().equals("none")) {
                    continue;
                }
                walk(path.isEmpty() ? c.getName() : path + "." + c.getName(), read(c, r), out);
            }
        } else if (value instanceof List<?> list) {
            if (!list.isEmpty() && list.get(0) instanceof Record) {
                out.put(path, Integer.toString(list.size()));
                for (int i = 0; i < list.size(); i++) {
                    walk(path + "[" + i + "]", list.get(i), out);
                }
            } else {
                out.put(path, list.stream().map(ProfileFacts::text).collect(Collectors.joining(", ", "[", "]")));
            }
        } else {
            out.put(path, text(value));
        }
    }

    private static String text(Object v) {
        if (v instanceof WireValue w) {
            return w.wire();
        }
        if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        return String.valueOf(v);
    }

    private static Object read(RecordComponent c, Record r) {
        try {
            return c.getAccessor().invoke(r);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + c.getName() + " of " + r.getClass().getSimpleName(), e);
        }
    }
}
