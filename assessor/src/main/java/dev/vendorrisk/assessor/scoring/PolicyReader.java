package dev.vendorrisk.assessor.scoring;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.vendorrisk.assessor.Diagnostic;
import dev.vendorrisk.assessor.RuleBaseException;
import dev.vendorrisk.assessor.profile.ProfileReader;
import dev.vendorrisk.assessor.profile.ServiceKind;
import dev.vendorrisk.assessor.profile.Suggestions;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads scoring files strictly. {@link #read(String, String, List)} checks a file against the
 * {@link Policy} record's shape and reports every unknown key, wrong type and misplaced value at
 * its line and column in one pass; {@link #check} reports what a merged policy still lacks.
 */
public final class PolicyReader {
    /** The largest scoring file read: the profile reader's limit (a scoring file is a few KiB). */
    public static final int MAX_BYTES = ProfileReader.DEFAULT_MAX_BYTES;

    /** The profile reader's YAML limits: size, nesting, aliases. */
    private static final ObjectMapper YAML = new ObjectMapper(ProfileReader.yamlFactory(MAX_BYTES))
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    /** Keys allowed inside the maps whose keys are fixed by the scoring model. */
    private static final Map<String, List<String>> FIXED_KEYS = Map.of(
            "tierFactors", List.of("low", "medium", "high", "critical"),
            "tierFromMtdHours", List.of("critical", "high", "medium"),
            "ratingBands", List.of("low", "medium", "high"),
            "criticalTriggers", List.of("high", "critical"));

    /** The texts by kind of service: their keys below a recommendation key are the profile's service kinds. */
    private static final String BY_KIND = "recommendationsByKind";
    private static final List<String> KINDS = java.util.Arrays.stream(ServiceKind.values()).map(ServiceKind::wire).toList();

    private PolicyReader() {
    }

    /**
     * One scoring file as read: the values that were valid, and where each key stands.
     *
     * @param policy    the file's values (a partial policy: an overlay sets only some); invalid values are left out
     * @param positions {@code line, column} of every key by dotted path, e.g. {@code limits.availability.high}
     */
    public record Parsed(Policy policy, Map<String, int[]> positions) {
        /** The diagnostic position of {@code path}, or of its closest parent; line 0 when unknown. */
        public Diagnostic at(String file, String path, String message) {
            String p = path;
            while (!p.isEmpty()) {
                int[] at = positions.get(p);
                if (at != null) {
                    return new Diagnostic(file, at[0], at[1], message);
                }
                int cut = p.lastIndexOf('.');
                p = cut > 0 ? p.substring(0, cut) : "";
            }
            return new Diagnostic(file, 0, 0, message);
        }
    }

    /** Parses one scoring file; throws on the first problem. Prefer {@link #read(String, String, List)}. */
    public static Policy read(String file, String content) {
        List<Diagnostic> problems = new ArrayList<>();
        Parsed parsed = read(file, content, problems);
        if (!problems.isEmpty()) {
            throw new RuleBaseException(problems);
        }
        return parsed.policy();
    }

    /**
     * Parses one scoring file, adding a diagnostic per problem to {@code problems} (unknown keys
     * with the closest valid key, wrong types with what was expected); never throws for bad content.
     */
    public static Parsed read(String file, String content, List<Diagnostic> problems) {
        Map<String, int[]> positions = new HashMap<>();
        Parsed empty = new Parsed(new Policy(null, null, null, null, null, null, null, null, null, null, null, null, null),
                positions);
        if (content.isBlank()) {
            return empty;
        }
        if (content.length() > MAX_BYTES) {
            problems.add(new Diagnostic(file, 0, 0, "file is " + content.length() + " characters, larger than the "
                    + (MAX_BYTES >> 20) + " MiB limit; a scoring file is a few KiB, so check that this is the right file"));
            return empty;
        }
        JsonNode root;
        try {
            int before = problems.size();
            positions(file, content, positions, problems);
            if (problems.size() > before) {
                return empty; // a duplicate key or an alias: which value was meant is not known
            }
            root = YAML.readTree(content);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            problems.add(new Diagnostic(file, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                    "invalid YAML: " + e.getOriginalMessage().split("\\R")[0]));
            return empty;
        } catch (IOException e) {
            problems.add(new Diagnostic(file, 0, 0, "cannot read: " + e.getMessage()));
            return empty;
        } catch (org.yaml.snakeyaml.error.YAMLException e) { // SnakeYAML's own limits
            problems.add(new Diagnostic(file, 0, 0, "invalid YAML: " + String.valueOf(e.getMessage()).split("\\R")[0]));
            return empty;
        }
        Parsed parsed = new Parsed(empty.policy(), positions);
        if (root == null || root.isNull() || root.isMissingNode()) {
            return empty;
        }
        if (!root.isObject()) {
            problems.add(parsed.at(file, "", "a scoring file is a mapping of keys such as 'tierFactors' and 'limits'"));
            return empty;
        }
        ObjectNode clean = ((ObjectNode) root).deepCopy();
        List<String> known = new ArrayList<>();
        Map<String, Type> types = new HashMap<>();
        for (RecordComponent c : Policy.class.getRecordComponents()) {
            known.add(c.getName());
            types.put(c.getName(), c.getGenericType());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            Type type = types.get(key);
            if (type == null) {
                String near = Suggestions.closest(key, known);
                problems.add(parsed.at(file, key, "unknown key '" + key + "'" + (near != null
                        ? "; did you mean '" + near + "'?" : "; valid keys: " + String.join(", ", known))));
                clean.remove(key);
            } else if (e.getValue().isNull()) {
                problems.add(parsed.at(file, key, "'" + key + "' has no value; give one, or remove the key"));
                clean.remove(key);
            } else if (!fits(file, key, e.getValue(), type, parsed, problems)) {
                clean.remove(key);
            }
        }
        try {
            return new Parsed(YAML.treeToValue(clean, Policy.class), positions);
        } catch (JsonProcessingException e) { // not expected after the checks above
            problems.add(parsed.at(file, "", e.getOriginalMessage().split("\\R")[0]));
            return parsed;
        }
    }

    /** Checks {@code node} at {@code path} against {@code type}; reports and returns false when it does not fit. */
    private static boolean fits(String file, String path, JsonNode node, Type type, Parsed parsed, List<Diagnostic> problems) {
        if (type == Integer.class) {
            return expect(node.isIntegralNumber(), file, path, node, "a whole number", parsed, problems);
        }
        if (type == Double.class) {
            return expect(node.isNumber(), file, path, node, "a number", parsed, problems);
        }
        if (type == String.class) {
            return expect(node.isTextual(), file, path, node, "text", parsed, problems);
        }
        if (type == Object.class) { // a limit: a number, or a mapping of limits
            if (node.isObject()) {
                return fitsMap(file, path, node, Object.class, parsed, problems);
            }
            return expect(node.isNumber(), file, path, node, "a number or a mapping of numbers", parsed, problems);
        }
        if (type instanceof ParameterizedType p && p.getRawType() == Map.class) {
            if (!expect(node.isObject(), file, path, node, "a mapping", parsed, problems)) {
                return false;
            }
            return fitsMap(file, path, node, p.getActualTypeArguments()[1], parsed, problems);
        }
        throw new IllegalStateException("unsupported scoring type " + type);
    }

    private static boolean fitsMap(String file, String path, JsonNode node, Type valueType, Parsed parsed,
                                   List<Diagnostic> problems) {
        boolean ok = true;
        List<String> fixed = path.startsWith(BY_KIND + ".") ? KINDS : FIXED_KEYS.get(path);
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String child = path + "." + e.getKey();
            if (fixed != null && !fixed.contains(e.getKey())) {
                String near = Suggestions.closest(e.getKey(), fixed);
                problems.add(parsed.at(file, child, "unknown key '" + e.getKey() + "' in '" + path + "'"
                        + (near != null ? "; did you mean '" + near + "'?" : "; valid keys: " + String.join(", ", fixed))));
                ok = false;
            } else if (e.getValue().isNull()) {
                problems.add(parsed.at(file, child, "'" + child + "' has no value; give one, or remove the key"));
                ok = false;
            } else if (!fits(file, child, e.getValue(), valueType, parsed, problems)) {
                ok = false;
            }
        }
        return ok;
    }

    private static boolean expect(boolean ok, String file, String path, JsonNode node, String expected, Parsed parsed,
                                  List<Diagnostic> problems) {
        if (!ok) {
            String found = node.isContainerNode() ? (node.isArray() ? "a list" : "a mapping") : "'" + node.asText() + "'";
            problems.add(parsed.at(file, path, "'" + path + "' must be " + expected + ", not " + found));
        }
        return ok;
    }

    /**
     * Records where each key stands, by dotted path, and reports every duplicate key (a second
     * {@code limits:} would otherwise silently win) and every alias (never expanded).
     */
    private static void positions(String file, String content, Map<String, int[]> out, List<Diagnostic> problems)
            throws IOException {
        try (JsonParser parser = YAML.getFactory().createParser(content)) {
            Deque<String> path = new ArrayDeque<>();
            Deque<Boolean> inObject = new ArrayDeque<>();
            Deque<Map<String, Integer>> keysOfObject = new ArrayDeque<>();
            String pending = null;
            for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
                if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
                    JsonLocation at = parser.currentTokenLocation();
                    problems.add(new Diagnostic(file, at.getLineNr(), at.getColumnNr(), "YAML aliases such as '*"
                            + parser.getText() + "' are not supported in a scoring file; write the value out in full"));
                }
                switch (t) {
                    case FIELD_NAME -> {
                        pending = parser.currentName();
                        String full = path.isEmpty() ? pending : String.join(".", reversed(path)) + "." + pending;
                        JsonLocation at = parser.currentTokenLocation();
                        Map<String, Integer> siblings = keysOfObject.peek();
                        Integer first = siblings == null ? null : siblings.putIfAbsent(pending, at.getLineNr());
                        if (first != null) {
                            problems.add(new Diagnostic(file, at.getLineNr(), at.getColumnNr(), "duplicate key '"
                                    + pending + "'; it is already set at line " + first + "; keep one of them"));
                        } else {
                            out.put(full, new int[] {at.getLineNr(), at.getColumnNr()});
                        }
                    }
                    case START_OBJECT, START_ARRAY -> {
                        if (pending != null) {
                            path.push(pending);
                            inObject.push(true);
                        } else {
                            inObject.push(false);
                        }
                        if (t == JsonToken.START_OBJECT) {
                            keysOfObject.push(new HashMap<>());
                        }
                        pending = null;
                    }
                    case END_OBJECT, END_ARRAY -> {
                        if (t == JsonToken.END_OBJECT) {
                            keysOfObject.pop();
                        }
                        if (!inObject.isEmpty() && inObject.pop()) {
                            path.pop();
                        }
                    }
                    default -> pending = null;
                }
            }
        }
    }

    private static List<String> reversed(Deque<String> path) {
        List<String> out = new ArrayList<>(path);
        java.util.Collections.reverse(out);
        return out;
    }

    /** Checks that a merged policy has every value the model needs; throws with every gap. */
    public static void check(String file, Policy policy) {
        List<Diagnostic> problems = new ArrayList<>();
        check(file, policy, new Parsed(policy, Map.of()), problems);
        if (!problems.isEmpty()) {
            throw new RuleBaseException(problems);
        }
    }

    /** Adds a diagnostic per value the merged policy lacks or has out of range, placed in {@code last}'s file. */
    public static void check(String file, Policy policy, Parsed last, List<Diagnostic> problems) {
        for (String problem : policy.problems()) {
            String path = problem.split("[ ]", 2)[0];
            problems.add(last.at(file, path, problem));
        }
    }
}
