package dev.vendorrisk.assessor.profile;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.vendorrisk.assessor.profile.ProfileSchema.EnumKind;
import dev.vendorrisk.assessor.profile.ProfileSchema.Field;
import dev.vendorrisk.assessor.profile.ProfileSchema.FormerParentKind;
import dev.vendorrisk.assessor.profile.ProfileSchema.Kind;
import dev.vendorrisk.assessor.profile.ProfileSchema.ListKind;
import dev.vendorrisk.assessor.profile.ProfileSchema.RecordType;
import dev.vendorrisk.assessor.profile.ProfileSchema.Scalar;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Binds one profile in a single pass over the parser's tokens, recording the position of every
 * value and reporting every unknown key, duplicate key, wrong type and bad value it meets instead
 * of stopping at the first. A value with a problem is bound as null (unknown), so reading goes on;
 * the caller throws when any problem was found. One instance per file.
 *
 * <p>Only syntax errors stop it: they surface as the parser's {@link StreamReadException}.
 */
final class ProfileBinder {
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern NUMBER_TEXT = Pattern.compile("[-+]?(\\d[\\d_]*)?(\\.\\d+)?([eE][-+]?\\d+)?");

    private final JsonParser parser;
    private final YAMLParser yaml;
    private final Problems problems;
    private final String mapping;
    private final Map<String, SourcePosition> positions = new HashMap<>(256);
    /** Paths whose value was reported as invalid, so later checks do not report them again. */
    private final Set<String> invalid = new HashSet<>();
    private SourcePosition rootPosition;
    private boolean aliasReported;

    ProfileBinder(JsonParser parser, Problems problems) {
        this.parser = parser;
        this.yaml = parser instanceof YAMLParser y ? y : null;
        this.problems = problems;
        this.mapping = yaml != null ? "a mapping" : "an object";
    }

    Map<String, SourcePosition> positions() {
        return positions;
    }

    Set<String> invalid() {
        return invalid;
    }

    private void invalid(String path, SourcePosition at, String message) {
        invalid.add(path);
        problems.add(at, message);
    }

    /** Where the top-level mapping starts, or null when there is none. */
    SourcePosition rootPosition() {
        return rootPosition;
    }

    /** Where the parser stands: the current token, or the end of the input. */
    SourcePosition here() {
        JsonLocation location = parser.currentToken() != null ? parser.currentTokenLocation() : parser.currentLocation();
        return new SourcePosition(Math.max(location.getLineNr(), 1), Math.max(location.getColumnNr(), 1));
    }

    /** The whole file; null when it holds no profile to check further (empty, or not a mapping). */
    VendorProfile bind() throws IOException {
        JsonToken token = parser.nextToken();
        if (token == null || token == JsonToken.VALUE_NULL) {
            problems.add(null, yaml != null
                    ? "empty profile; expected a mapping with 'schemaVersion: 1'"
                    : "empty profile; expected an object with '\"schemaVersion\": 1'");
            return null;
        }
        rootPosition = here();
        if (token != JsonToken.START_OBJECT) {
            problems.add(rootPosition, "a profile must be " + mapping + " of keys such as 'schemaVersion' and 'vendor', found "
                    + describe(token) + "; see the profile format in docs/profiles.md");
            skip();
            return null;
        }
        VendorProfile profile = (VendorProfile) object(ProfileSchema.PROFILE, "", rootPosition, -1);
        if (parser.nextToken() != null) {
            problems.add(here(), yaml != null
                    ? "a second YAML document starts here; a profile file holds one document, so remove the '---' and what follows"
                    : "unexpected content after the profile's closing '}'; a profile file holds one JSON object");
        }
        return profile;
    }

    /**
     * A whole portfolio waivers file: a list of waivers. Items are bound under the paths {@code [0]},
     * {@code [0].rule}, ...; null when the file holds no list.
     */
    @SuppressWarnings("unchecked")
    List<Waiver> bindWaivers() throws IOException {
        JsonToken token = parser.nextToken();
        if (token == null || token == JsonToken.VALUE_NULL) {
            problems.add(null, "empty waivers file; expected a list of waivers, each with vendor, rule,"
                    + " justification, owner and expires");
            return null;
        }
        rootPosition = here();
        if (token != JsonToken.START_ARRAY) {
            problems.add(rootPosition, "a waivers file must be a list of waivers ('- vendor: ...'), found "
                    + describe(token) + "; see the waivers file in docs/profiles.md");
            skip();
            return null;
        }
        List<Waiver> waivers = (List<Waiver>) (List<?>) list(ProfileSchema.WAIVER_FILE, "", token, rootPosition);
        if (parser.nextToken() != null) {
            problems.add(here(), "a second YAML document starts here; a waivers file holds one list");
        }
        return waivers;
    }

    private Object value(Kind kind, String path, int index) throws IOException {
        JsonToken token = parser.currentToken();
        SourcePosition at = here();
        positions.put(path, at);
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (isAlias()) {
            alias(at);
            return null;
        }
        if (kind instanceof Scalar scalar) {
            return scalar(scalar, path, token, at);
        }
        if (kind instanceof EnumKind enumKind) {
            return enumValue(enumKind, path, token, at);
        }
        if (kind instanceof ListKind list) {
            return list(list, path, token, at);
        }
        if (kind instanceof RecordType record) {
            if (token != JsonToken.START_OBJECT) {
                return mismatch(mapping, path, token, at, "");
            }
            return object(record, path, at, index);
        }
        FormerParentKind parent = (FormerParentKind) kind;
        if (token == JsonToken.START_OBJECT) {
            return object(parent.object(), path, at, index);
        }
        if (token == JsonToken.VALUE_STRING && parser.getText().equals("none")) {
            return FormerParent.NONE;
        }
        return mismatch(mapping + " with " + String.join(", ", parent.object().keys) + ", or the word 'none'",
                path, token, at, "");
    }

    /** The parser is on START_OBJECT; reads through the matching END_OBJECT. */
    private Object object(RecordType type, String path, SourcePosition at, int index) throws IOException {
        Object[] arguments = type.defaults.clone();
        if (type.indexComponent >= 0) {
            arguments[type.indexComponent] = index;
        }
        boolean[] seen = new boolean[arguments.length];
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            SourcePosition keyAt = here();
            Field field = type.field(key);
            parser.nextToken();
            if (field == null) {
                unknownKey(type, path, key, keyAt);
                skip();
            } else if (seen[field.component()]) {
                problems.add(keyAt, "duplicate key '" + key + "'" + in(path) + "; keep only one of them");
                skip();
            } else {
                seen[field.component()] = true;
                arguments[field.component()] = value(field.kind(), path.isEmpty() ? key : path + "." + key, -1);
            }
        }
        try {
            return type.constructor.newInstance(arguments);
        } catch (InvocationTargetException e) {
            invalid(path, at, "invalid '" + path + "': " + e.getCause().getMessage());
            return null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + type.type.getName(), e);
        }
    }

    private List<Object> list(ListKind kind, String path, JsonToken token, SourcePosition at) throws IOException {
        if (token != JsonToken.START_ARRAY) {
            String hint = token.isScalarValue() ? "; write a list, e.g. [" + parser.getText() + "]" : "";
            mismatch("a list", path, token, at, hint);
            return null;
        }
        List<Object> items = new ArrayList<>();
        int index = 0;
        for (JsonToken item = parser.nextToken(); item != null && item != JsonToken.END_ARRAY; item = parser.nextToken(), index++) {
            String itemPath = path + "[" + index + "]";
            if (item == JsonToken.VALUE_NULL) {
                SourcePosition itemAt = here();
                positions.put(itemPath, itemAt);
                problems.add(itemAt, "empty item in '" + path + "'; remove it or give a value");
                continue;
            }
            Object value = value(kind.item(), itemPath, index);
            if (value != null) {
                items.add(value);
            }
        }
        return items;
    }

    private Object scalar(Scalar scalar, String path, JsonToken token, SourcePosition at) throws IOException {
        switch (scalar) {
            case COUNT:
            case INTEGER:
                if (token == JsonToken.VALUE_NUMBER_INT) {
                    return integer(scalar == Scalar.COUNT, path, at);
                }
                if (token == JsonToken.VALUE_NUMBER_FLOAT) {
                    return mismatch(scalar.expected, path, token, at, "; write it without a fraction");
                }
                return mismatch(scalar.expected, path, token, at, quotedNumberHint(token));
            case AMOUNT:
                if (token.isNumeric()) {
                    return amount(path, at);
                }
                return mismatch(scalar.expected, path, token, at, quotedNumberHint(token));
            case BOOLEAN:
                if (token.isBoolean()) {
                    if (isRealBoolean(parser.getText())) {
                        return token == JsonToken.VALUE_TRUE;
                    }
                    return mismatch(scalar.expected, path, token, at,
                            "; this format reads only true and false as booleans, not YAML 1.1 words like '"
                                    + parser.getText() + "'");
                }
                return mismatch(scalar.expected, path, token, at,
                        token == JsonToken.VALUE_STRING && isRealBoolean(parser.getText())
                                ? "; write " + parser.getText() + " without quotes" : "");
            case TEXT:
                if (token == JsonToken.VALUE_STRING || token.isNumeric()) {
                    return parser.getText();
                }
                if (token.isBoolean() && !isRealBoolean(parser.getText())) {
                    return parser.getText(); // 'country: NO' is Norway, not false
                }
                return mismatch(scalar.expected, path, token, at,
                        token.isBoolean() ? "; quote it if you mean the text: '\"" + parser.getText() + "\"'" : "");
            case DATE:
                return date(scalar, path, token, at);
            case DATE_OR_NEVER:
                if (token == JsonToken.VALUE_STRING && parser.getText().equals("never")) {
                    return DateOrNever.NEVER;
                }
                LocalDate date = date(scalar, path, token, at);
                return date == null ? null : new DateOrNever(date);
            default:
                throw new IllegalStateException(scalar.name());
        }
    }

    private Integer integer(boolean count, String path, SourcePosition at) throws IOException {
        try {
            if (parser.getNumberType() != JsonParser.NumberType.INT) {
                invalid(path, at, "'" + parser.getText() + "' is too large for '" + path + "'; give a smaller whole number");
                return null;
            }
            int value = parser.getIntValue();
            if (count && value < 0) {
                return negative(path, at);
            }
            return value;
        } catch (StreamReadException | NumberFormatException e) {
            return malformedNumber(path, at);
        }
    }

    private Double amount(String path, SourcePosition at) throws IOException {
        try {
            double value = parser.getDoubleValue();
            if (!Double.isFinite(value)) {
                return malformedNumber(path, at);
            }
            if (value < 0) {
                return negative(path, at);
            }
            return value;
        } catch (StreamReadException | NumberFormatException e) {
            return malformedNumber(path, at);
        }
    }

    private <T> T negative(String path, SourcePosition at) throws IOException {
        invalid(path, at, "negative value '" + parser.getText() + "' for '" + path + "'; it cannot be less than 0");
        return null;
    }

    private <T> T malformedNumber(String path, SourcePosition at) throws IOException {
        invalid(path, at, "'" + parser.getText() + "' is not a usable number for '" + path
                + "'; write a plain decimal number such as 12 or 99.9");
        return null;
    }

    private LocalDate date(Scalar scalar, String path, JsonToken token, SourcePosition at) throws IOException {
        if (token != JsonToken.VALUE_STRING) {
            return mismatch(scalar.expected, path, token, at, "");
        }
        String text = parser.getText();
        if (!ISO_DATE.matcher(text).matches()) {
            return mismatch(scalar.expected, path, token, at, "; write it as yyyy-mm-dd, e.g. 2018-02-19");
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeException e) {
            invalid(path, at, "'" + text + "' is not a calendar date for '" + path + "'; check the month and day");
            return null;
        }
    }

    private Object enumValue(EnumKind kind, String path, JsonToken token, SourcePosition at) throws IOException {
        if (!token.isScalarValue()) {
            return mismatch("one of " + String.join(", ", kind.wires()), path, token, at, "");
        }
        String text = parser.getText();
        Object value = kind.byWire().get(text);
        if (value != null) {
            return value;
        }
        String near = Suggestions.closest(text, kind.wires());
        invalid(path, at, "invalid value '" + text + "' for '" + path + "'; "
                + (near != null ? "did you mean '" + near + "'? (one of: " + String.join(", ", kind.wires()) + ")"
                        : "use one of: " + String.join(", ", kind.wires())));
        return null;
    }

    private void unknownKey(RecordType type, String path, String key, SourcePosition at) {
        String near = Suggestions.closest(key, type.keys);
        String fix;
        if (near != null) {
            fix = "did you mean '" + near + "'?";
        } else {
            List<String> homes = ProfileSchema.HOMES.getOrDefault(key, List.of());
            String here = path.replaceAll("\\[\\d+]", "[]");
            if (homes.size() == 1 && !homes.get(0).equals(here)) {
                String home = homes.get(0);
                fix = home.isEmpty() ? "it belongs at the top level"
                        : home.endsWith("[]") ? "it belongs in each item of '" + home.substring(0, home.length() - 2) + "'"
                        : "it belongs in '" + home + "'";
            } else {
                fix = "valid keys" + in(path) + " are: " + String.join(", ", type.keys);
            }
        }
        problems.add(at, "unknown key '" + key + "'" + in(path) + "; " + fix);
    }

    private static String in(String path) {
        return path.isEmpty() ? "" : " in '" + path + "'";
    }

    /** Reports a value of the wrong shape, skips it, and binds null. */
    private <T> T mismatch(String expected, String path, JsonToken token, SourcePosition at, String hint) throws IOException {
        invalid(path, at, "expected " + expected + " for '" + path + "', found " + describe(token) + hint);
        skip();
        return null;
    }

    /** For "25" where a number belongs: the quotes are the mistake. */
    private String quotedNumberHint(JsonToken token) throws IOException {
        return token == JsonToken.VALUE_STRING && NUMBER_TEXT.matcher(parser.getText()).matches()
                && parser.getText().chars().anyMatch(Character::isDigit) ? "; write the number without quotes" : "";
    }

    private String describe(JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT:
                return mapping;
            case START_ARRAY:
                return "a list";
            case VALUE_STRING:
                return "text '" + abbreviate(parser.getText()) + "'";
            default:
                return "'" + abbreviate(parser.getText()) + "'";
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    private static boolean isRealBoolean(String text) {
        switch (text) {
            case "true": case "True": case "TRUE": case "false": case "False": case "FALSE":
                return true;
            default:
                return false;
        }
    }

    private boolean isAlias() {
        return yaml != null && yaml.isCurrentAlias();
    }

    /** Reports the first alias only: one is enough to explain, and an alias bomb has thousands. */
    private void alias(SourcePosition at) throws IOException {
        if (!aliasReported) {
            aliasReported = true;
            problems.add(at, "YAML aliases such as '*" + parser.getText()
                    + "' are not supported in a profile; write the values out in full");
        }
    }

    /** Skips the current value; reports aliases inside it, as they are never silently accepted. */
    private void skip() throws IOException {
        JsonToken token = parser.currentToken();
        if (token == null || !token.isStructStart()) {
            if (isAlias()) {
                alias(here());
            }
            return;
        }
        int depth = 1;
        while (depth > 0) {
            token = parser.nextToken();
            if (token == null) {
                return;
            }
            if (token.isStructStart()) {
                depth++;
            } else if (token.isStructEnd()) {
                depth--;
            } else if (isAlias()) {
                alias(here());
            }
        }
    }
}
