package dev.vendorrisk.assessor.profile;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

import java.io.IOException;
import java.io.Reader;
import java.util.HashSet;
import java.util.Set;

/**
 * A {@link YAMLFactory} whose parsers (for {@code byte[]} input, which is all {@link ProfileReader}
 * gives them) classify most scalars without a regular expression.
 *
 * <p>Jackson asks SnakeYAML's {@link Resolver} for the type of every scalar, and the resolver runs
 * regular expressions on it. But the resolver picks its candidate expressions by the scalar's first
 * character, and for most characters (any letter but {@code yYnNtTfFoO}, for instance) it has none:
 * the only one left is the catch-all that turns an empty value into null. So a scalar that is quoted,
 * or not empty and starts with such a character, is always a string; the parser says so at once and
 * leaves every other scalar to Jackson, which gives exactly the tokens it gave before. Plain
 * decimal integers and plain dates, the other common scalars of a profile, take a fast path too:
 * the resolver's answer for them is fixed (checked when the class loads).
 */
final class ProfileYamlFactory extends YAMLFactory {
    private static final long serialVersionUID = 1L;

    ProfileYamlFactory(YAMLFactoryBuilder builder) {
        super(builder);
    }

    @Override
    protected YAMLParser _createParser(byte[] data, int offset, int len, IOContext ctxt) throws IOException {
        return new Parser(ctxt, _parserFeatures, _yamlParserFeatures, _loaderOptions, _objectCodec,
                _createReader(data, offset, len, null, ctxt));
    }

    /** First characters for which SnakeYAML's resolver has patterns to try. */
    static final Set<Character> RESOLVED_FIRST_CHARS = new ResolverTable().firstChars();

    /** Whether the resolver would call this scalar a plain string without looking further. */
    static boolean isPlainString(String value, boolean implicit) {
        return !value.isEmpty() && (!implicit || !RESOLVED_FIRST_CHARS.contains(value.charAt(0)));
    }

    /**
     * Whether the scalar is a plain decimal integer ({@code 0}, or a digit 1-9 and up to 17 more
     * digits): the resolver's first pattern for a leading digit, the integer one, always matches it.
     */
    static boolean isPlainDecimal(String value) {
        int n = value.length();
        if (n == 0 || n > 18 || value.charAt(0) < '0' || value.charAt(0) > '9' || (value.charAt(0) == '0' && n > 1)) {
            return false;
        }
        for (int i = 1; i < n; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the scalar is a plain date, {@code dddd-dd-dd}: no integer or float pattern matches it
     * (a dash inside), the timestamp one does, and Jackson gives a timestamp as a string.
     */
    static boolean isPlainDate(String value) {
        if (value.length() != 10 || value.charAt(4) != '-' || value.charAt(7) != '-') {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            char c = value.charAt(i);
            if (i != 4 && i != 7 && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    /** Reads the resolver's table of patterns by first character. */
    private static final class ResolverTable extends Resolver {
        Set<Character> firstChars() {
            Set<Character> keys = new HashSet<>(yamlImplicitResolvers.keySet());
            keys.remove(null); // the catch-all patterns, tried for every first character
            // the fast paths rely on the catch-all matching nothing but the empty value, on plain
            // decimals resolving to integers and plain dates to timestamps
            if (resolve(NodeId.scalar, "", true) != Tag.NULL || resolve(NodeId.scalar, "a", true) != Tag.STR
                    || resolve(NodeId.scalar, "0", true) != Tag.INT
                    || resolve(NodeId.scalar, "123456789012345678", true) != Tag.INT
                    || resolve(NodeId.scalar, "2024-01-31", true) != Tag.TIMESTAMP
                    || resolve(NodeId.scalar, "9999-99-99", true) != Tag.TIMESTAMP) {
                throw new IllegalStateException("SnakeYAML's resolver changed; review ProfileYamlFactory");
            }
            return Set.copyOf(keys);
        }
    }

    private static final class Parser extends YAMLParser {
        Parser(IOContext ctxt, int parserFeatures, int formatFeatures,
               LoaderOptions loaderOptions, ObjectCodec codec, Reader reader) {
            super(ctxt, parserFeatures, formatFeatures, loaderOptions, codec, reader);
        }

        @Override
        protected JsonToken _decodeScalar(ScalarEvent scalar) throws IOException {
            String tag = scalar.getTag();
            String value = scalar.getValue();
            if (tag == null || tag.equals("!")) {
                boolean implicit = scalar.getImplicit().canOmitTagInPlainScalar();
                if (isPlainString(value, implicit) || (implicit && isPlainDate(value))) {
                    // what YAMLParser._decodeScalar does for a scalar its resolver calls a string
                    // or a timestamp
                    _textValue = value;
                    _cleanedTextValue = null;
                    return JsonToken.VALUE_STRING;
                }
                if (implicit && isPlainDecimal(value)) {
                    // and for one it calls an integer
                    _textValue = value;
                    _cleanedTextValue = null;
                    return _decodeNumberScalar(value, value.length());
                }
            }
            return super._decodeScalar(scalar);
        }
    }
}
