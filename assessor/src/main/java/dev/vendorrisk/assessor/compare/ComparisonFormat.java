package dev.vendorrisk.assessor.compare;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** One output format of a {@link Comparison}: {@code text}, {@code markdown}, {@code json} or {@code html}. */
public interface ComparisonFormat {
    /** Writes the whole comparison. */
    void write(Comparison comparison, Writer out) throws IOException;

    /** The format names, in the order help texts list them. */
    static List<String> names() {
        return List.copyOf(Registry.FORMATS.keySet());
    }

    /**
     * The named format.
     *
     * @throws IllegalArgumentException for an unknown name, saying which exist
     */
    static ComparisonFormat of(String name) {
        Supplier<ComparisonFormat> f = name == null ? null : Registry.FORMATS.get(name);
        if (f == null) {
            throw new IllegalArgumentException("unknown format '" + name + "'; use one of "
                    + String.join(", ", Registry.FORMATS.keySet()));
        }
        return f.get();
    }

    /** The formats by name. */
    final class Registry {
        private static final Map<String, Supplier<ComparisonFormat>> FORMATS = new LinkedHashMap<>();

        static {
            FORMATS.put("text", TextComparison::new);
            FORMATS.put("markdown", MarkdownComparison::new);
            FORMATS.put("json", JsonComparison::new);
            FORMATS.put("html", HtmlComparison::new);
        }

        private Registry() {
        }
    }
}
