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
 * leaves every other scalar to Jackson, which gives exactly the tokens it gave before.
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

    /** Reads the resolver's table of patterns by first character. */
    private static final class ResolverTable extends Resolver {
        Set<Character> firstChars() {
            Set<Character> keys = new HashSet<>(yamlImplicitResolvers.keySet());
            keys.remove(null); // the catch-all patterns, tried for every first character
            // the fast path relies on the catch-all matching nothing but the empty value
            if (resolve(NodeId.scalar, "", true) != Tag.NULL || resolve(NodeId.scalar, "a", true) != Tag.STR) {
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
            if ((tag == null || tag.equals("!"))
                    && isPlainString(value, scalar.getImplicit().canOmitTagInPlainScalar())) {
                // what YAMLParser._decodeScalar does for a scalar its resolver calls a string
                _textValue = value;
                _cleanedTextValue = null;
                return JsonToken.VALUE_STRING;
            }
            return super._decodeScalar(scalar);
        }
    }
}
