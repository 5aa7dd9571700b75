package dev.vendorrisk.assessor.profile;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The descriptions of the profile's keys, for people: one resource
 * ({@code descriptions.properties} beside this class, keyed {@code Type.component}) that the JSON
 * Schema and the {@code vra init} template both read, so the two never say different things.
 */
public final class ProfileDescriptions {
    private static final Map<String, String> BY_KEY = load();

    private ProfileDescriptions() {
    }

    /** The description of {@code component} of {@code record}, or null when there is none. */
    public static String of(Class<?> record, String component) {
        return BY_KEY.get(record.getSimpleName() + "." + component);
    }

    /** Every description, by {@code Type.component}. */
    public static Map<String, String> all() {
        return BY_KEY;
    }

    private static Map<String, String> load() {
        Properties properties = new Properties();
        try (InputStream in = ProfileDescriptions.class.getResourceAsStream("descriptions.properties")) {
            if (in == null) {
                throw new IllegalStateException("descriptions.properties is missing from the library");
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> out = new TreeMap<>();
        properties.forEach((k, v) -> out.put((String) k, ((String) v).strip()));
        return java.util.Collections.unmodifiableMap(out);
    }
}
