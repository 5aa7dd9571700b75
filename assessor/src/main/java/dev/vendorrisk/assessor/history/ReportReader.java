package dev.vendorrisk.assessor.history;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.vendorrisk.assessor.AssessorException;
import dev.vendorrisk.assessor.Diagnostic;
import dev.vendorrisk.assessor.Rating;
import dev.vendorrisk.assessor.report.JsonReport;
import dev.vendorrisk.assessor.rules.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads a saved JSON report of {@code vra assess} as a stream of {@link Snapshot}s, with Jackson's
 * streaming parser: one assessment at a time, never the whole tree, so a report of 100,000 services
 * reads in flat memory. Identical findings of different services share one {@link FindingRef}.
 *
 * <p>Checks that the file is such a report: a JSON object with {@code schemaVersion} equal to this
 * tool's {@link JsonReport#SCHEMA_VERSION} and an {@code assessments} list, complete to its last brace.
 * Anything else is an {@link AssessorException} whose diagnostic names the file (and the line and column,
 * where there is one) and says what to give instead.
 */
public final class ReportReader {
    private static final JsonFactory FACTORY = new JsonFactory();

    private final String shown;
    private final Map<FindingRef, FindingRef> shared = new HashMap<>();

    private ReportReader(String shown) {
        this.shown = shown;
    }

    /** What the report says about its run, besides its services. */
    public record Header(LocalDate runDate, int services) {
    }

    /**
     * Reads {@code file}, handing each assessment to {@code sink} in the report's order.
     *
     * @throws AssessorException when the file cannot be read or is not a complete JSON report of this tool
     */
    public static Header read(Path file, Consumer<Snapshot> sink) {
        ReportReader reader = new ReportReader(file.toString());
        try (InputStream in = Files.newInputStream(file); JsonParser p = FACTORY.createParser(in)) {
            return reader.report(p, sink);
        } catch (NoSuchFileException e) {
            throw reader.error(0, 0, "no such file; give the JSON report of an earlier run (vra assess -o json=FILE)");
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String what = e.getOriginalMessage().split("\\R")[0];
            boolean truncated = what.contains("end-of-input");
            throw reader.error(at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(), (truncated
                    ? "the report ends early (truncated?): " : "not valid JSON: ") + what
                    + "; give a complete JSON report of vra assess");
        } catch (IOException e) {
            throw reader.error(0, 0, "cannot read: " + e.getMessage());
        }
    }

    private Header report(JsonParser p, Consumer<Snapshot> sink) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw notOurs(p, "it does not start with a JSON object");
        }
        Integer version = null;
        boolean assessments = false;
        LocalDate runDate = null;
        int services = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "schemaVersion" -> {
                    if (!value.isNumeric()) {
                        throw notOurs(p, "its 'schemaVersion' is not a number");
                    }
                    version = p.getIntValue();
                    if (version != JsonReport.SCHEMA_VERSION) {
                        throw error(p, "the report has schemaVersion " + version + "; this vra reads schemaVersion "
                                + JsonReport.SCHEMA_VERSION + ": re-create it with this version (vra assess -o json=FILE)");
                    }
                }
                case "assessments" -> {
                    if (version == null) {
                        throw notOurs(p, "'assessments' comes before any 'schemaVersion'");
                    }
                    if (value != JsonToken.START_ARRAY) {
                        throw notOurs(p, "'assessments' is not a list");
                    }
                    assessments = true;
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        if (p.currentToken() != JsonToken.START_OBJECT) {
                            throw notOurs(p, "an assessment is not a JSON object");
                        }
                        sink.accept(assessment(p));
                        services++;
                    }
                }
                case "summary" -> runDate = summary(p);
                default -> p.skipChildren();
            }
        }
        if (p.currentToken() != JsonToken.END_OBJECT) {
            throw error(p, "the report ends early (truncated?); give a complete JSON report of vra assess");
        }
        if (version == null || !assessments) {
            throw notOurs(p, "it has no " + (version == null ? "'schemaVersion'" : "'assessments'"));
        }
        if (p.nextToken() != null) {
            throw error(p, "there is more after the report's closing brace; give one JSON report");
        }
        return new Header(runDate, services);
    }

    private LocalDate summary(JsonParser p) throws IOException {
        LocalDate runDate = null;
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return null;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            if (name.equals("runDate") && p.currentToken() == JsonToken.VALUE_STRING) {
                try {
                    runDate = LocalDate.parse(p.getText());
                } catch (java.time.format.DateTimeParseException e) {
                    throw error(p, "summary.runDate '" + p.getText() + "' is not a date");
                }
            } else {
                p.skipChildren();
            }
        }
        return runDate;
    }

    private Snapshot assessment(JsonParser p) throws IOException {
        JsonLocation start = p.currentTokenLocation();
        String file = null;
        String vendorId = null;
        String vendorName = null;
        String service = null;
        Rating rating = null;
        Double score = null;
        List<FindingRef> findings = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "file" -> file = text(p);
                case "service" -> service = text(p);
                case "rating" -> {
                    rating = value == JsonToken.VALUE_STRING ? Rating.parse(p.getText()) : null;
                    if (rating == null) {
                        throw error(p, "unknown rating '" + p.getText() + "'");
                    }
                }
                case "score" -> {
                    if (!value.isNumeric()) {
                        throw error(p, "'score' is not a number");
                    }
                    score = p.getDoubleValue();
                }
                case "vendor" -> {
                    if (value != JsonToken.START_OBJECT) {
                        throw error(p, "'vendor' is not an object");
                    }
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String key = p.currentName();
                        p.nextToken();
                        if (key.equals("id")) {
                            vendorId = text(p);
                        } else if (key.equals("name")) {
                            vendorName = text(p);
                        } else {
                            p.skipChildren();
                        }
                    }
                }
                case "findings" -> findings = findings(p);
                default -> p.skipChildren();
            }
        }
        if (vendorId == null || rating == null || score == null || findings == null) {
            throw new AssessorException(List.of(new Diagnostic(shown, start.getLineNr(), start.getColumnNr(),
                    "an assessment lacks " + (vendorId == null ? "'vendor.id'" : rating == null ? "'rating'"
                            : score == null ? "'score'" : "'findings'")
                            + "; give a JSON report of vra assess (-o json=FILE)")));
        }
        return new Snapshot(file, vendorId.intern(), vendorName, service, rating, score, findings);
    }

    private List<FindingRef> findings(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw error(p, "'findings' is not a list");
        }
        List<FindingRef> out = new ArrayList<>();
        while (p.nextToken() == JsonToken.START_OBJECT) {
            String id = null;
            String title = null;
            Severity severity = null;
            String firstPath = null;
            boolean waived = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "id" -> id = text(p);
                    case "title" -> title = text(p);
                    case "severity" -> {
                        severity = Severity.parse(text(p));
                        if (severity == null) {
                            throw error(p, "unknown severity '" + p.getText() + "'");
                        }
                    }
                    case "waived" -> waived = value == JsonToken.VALUE_TRUE;
                    case "evidence" -> firstPath = firstPath(p);
                    default -> p.skipChildren();
                }
            }
            if (id == null || severity == null) {
                throw error(p, "a finding lacks " + (id == null ? "'id'" : "'severity'"));
            }
            FindingRef ref = new FindingRef(id, severity, title, id.startsWith(FindingRef.GAP_PREFIX) ? firstPath : null,
                    waived);
            out.add(shared.computeIfAbsent(ref, r -> r));
        }
        if (p.currentToken() != JsonToken.END_ARRAY) {
            throw error(p, "a finding is not a JSON object");
        }
        return out;
    }

    /** The path of the first evidence item; the rest is skipped. */
    private String firstPath(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return null;
        }
        String first = null;
        while (p.nextToken() == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (name.equals("path") && first == null) {
                    first = text(p);
                } else {
                    p.skipChildren();
                }
            }
        }
        return first;
    }

    private String text(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != JsonToken.VALUE_STRING) {
            throw error(p, "'" + p.currentName() + "' is not text");
        }
        return p.getText();
    }

    private AssessorException notOurs(JsonParser p, String why) {
        return error(p, "not a JSON report of vra assess (" + why + "); give the report an earlier run wrote with"
                + " vra assess -o json=FILE");
    }

    private AssessorException error(JsonParser p, String message) {
        JsonLocation at = p.currentTokenLocation();
        return error(at.getLineNr(), at.getColumnNr(), message);
    }

    private AssessorException error(int line, int column, String message) {
        return new AssessorException(List.of(new Diagnostic(shown, line, column, message)));
    }
}
