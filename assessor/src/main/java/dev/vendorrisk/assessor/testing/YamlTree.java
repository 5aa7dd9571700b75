package dev.vendorrisk.assessor.testing;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.vendorrisk.assessor.Diagnostic;
import dev.vendorrisk.assessor.profile.SourcePosition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A YAML document as a Jackson tree, with the position of every key and value, so the loader can
 * report problems at {@code file:line:column}. Aliases are refused, not expanded.
 *
 * @param root      the document (null when the file is empty)
 * @param keys      dotted path ({@code cases[0].expect.fires}) to the position of its key
 * @param values    dotted path to the position of its value
 */
record YamlTree(JsonNode root, Map<String, SourcePosition> keys, Map<String, SourcePosition> values) {
    private static final int MAX_NESTING = 50;
    private static final YAMLFactory FACTORY;
    private static final YAMLMapper WRITER;

    static {
        LoaderOptions loader = new LoaderOptions();
        loader.setMaxAliasesForCollections(20);
        loader.setNestingDepthLimit(MAX_NESTING);
        loader.setAllowDuplicateKeys(true); // reported by the tree builder, at the duplicate
        FACTORY = YAMLFactory.builder()
                .loaderOptions(loader)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build())
                .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
                .build();
        // strings stay quoted, so a value keeps the type it had in the test file
        WRITER = YAMLMapper.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).build();
    }

    /** The position of {@code path}'s key, else of its value, else of its closest parent; null if none. */
    SourcePosition at(String path) {
        String p = path;
        while (p != null && !p.isEmpty()) {
            SourcePosition pos = keys.containsKey(p) ? keys.get(p) : values.get(p);
            if (pos != null) {
                return pos;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut > 0 ? p.substring(0, cut) : null;
        }
        return values.get("");
    }

    /**
     * The path whose key or value stands at {@code line}:{@code column}, else the last one that
     * starts before it (a problem inside a value); null when nothing does.
     */
    String pathAt(int line, int column) {
        String best = null;
        SourcePosition bestAt = null;
        for (Map<String, SourcePosition> positions : List.of(keys, values)) {
            for (Map.Entry<String, SourcePosition> e : positions.entrySet()) {
                SourcePosition p = e.getValue();
                boolean before = p.line() < line || p.line() == line && p.column() <= column;
                if (before && (bestAt == null || p.line() > bestAt.line()
                        || p.line() == bestAt.line() && p.column() > bestAt.column()
                        || p.equals(bestAt) && e.getKey().length() > best.length())) {
                    best = e.getKey();
                    bestAt = p;
                }
            }
        }
        return best;
    }

    /** The position of {@code path}'s value, else of its key. */
    SourcePosition valueAt(String path) {
        SourcePosition pos = values.get(path);
        return pos != null ? pos : at(path);
    }

    /**
     * Parses a YAML document.
     *
     * @param file     the file's name for diagnostics
     * @param problems collects every problem; on a syntax error the tree is null
     */
    static YamlTree parse(String file, byte[] content, List<Diagnostic> problems) {
        Map<String, SourcePosition> keys = new HashMap<>();
        Map<String, SourcePosition> values = new HashMap<>();
        try (JsonParser parser = FACTORY.createParser(content)) {
            Builder builder = new Builder(file, (YAMLParser) parser, keys, values, problems);
            JsonToken first = parser.nextToken();
            JsonNode root = first == null ? null : builder.value("");
            if (root != null && parser.nextToken() != null) {
                problems.add(diagnostic(file, builder.here(), "more than one YAML document; a test file holds one"));
            }
            return new YamlTree(root, keys, values);
        } catch (StreamReadException e) {
            problems.add(syntaxError(file, e));
        } catch (IOException e) {
            problems.add(new Diagnostic(file, 0, 0, "cannot read: " + e.getMessage()));
        } catch (RuntimeException e) { // SnakeYAML's own limits
            problems.add(new Diagnostic(file, 0, 0, "invalid YAML: " + firstLine(e.getMessage())));
        }
        return null;
    }

    /** Writes a tree as YAML, strings quoted so each value keeps its type. */
    static byte[] write(JsonNode tree) {
        try {
            return WRITER.writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a tree as a YAML string. */
    static String writeString(JsonNode tree) {
        return new String(write(tree), StandardCharsets.UTF_8);
    }

    /**
     * {@code patch} merged over {@code base}, neither modified: mappings merge key by key, a key set
     * to null is removed (the fact becomes unknown), and anything else (lists included) replaces.
     */
    static ObjectNode merge(ObjectNode base, ObjectNode patch) {
        ObjectNode out = base.deepCopy();
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode value = e.getValue();
            JsonNode existing = out.get(e.getKey());
            if (value == null || value.isNull()) {
                out.remove(e.getKey());
            } else if (value.isObject() && existing != null && existing.isObject()) {
                out.set(e.getKey(), merge((ObjectNode) existing, (ObjectNode) value));
            } else {
                out.set(e.getKey(), value.deepCopy());
            }
        }
        return out;
    }

    static Diagnostic diagnostic(String file, SourcePosition at, String message) {
        return at == null ? new Diagnostic(file, 0, 0, message) : new Diagnostic(file, at.line(), at.column(), message);
    }

    private static Diagnostic syntaxError(String file, StreamReadException e) {
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            Mark mark = marked.getProblemMark();
            return new Diagnostic(file, mark.getLine() + 1, mark.getColumn() + 1,
                    "invalid YAML: " + firstLine(marked.getProblem()) + "; check the quoting and indentation near here");
        }
        JsonLocation location = e.getLocation();
        if (location != null && location.getLineNr() > 0) {
            return new Diagnostic(file, location.getLineNr(), Math.max(location.getColumnNr(), 1),
                    "invalid YAML: " + firstLine(e.getOriginalMessage()));
        }
        return new Diagnostic(file, 0, 0, "invalid YAML: " + firstLine(e.getOriginalMessage()));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable input";
        }
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).trim();
    }

    /** Builds the tree from the parser's tokens, recording positions. */
    private static final class Builder {
        private final String file;
        private final YAMLParser parser;
        private final Map<String, SourcePosition> keys;
        private final Map<String, SourcePosition> values;
        private final List<Diagnostic> problems;
        private final JsonNodeFactory nodes = JsonNodeFactory.instance;

        Builder(String file, YAMLParser parser, Map<String, SourcePosition> keys, Map<String, SourcePosition> values,
                List<Diagnostic> problems) {
            this.file = file;
            this.parser = parser;
            this.keys = keys;
            this.values = values;
            this.problems = problems;
        }

        SourcePosition here() {
            JsonLocation l = parser.currentTokenLocation();
            return new SourcePosition(Math.max(l.getLineNr(), 1), Math.max(l.getColumnNr(), 1));
        }

        /** The value at the current token. */
        JsonNode value(String path) throws IOException {
            values.put(path, here());
            if (parser.isCurrentAlias()) {
                problems.add(diagnostic(file, here(), "YAML aliases such as '*" + parser.getText()
                        + "' are not supported in a test file; write the values out in full"));
                return nodes.nullNode();
            }
            JsonToken token = parser.currentToken();
            switch (token) {
                case START_OBJECT:
                    return object(path);
                case START_ARRAY:
                    return array(path);
                case VALUE_STRING:
                    return nodes.textNode(parser.getText());
                case VALUE_NUMBER_INT:
                    BigInteger big = parser.getBigIntegerValue();
                    return big.bitLength() < 32 ? nodes.numberNode(big.intValue())
                            : big.bitLength() < 64 ? nodes.numberNode(big.longValue()) : nodes.numberNode(big);
                case VALUE_NUMBER_FLOAT:
                    return nodes.numberNode(parser.getDoubleValue());
                case VALUE_TRUE:
                case VALUE_FALSE:
                    // YAML 1.1 spellings such as 'yes' stay text, so the profile reader judges them as written
                    String text = parser.getText();
                    return isPlainBoolean(text) ? nodes.booleanNode(token == JsonToken.VALUE_TRUE) : nodes.textNode(text);
                case VALUE_NULL:
                    return nodes.nullNode();
                default:
                    return nodes.textNode(parser.getText());
            }
        }

        private ObjectNode object(String path) throws IOException {
            ObjectNode out = nodes.objectNode();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                String child = path.isEmpty() ? key : path + "." + key;
                SourcePosition at = here();
                if (out.has(key)) {
                    SourcePosition first = keys.get(child);
                    problems.add(diagnostic(file, at, "duplicate key '" + key + "'"
                            + (first == null ? "" : "; it is already set at line " + first.line())
                            + "; keep one of them"));
                } else {
                    keys.put(child, at);
                }
                parser.nextToken();
                JsonNode value = value(child);
                if (!out.has(key)) {
                    out.set(key, value);
                }
            }
            return out;
        }

        private ArrayNode array(String path) throws IOException {
            ArrayNode out = nodes.arrayNode();
            int index = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                out.add(value(path + "[" + index++ + "]"));
            }
            return out;
        }

        private static boolean isPlainBoolean(String text) {
            return switch (text) {
                case "true", "True", "TRUE", "false", "False", "FALSE" -> true;
                default -> false;
            };
        }
    }
}
