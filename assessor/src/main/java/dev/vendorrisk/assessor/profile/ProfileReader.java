package dev.vendorrisk.assessor.profile;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.vendorrisk.assessor.Diagnostic;
import dev.vendorrisk.assessor.InvalidProfileException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads vendor profiles (risk model section 2) from YAML or JSON into a {@link ParsedProfile}.
 *
 * <p>Strict: unknown keys, wrong types, bad enum values, malformed dates and impossible values are
 * errors. Every problem in a file is reported, at its line and column, in one
 * {@link InvalidProfileException} whose diagnostics are sorted by line and column. Only a syntax
 * error stops reading early, as nothing after it can be trusted.
 *
 * <p>Safe on untrusted input: files larger than the limit are refused before parsing, YAML aliases
 * are reported and never expanded (so "billion laughs" costs nothing), nesting is limited to
 * {@value #MAX_NESTING} levels, and a file stops being read after {@value Problems#LIMIT} problems.
 *
 * <p>Immutable and thread-safe; build one and share it.
 */
public final class ProfileReader {
    /** The default size limit, 1 MiB; real profiles are a few KiB. */
    public static final int DEFAULT_MAX_BYTES = 1 << 20;

    static final int MAX_NESTING = 50;
    private static final int MAX_ALIASES = 20;

    private final int maxBytes;
    private final YAMLFactory yaml;
    private final JsonFactory json;

    /** A reader with the {@linkplain #DEFAULT_MAX_BYTES default size limit}. */
    public ProfileReader() {
        this(DEFAULT_MAX_BYTES);
    }

    /** A reader that refuses files larger than {@code maxBytes}. */
    public ProfileReader(int maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive, was " + maxBytes);
        }
        this.maxBytes = maxBytes;
        this.yaml = yamlFactory(maxBytes);
        this.json = JsonFactory.builder().streamReadConstraints(constraints(maxBytes)).build();
    }

    /**
     * A YAML factory with the profile reader's limits, for every other file the tool reads (scoring,
     * waivers): at most {@code maxBytes}, nesting at most {@value #MAX_NESTING} levels, at most
     * {@value #MAX_ALIASES} aliases for collections. Its parsers report a duplicate key and an alias
     * as tokens: the reader must report them itself ({@link YAMLParser#isCurrentAlias()}).
     */
    public static YAMLFactory yamlFactory(int maxBytes) {
        // Jackson reads SnakeYAML's event stream, not its node graph: aliases arrive as a marker
        // (rejected by the binder) and are never expanded. These options bound what SnakeYAML
        // itself will accept. allowDuplicateKeys=false makes Jackson stop at the first duplicate;
        // the binder reports duplicates itself and reads on, so that check is switched off again.
        LoaderOptions loader = new LoaderOptions();
        loader.setMaxAliasesForCollections(MAX_ALIASES);
        loader.setNestingDepthLimit(MAX_NESTING);
        loader.setCodePointLimit(maxBytes);
        loader.setAllowDuplicateKeys(false);
        loader.setAllowRecursiveKeys(false);
        return new ProfileYamlFactory(YAMLFactory.builder()
                .loaderOptions(loader)
                .disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .streamReadConstraints(constraints(maxBytes))
                .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)); // 'key:' with nothing after it is null
    }

    private static StreamReadConstraints constraints(int maxBytes) {
        return StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING)
                .maxDocumentLength(maxBytes)
                .maxStringLength(maxBytes)
                .build();
    }

    /**
     * Reads a YAML profile.
     *
     * @param file    the name to use in diagnostics, as the user gave it
     * @param content the file's bytes, UTF-8
     * @throws InvalidProfileException with every problem found
     */
    public ParsedProfile read(String file, byte[] content) throws InvalidProfileException {
        return read(file, content, true);
    }

    /**
     * Reads a YAML profile file; a file that cannot be read is reported as {@code file: cannot read: why}.
     *
     * @throws InvalidProfileException with every problem found
     */
    public ParsedProfile read(Path path) throws InvalidProfileException {
        return read(path.toString(), bytesOf(path, "a profile file"), true);
    }

    /** A file's bytes within the size limit; every way of failing is a diagnostic naming the file. */
    private byte[] bytesOf(Path path, String what) {
        String file = path.toString();
        try {
            if (Files.isDirectory(path)) {
                throw fail(file, "cannot read: it is a directory; give " + what);
            }
            long size = Files.size(path);
            if (size > maxBytes) {
                throw fail(file, tooLarge(size));
            }
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw fail(file, "cannot read: no such file");
        } catch (AccessDeniedException e) {
            throw fail(file, "cannot read: permission denied");
        } catch (IOException | UncheckedIOException e) {
            throw fail(file, "cannot read: " + e.getMessage());
        }
    }

    /**
     * Reads a profile written as JSON (for the HTTP service): the same model, keys and checks as YAML.
     *
     * @throws InvalidProfileException with every problem found
     */
    public ParsedProfile readJson(String file, byte[] content) throws InvalidProfileException {
        return read(file, content, false);
    }

    /**
     * Reads a portfolio waivers file: a YAML list of waivers, each with vendor, rule, justification,
     * owner and expires. As strict as a profile: unknown keys, wrong types, missing keys and bad ids
     * are reported at their line and column.
     *
     * @throws InvalidProfileException with every problem found (the CLI treats it as a usage error)
     */
    public WaiverFile readWaivers(Path path) throws InvalidProfileException {
        return readWaivers(path.toString(), bytesOf(path, "a waivers file"));
    }

    /** Reads a portfolio waivers file from bytes; {@code file} names it in diagnostics. */
    public WaiverFile readWaivers(String file, byte[] content) throws InvalidProfileException {
        if (content.length > maxBytes) {
            throw fail(file, tooLarge(content.length));
        }
        Problems problems = new Problems(file);
        try (JsonParser parser = yaml.createParser(content)) {
            ProfileBinder binder = new ProfileBinder(parser, problems);
            try {
                List<Waiver> waivers = binder.bindWaivers();
                if (waivers != null) {
                    List<SourcePosition> positions = ProfileChecks.checkWaiverFile(waivers, binder.positions(),
                            binder.invalid(), binder.rootPosition(), problems);
                    if (problems.isEmpty()) {
                        return new WaiverFile(file, waivers, positions);
                    }
                }
            } catch (StreamConstraintsException e) {
                problems.add(binder.here(), limitMessage(e));
            } catch (StreamReadException e) {
                syntaxError(e, true, problems);
            } catch (YAMLException e) {
                problems.add(binder.here(), "invalid YAML: " + firstLine(e.getMessage()));
            }
        } catch (Problems.TooMany e) {
            // the diagnostics gathered so far are reported below
        } catch (IOException e) {
            problems.add(null, "cannot read: " + e.getMessage());
        }
        throw problems.toException();
    }

    private ParsedProfile read(String file, byte[] content, boolean isYaml) {
        if (content.length > maxBytes) {
            throw fail(file, tooLarge(content.length));
        }
        Problems problems = new Problems(file);
        try (JsonParser parser = isYaml ? yaml.createParser(content) : json.createParser(content)) {
            ProfileBinder binder = new ProfileBinder(parser, problems);
            try {
                VendorProfile profile = binder.bind();
                if (profile != null) {
                    ProfileChecks.check(profile, binder.positions(), binder.invalid(), binder.rootPosition(), problems);
                    if (problems.isEmpty()) {
                        return new ParsedProfile(file, profile, binder.positions());
                    }
                }
            } catch (StreamConstraintsException e) {
                problems.add(binder.here(), limitMessage(e));
            } catch (StreamReadException e) {
                syntaxError(e, isYaml, problems);
            } catch (YAMLException e) { // SnakeYAML's own limits, e.g. the code point limit
                problems.add(binder.here(), "invalid YAML: " + firstLine(e.getMessage()));
            }
        } catch (Problems.TooMany e) {
            // the diagnostics gathered so far are reported below
        } catch (IOException e) {
            problems.add(null, "cannot read: " + e.getMessage());
        }
        throw problems.toException();
    }

    private static void syntaxError(StreamReadException e, boolean isYaml, Problems problems) {
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            Mark mark = marked.getProblemMark();
            problems.dropFrom(marked.getContextMark() != null ? marked.getContextMark().getLine() + 1 : mark.getLine() + 1);
            String context = marked.getContext() == null ? "" : " (" + marked.getContext()
                    + (marked.getContextMark() == null ? "" : " started at line " + (marked.getContextMark().getLine() + 1)) + ")";
            problems.add(new SourcePosition(mark.getLine() + 1, mark.getColumn() + 1),
                    "invalid YAML: " + firstLine(marked.getProblem()) + context + "; " + yamlHint(marked.getProblem()));
            return;
        }
        JsonLocation location = e.getLocation();
        SourcePosition at = location == null || location.getLineNr() < 1 ? null
                : new SourcePosition(location.getLineNr(), Math.max(location.getColumnNr(), 1));
        problems.add(at, (isYaml ? "invalid YAML: " : "invalid JSON: ") + firstLine(e.getOriginalMessage()));
    }

    private static String yamlHint(String problem) {
        String p = problem == null ? "" : problem;
        if (p.contains("'\\t'") || p.contains("\\t(TAB)")) {
            return "indent with spaces, not tabs";
        }
        if (p.contains("mapping values are not allowed")) {
            return "put a space after each ':' and quote values that contain ': '";
        }
        if (p.contains("block end") || p.contains("block mapping") || p.contains("indent")) {
            return "check the indentation of this line against the lines above";
        }
        return "check the quoting and indentation near here";
    }

    private static String limitMessage(StreamConstraintsException e) {
        String message = firstLine(e.getOriginalMessage());
        if (message.contains("nesting depth")) {
            return "the profile nests deeper than " + MAX_NESTING + " levels; a profile needs only a few";
        }
        return "the profile exceeds a reading limit: " + message;
    }

    private String tooLarge(long size) {
        return "file is " + size + " bytes, larger than the " + describeSize(maxBytes)
                + " limit; a profile is a few KiB, so check that this is the right file";
    }

    private static String describeSize(int bytes) {
        if (bytes % (1 << 20) == 0) {
            return (bytes >> 20) + " MiB";
        }
        if (bytes % 1024 == 0) {
            return (bytes >> 10) + " KiB";
        }
        return bytes + "-byte";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable input";
        }
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).trim();
    }

    private static InvalidProfileException fail(String file, String message) {
        return new InvalidProfileException(List.of(new Diagnostic(file, 0, 0, message)));
    }
}
