package dev.vendorrisk.service;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import dev.vendorrisk.assessor.Diagnostic;
import dev.vendorrisk.assessor.InvalidProfileException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits a batch request into its profiles: a multi-document YAML stream (documents separated by
 * {@code ---} lines) or a JSON array of profile objects. Each profile is named {@code <name>#<n>}
 * (1-based) and keeps the line and column it has in the whole body: its text is preceded by as many
 * blank lines (and, for JSON, spaces) as came before it, so every diagnostic points into the body
 * the client sent.
 */
final class Batch {
    private static final Pattern YAML_SEPARATOR = Pattern.compile("---(\\s.*)?");
    private static final JsonFactory JSON = new JsonFactory();

    private Batch() {
    }

    /**
     * One profile of a batch.
     *
     * @param name   {@code <name>#<n>}
     * @param text   the profile's text
     * @param line   0-based line of the body where the text starts
     * @param column 0-based column of that line where the text starts
     */
    record Part(String name, String text, int line, int column) {
        /** The text preceded by blank lines and spaces, so a reader reports positions in the whole body. */
        byte[] padded() {
            return ("\n".repeat(line) + " ".repeat(column) + text).getBytes(StandardCharsets.UTF_8);
        }
    }

    /** The documents of a YAML stream; empty documents (only blanks and comments) are skipped. */
    static List<Part> yaml(String name, String body) {
        List<Part> parts = new ArrayList<>();
        String[] lines = body.split("\n", -1);
        StringBuilder doc = new StringBuilder();
        int docStart = 0;
        for (int i = 0; i <= lines.length; i++) {
            if (i == lines.length || YAML_SEPARATOR.matcher(stripCr(lines[i])).matches()) {
                if (!onlyBlanksAndComments(doc)) {
                    parts.add(new Part(name + "#" + (parts.size() + 1), doc.toString(), docStart, 0));
                }
                doc.setLength(0);
                docStart = i + 1; // the next document starts after this line
                continue;
            }
            doc.append(lines[i]).append('\n');
        }
        if (parts.isEmpty()) {
            throw invalid(name, 0, 0, "the batch holds no profiles; send YAML documents separated by '---' lines");
        }
        return parts;
    }

    /** The elements of a JSON array of profiles. */
    static List<Part> json(String name, String body) {
        List<Part> parts = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_ARRAY) {
                JsonLocation at = parser.currentTokenLocation();
                throw invalid(name, first == null ? 0 : at.getLineNr(), first == null ? 0 : at.getColumnNr(),
                        "a JSON batch is an array of profiles, [ {...}, {...} ]; found " + describe(first));
            }
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (token == null) {
                    throw invalid(name, 0, 0, "invalid JSON: the array of profiles is not closed; end it with ']'");
                }
                JsonLocation start = parser.currentTokenLocation();
                parser.skipChildren();
                int end = (int) parser.currentLocation().getCharOffset();
                String element = body.substring((int) start.getCharOffset(), end);
                parts.add(new Part(name + "#" + (parts.size() + 1), element, start.getLineNr() - 1, start.getColumnNr() - 1));
            }
            if (parser.nextToken() != null) {
                JsonLocation at = parser.currentTokenLocation();
                throw invalid(name, at.getLineNr(), at.getColumnNr(), "invalid JSON: text after the array of profiles");
            }
        } catch (StreamReadException e) {
            JsonLocation at = e.getLocation();
            throw invalid(name, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                    "invalid JSON: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw invalid(name, 0, 0, "cannot read: " + e.getMessage());
        }
        if (parts.isEmpty()) {
            throw invalid(name, 0, 0, "the batch holds no profiles; send a JSON array of profile objects");
        }
        return parts;
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case START_OBJECT -> "a single object (POST one profile to /assessments)";
            case VALUE_STRING -> "a string";
            default -> "'" + token.asString() + "'";
        };
    }

    private static boolean onlyBlanksAndComments(CharSequence doc) {
        for (String line : doc.toString().split("\n")) {
            String l = line.strip();
            if (!l.isEmpty() && !l.startsWith("#")) {
                return false;
            }
        }
        return true;
    }

    private static String stripCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    private static String firstLine(String message) {
        int end = message == null ? -1 : message.indexOf('\n');
        return message == null ? "unreadable input" : end < 0 ? message : message.substring(0, end);
    }

    private static InvalidProfileException invalid(String file, int line, int column, String message) {
        return new InvalidProfileException(List.of(new Diagnostic(file, Math.max(line, 0), Math.max(column, 0), message)));
    }
}
