package dev.vendorrisk.assessor.testing;

import dev.vendorrisk.assessor.profile.Suggestions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vendorrisk.assessor.Diagnostic;
import dev.vendorrisk.assessor.InvalidProfileException;
import dev.vendorrisk.assessor.Rating;
import dev.vendorrisk.assessor.profile.ProfileReader;
import dev.vendorrisk.assessor.profile.ServiceKind;
import dev.vendorrisk.assessor.profile.SourcePosition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads rule test files strictly: every problem is reported at its {@code file:line:column}, and a
 * file with problems yields no cases. One instance per load; it caches the baselines it reads.
 */
final class TestFileReader {
    static final List<String> FILE_KEYS = List.of("baseline", "cases");
    static final List<String> CASE_KEYS = List.of("name", "today", "given", "profile", "expect");
    static final List<String> EXPECT_KEYS = List.of("fires", "doesNotFire", "rating", "score", "gaps", "noGaps",
            "recommendationTexts");
    /** What {@code recommendationTexts} may name: the general text, or a service kind's own. */
    static final String GENERAL_TEXT = "general";
    static final List<String> SCORE_KEYS = List.of("min", "max");

    private final ProfileReader profileReader = new ProfileReader();
    private final Map<Path, ObjectNode> baselines;
    private final List<Diagnostic> problems;
    private final Set<String> suggested = new java.util.HashSet<>();

    private final List<LocatedRef> refs = new ArrayList<>();

    TestFileReader(List<Diagnostic> problems) {
        this(problems, new HashMap<>());
    }

    /**
     * A reader that adds its problems to {@code problems} and shares the baselines read so far with other
     * readers of the same load ({@code baselines}: a baseline is read, and its problems reported, once).
     */
    TestFileReader(List<Diagnostic> problems, Map<Path, ObjectNode> baselines) {
        this.problems = problems;
        this.baselines = baselines;
    }

    /** A rule id a test file names, where it names it. */
    record LocatedRef(String file, RuleRef ref) {
    }

    /**
     * Every well-formed rule id the files read so far name, those of broken cases included, so the
     * ids can be checked against the rule base in the same pass as the rest.
     */
    List<LocatedRef> refs() {
        return refs;
    }

    /** A parsed file: its name, its tree, and the baseline it names (resolved), if any. */
    record Parsed(Path path, String file, YamlTree tree, Path baseline) {
    }

    /** Parses a file's YAML; null on a syntax error (reported). */
    Parsed parse(Path path) {
        byte[] content;
        try {
            content = Files.readAllBytes(path);
        } catch (IOException e) {
            problems.add(new Diagnostic(path.toString(), 0, 0, "cannot read: " + e.getMessage()));
            return null;
        }
        return parse(path, content);
    }

    /** Parses a file's YAML, already read; null on a syntax error (reported). */
    Parsed parse(Path path, byte[] content) {
        String file = path.toString();
        YamlTree tree = YamlTree.parse(file, content, problems);
        if (tree == null) {
            return null;
        }
        Path baseline = null;
        if (tree.root() != null && tree.root().isObject() && tree.root().get("baseline") != null
                && tree.root().get("baseline").isTextual()) {
            baseline = path.toAbsolutePath().getParent().resolve(tree.root().get("baseline").asText()).normalize();
        }
        return new Parsed(path, file, tree, baseline);
    }

    /** The cases of a parsed test file; problems are reported and the bad parts skipped. */
    List<RuleTestCase> cases(Parsed parsed) {
        String file = parsed.file();
        YamlTree tree = parsed.tree();
        JsonNode root = tree.root();
        if (root == null) {
            problems.add(new Diagnostic(file, 0, 0, "the file is empty; a test file has 'cases:' (and usually 'baseline:')"));
            return List.of();
        }
        if (!root.isObject()) {
            report(tree, file, "", "a test file is a mapping with 'baseline' and 'cases', not " + describe(root));
            return List.of();
        }
        if (root.has("schemaVersion") && !root.has("cases")) {
            report(tree, file, "schemaVersion", "this looks like a vendor profile, not a test file; name it as the"
                    + " 'baseline' of a test file (baseline: " + parsed.path().getFileName() + ")");
            return List.of();
        }
        unknownKeys(tree, file, "", root, FILE_KEYS, "a test file");
        ObjectNode baseline = null;
        boolean baselineNamed = false;
        JsonNode baselineNode = root.get("baseline");
        if (baselineNode != null) {
            baselineNamed = true;
            if (!baselineNode.isTextual() || baselineNode.asText().isBlank()) {
                reportValue(tree, file, "baseline", "'baseline' must be the path of a profile file, relative to this"
                        + " file, e.g. 'baseline: baseline.yaml'");
            } else {
                baseline = baseline(parsed, tree);
            }
        }
        JsonNode cases = root.get("cases");
        if (cases == null && misspelt("", "cases")) {
            return List.of();
        }
        if (cases == null || cases.isNull() || cases.isArray() && cases.isEmpty()) {
            report(tree, file, cases == null ? "" : "cases", "a test file needs at least one case under 'cases'");
            return List.of();
        }
        if (!cases.isArray()) {
            reportValue(tree, file, "cases", "'cases' must be a list of cases ('- name: ...'), not " + describe(cases));
            return List.of();
        }
        List<RuleTestCase> out = new ArrayList<>();
        Map<String, Integer> names = new HashMap<>();
        for (int i = 0; i < cases.size(); i++) {
            RuleTestCase c = testCase(tree, file, "cases[" + i + "]", cases.get(i), baseline, baselineNamed, names);
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    private ObjectNode baseline(Parsed parsed, YamlTree tree) {
        Path path = parsed.baseline();
        String shown = parsed.path().resolveSibling(tree.root().get("baseline").asText()).normalize().toString();
        if (baselines.containsKey(path)) {
            return baselines.get(path);
        }
        ObjectNode node = null;
        if (!Files.isRegularFile(path)) {
            reportValue(tree, parsed.file(), "baseline", "baseline '" + tree.root().get("baseline").asText()
                    + "' not found (looked for " + shown + "); give a profile file's path relative to this file");
        } else {
            try {
                byte[] content = Files.readAllBytes(path);
                profileReader.read(shown, content); // the reader's checks, at the baseline's own lines
                YamlTree baseline = YamlTree.parse(shown, content, problems);
                if (baseline != null && baseline.root() instanceof ObjectNode object) {
                    node = object;
                }
            } catch (InvalidProfileException e) {
                problems.addAll(e.diagnostics());
            } catch (IOException e) {
                problems.add(new Diagnostic(shown, 0, 0, "cannot read: " + e.getMessage()));
            }
        }
        baselines.put(path, node);
        return node;
    }

    private RuleTestCase testCase(YamlTree tree, String file, String path, JsonNode node, ObjectNode baseline,
                                  boolean baselineNamed, Map<String, Integer> names) {
        if (!node.isObject()) {
            reportValue(tree, file, path, "a case is a mapping with 'name', 'given' (or 'profile') and 'expect', not "
                    + describe(node));
            return null;
        }
        int before = problems.size();
        unknownKeys(tree, file, path, node, CASE_KEYS, "a case");
        SourcePosition start = tree.valueAt(path);
        int line = start == null ? 0 : start.line();
        JsonNode nameNode = node.get("name");
        String name = null;
        if (nameNode == null && misspelt(path, "name")) {
            // the misspelt key is reported
        } else if (nameNode == null || nameNode.isNull()) {
            report(tree, file, path, "case has no 'name'; say in a few words what it shows");
        } else if (!nameNode.isTextual() || nameNode.asText().isBlank()) {
            reportValue(tree, file, path + ".name", "'name' must be text saying what the case shows");
        } else {
            name = nameNode.asText().trim();
            Integer earlier = names.putIfAbsent(name, line);
            if (earlier != null) {
                reportValue(tree, file, path + ".name", "case name '" + name + "' is already used at line " + earlier
                        + "; give each case its own name");
            }
        }
        String label = name == null ? "case" : "case '" + name + "'";
        JsonNode given = node.get("given");
        JsonNode inline = node.get("profile");
        ObjectNode profile = null;
        if (given != null && inline != null) {
            report(tree, file, path + ".profile", label + " has both 'given' and 'profile'; use 'given' to patch the"
                    + " baseline, or 'profile' for a whole profile");
        } else if (inline != null) {
            if (inline.isObject()) {
                profile = (ObjectNode) inline;
            } else {
                reportValue(tree, file, path + ".profile", "'profile' must be a whole vendor profile (a mapping), not "
                        + describe(inline));
            }
        } else {
            if (given != null && !given.isObject() && !given.isNull()) {
                reportValue(tree, file, path + ".given", "'given' must be a mapping of profile keys to patch over the"
                        + " baseline, not " + describe(given));
            } else if (!baselineNamed) {
                report(tree, file, given != null ? path + ".given" : path, label + " has "
                        + (given != null ? "'given' but the file names no 'baseline' to patch" : "no profile")
                        + "; add 'baseline: <profile file>' at the top of the file, or give the case a whole 'profile'");
            } else if (baseline != null) {
                profile = given == null || given.isNull() ? baseline : YamlTree.merge(baseline, (ObjectNode) given);
            }
        }
        if (profile != null && !checkProfile(tree, file, inline != null ? path + ".profile" : path + ".given",
                profile, label)) {
            profile = null;
        }
        java.time.LocalDate today = null;
        JsonNode todayNode = node.get("today");
        if (todayNode != null && !todayNode.isNull()) {
            try {
                today = java.time.LocalDate.parse(todayNode.asText().trim());
            } catch (java.time.format.DateTimeParseException e) {
                reportValue(tree, file, path + ".today", "'today' must be the run date as YYYY-MM-DD, e.g."
                        + " 'today: 2018-08-20', not " + quoted(todayNode));
            }
        }
        Expectation expect = expectation(tree, file, path, node.get("expect"), label);
        if (problems.size() > before || name == null || profile == null || expect == null) {
            return null;
        }
        return new RuleTestCase(file, line, name, YamlTree.writeString(profile), expect, today);
    }

    /**
     * Reads the case's profile as {@code vra assess} would, now rather than when the case runs, and
     * reports each problem at the line of the test file that causes it: the key under
     * {@code given} or {@code profile}, else the {@code given}/{@code profile} key itself.
     *
     * @return true when the profile is valid
     */
    private boolean checkProfile(YamlTree tree, String file, String at, ObjectNode profile, String label) {
        byte[] written = YamlTree.write(profile);
        try {
            profileReader.read(file, written);
            return true;
        } catch (InvalidProfileException e) {
            YamlTree merged = YamlTree.parse(file, written, new ArrayList<>());
            for (Diagnostic d : e.diagnostics()) {
                String path = merged == null ? null : merged.pathAt(d.line(), d.column());
                SourcePosition where = null;
                if (path != null) {
                    String inFile = path.isEmpty() ? at : at + "." + path;
                    where = tree.keys().get(inFile) != null ? tree.keys().get(inFile) : tree.values().get(inFile);
                }
                problems.add(YamlTree.diagnostic(file, where != null ? where : tree.at(at), label + ": "
                        + d.message()));
            }
            return false;
        }
    }

    private Expectation expectation(YamlTree tree, String file, String casePath, JsonNode node, String label) {
        String path = casePath + ".expect";
        if (node == null && misspelt(casePath, "expect")) {
            return null; // the misspelt key is reported
        }
        if (node == null || node.isNull()) {
            report(tree, file, node == null ? casePath : path, label + " has no 'expect'; add what must hold, e.g."
                    + " 'expect: {fires: [STAFF-001]}'");
            return null;
        }
        if (!node.isObject()) {
            reportValue(tree, file, path, "'expect' must be a mapping of " + String.join(", ", EXPECT_KEYS)
                    + ", not " + describe(node));
            return null;
        }
        int before = problems.size();
        unknownKeys(tree, file, path, node, EXPECT_KEYS, "'expect'");
        List<RuleRef> fires = ruleRefs(tree, file, path + ".fires", node.get("fires"));
        List<RuleRef> doesNotFire = ruleRefs(tree, file, path + ".doesNotFire", node.get("doesNotFire"));
        for (RuleRef ref : fires) {
            for (RuleRef other : doesNotFire) {
                if (ref.matches(other.key()) || other.matches(ref.key())) {
                    problems.add(new Diagnostic(file, other.line(), other.column(), "'" + other.key()
                            + "' is expected both to fire (line " + ref.line() + ") and not to fire; keep one"));
                }
            }
        }
        Rating rating = null;
        JsonNode ratingNode = node.get("rating");
        if (ratingNode != null) {
            rating = ratingNode.isTextual() ? Rating.parse(ratingNode.asText()) : null;
            if (rating == null) {
                reportValue(tree, file, path + ".rating", "unknown rating " + quoted(ratingNode) + "; use one of "
                        + String.join(", ", Arrays.stream(Rating.values()).map(Enum::name).toList()));
            }
        }
        ScoreRange score = score(tree, file, path + ".score", node.get("score"));
        List<String> gaps = paths(tree, file, path + ".gaps", node.get("gaps"));
        List<String> noGaps = paths(tree, file, path + ".noGaps", node.get("noGaps"));
        for (String gap : gaps) {
            if (noGaps.contains(gap)) {
                reportValue(tree, file, path + ".noGaps", "'" + gap + "' is listed under both 'gaps' and 'noGaps'; keep one");
            }
        }
        Map<String, String> texts = recommendationTexts(tree, file, path + ".recommendationTexts",
                node.get("recommendationTexts"));
        if (problems.size() > before) {
            return null;
        }
        Expectation expect = new Expectation(fires, doesNotFire, rating, score, gaps, noGaps, texts);
        if (expect.isEmpty()) {
            report(tree, file, path, label + " expects nothing; add at least one of " + String.join(", ", EXPECT_KEYS));
            return null;
        }
        return expect;
    }

    private List<RuleRef> ruleRefs(YamlTree tree, String file, String path, JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            reportValue(tree, file, path, "'" + leaf(path) + "' must be a list of rule ids, e.g. [STAFF-001, CORP-005/weak], not "
                    + describe(node));
            return List.of();
        }
        List<RuleRef> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String itemPath = path + "[" + i + "]";
            JsonNode item = node.get(i);
            SourcePosition at = tree.valueAt(itemPath);
            RuleRef ref = item.isTextual() ? RuleRef.parse(item.asText().trim(), at == null ? 0 : at.line(),
                    at == null ? 0 : at.column()) : null;
            if (ref == null) {
                String hint = item.isTextual() ? suggestId(item.asText()) : null;
                reportValue(tree, file, itemPath, "invalid rule id " + quoted(item) + "; rule ids look like 'STAFF-001',"
                        + " or 'CORP-005/weak' for one variant" + (hint == null ? "" : "; did you mean '" + hint + "'?"));
            } else if (!seen.add(ref.key())) {
                reportValue(tree, file, itemPath, "'" + ref.key() + "' is listed twice; list it once");
            } else {
                out.add(ref);
                refs.add(new LocatedRef(file, ref));
            }
        }
        return out;
    }

    /** {@code recommendationTexts: {fallback: telephony, sla: general}}: which text each recommendation carries. */
    private Map<String, String> recommendationTexts(YamlTree tree, String file, String path, JsonNode node) {
        if (node == null || node.isNull()) {
            return Map.of();
        }
        List<String> allowed = new ArrayList<>();
        allowed.add(GENERAL_TEXT);
        Arrays.stream(ServiceKind.values()).map(ServiceKind::wire).forEach(allowed::add);
        if (!node.isObject()) {
            reportValue(tree, file, path, "'recommendationTexts' must map recommendation keys to " + String.join(", ", allowed)
                    + ", e.g. {fallback: telephony}, not " + describe(node));
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode value = e.getValue();
            String text = value.isTextual() ? value.asText().trim() : null;
            if (text == null) {
                reportValue(tree, file, path + "." + e.getKey(), "the text variant of recommendation '" + e.getKey()
                        + "' must be one of " + String.join(", ", allowed) + ", not " + describe(value));
            } else if (!allowed.contains(text)) {
                String near = closest(text, allowed);
                reportValue(tree, file, path + "." + e.getKey(), "unknown text variant " + quoted(value)
                        + " of recommendation '" + e.getKey() + "'; use one of " + String.join(", ", allowed)
                        + (near == null ? "" : "; did you mean '" + near + "'?"));
            } else {
                out.put(e.getKey(), text);
            }
        }
        return out;
    }

    private List<String> paths(YamlTree tree, String file, String path, JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            reportValue(tree, file, path, "'" + leaf(path) + "' must be a list of fact paths, e.g. [company.staffCount], not "
                    + describe(node));
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (!item.isTextual() || item.asText().isBlank()) {
                reportValue(tree, file, path + "[" + i + "]", "a gap is a fact path such as 'company.staffCount', not "
                        + describe(item));
            } else if (out.contains(item.asText().trim())) {
                reportValue(tree, file, path + "[" + i + "]", "'" + item.asText().trim() + "' is listed twice; list it once");
            } else {
                out.add(item.asText().trim());
            }
        }
        return out;
    }

    private ScoreRange score(YamlTree tree, String file, String path, JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            reportValue(tree, file, path, "'score' must be a range such as {min: 40, max: 100}, not " + describe(node));
            return null;
        }
        int before = problems.size();
        unknownKeys(tree, file, path, node, SCORE_KEYS, "'score'");
        Double min = bound(tree, file, path + ".min", node.get("min"));
        Double max = bound(tree, file, path + ".max", node.get("max"));
        if (problems.size() > before) {
            return null;
        }
        if (min == null && max == null) {
            report(tree, file, path, "'score' needs a 'min', a 'max' or both");
            return null;
        }
        if (min != null && max != null && min > max) {
            reportValue(tree, file, path + ".min", "score min " + ScoreRange.number(min) + " is above max "
                    + ScoreRange.number(max));
            return null;
        }
        return new ScoreRange(min, max);
    }

    private Double bound(YamlTree tree, String file, String path, JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber() || node.asDouble() < 0 || node.asDouble() > 100) {
            reportValue(tree, file, path, "'" + leaf(path) + "' must be a score from 0 to 100, not " + quoted(node));
            return null;
        }
        return node.asDouble();
    }

    private void unknownKeys(YamlTree tree, String file, String path, JsonNode node, List<String> allowed, String what) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                String near = closest(key, allowed);
                String child = path.isEmpty() ? key : path + "." + key;
                problems.add(YamlTree.diagnostic(file, tree.at(child), "unknown key '" + key + "' in " + what + "; "
                        + (near != null ? "did you mean '" + near + "'? (keys: " + String.join(", ", allowed) + ")"
                        : "use one of: " + String.join(", ", allowed))));
                if (near != null) {
                    suggested.add(path + "\u0000" + near);
                }
            }
        }
    }

    /** True when an unknown key at {@code path} was taken for a misspelling of {@code key}, already reported. */
    private boolean misspelt(String path, String key) {
        return suggested.contains(path + "\u0000" + key);
    }

    private void report(YamlTree tree, String file, String path, String message) {
        problems.add(YamlTree.diagnostic(file, tree.at(path), message));
    }

    private void reportValue(YamlTree tree, String file, String path, String message) {
        problems.add(YamlTree.diagnostic(file, tree.valueAt(path), message));
    }

    private static String leaf(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    private static String describe(JsonNode node) {
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isNull()) {
            return "nothing";
        }
        return quoted(node);
    }

    private static String quoted(JsonNode node) {
        return node.isValueNode() ? "'" + node.asText() + "'" : describe(node);
    }

    /** 'staff-001' -> 'STAFF-001', 'STAFF-1' -> 'STAFF-001': the likely id behind a malformed one. */
    private static String suggestId(String text) {
        String upper = text.trim().toUpperCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([A-Z]+)-?([0-9]{1,3})(/.*)?").matcher(upper);
        if (!m.matches()) {
            return null;
        }
        String variant = m.group(3) == null ? "" : m.group(3).toLowerCase(Locale.ROOT);
        String id = m.group(1) + "-" + "0".repeat(3 - m.group(2).length()) + m.group(2) + variant;
        return RuleRef.parse(id, 0, 0) != null ? id : null;
    }

    /** The candidate a misspelt word most likely meant; null if none is close. */
    static String closest(String word, List<String> candidates) {
        return Suggestions.closest(word, candidates);
    }
}
