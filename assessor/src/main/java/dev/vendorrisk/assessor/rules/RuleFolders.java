package dev.vendorrisk.assessor.rules;

import dev.vendorrisk.assessor.Diagnostic;
import dev.vendorrisk.assessor.RuleBaseException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads rules folders: their {@code *.drl} files and their optional {@code scoring.yaml}. */
public final class RuleFolders {
    /** The scoring file's name inside a rules folder. */
    public static final String SCORING_FILE = "scoring.yaml";
    /** Where the jar keeps its copy of the project's rules folder. */
    public static final String BUNDLED = "/vra-rules";

    private RuleFolders() {
    }

    /** The texts of one folder's files, in name order. */
    public record Folder(String name, List<RuleSource> drl, RuleSource scoring) {
    }

    /** Reads a folder; {@code display} is how diagnostics name it (e.g. {@code rules}). */
    public static Folder read(Path dir, String display) {
        if (!Files.isDirectory(dir)) {
            throw new RuleBaseException(List.of(new Diagnostic(display, 0, 0,
                    "not a rules folder (it does not exist or is not a directory); pass a folder of .drl files")));
        }
        List<RuleSource> drl = new ArrayList<>();
        RuleSource scoring = null;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                String shown = display.endsWith("/") ? display + name : display + "/" + name;
                if (name.endsWith(".drl")) {
                    drl.add(new RuleSource(shown, Files.readString(file, StandardCharsets.UTF_8)));
                } else if (name.equals(SCORING_FILE)) {
                    scoring = new RuleSource(shown, Files.readString(file, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new RuleBaseException(List.of(new Diagnostic(display, 0, 0, "cannot read rules folder: " + e.getMessage())));
        }
        return new Folder(display, drl, scoring);
    }

    /** The rules bundled in the library jar (a copy of the project's {@code rules/} folder). */
    public static Folder bundled() {
        if (RuleFolders.class.getResource(BUNDLED + "/" + SCORING_FILE) == null) {
            throw new RuleBaseException(List.of(new Diagnostic("<bundled rules>", 0, 0,
                    "the library jar carries no rules; build it with Maven, or pass a rules folder")));
        }
        return classpath(RuleFolders.class.getClassLoader(), BUNDLED.substring(1), "<bundled>");
    }

    /** Only the scoring file of the bundled rules: the defaults every other scoring file overrides. */
    public static RuleSource bundledScoring() {
        String resource = BUNDLED + "/" + SCORING_FILE;
        try (var in = RuleFolders.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new RuleBaseException(List.of(new Diagnostic("<bundled rules>", 0, 0,
                        "the library jar carries no rules; build it with Maven, or pass a rules folder")));
            }
            return new RuleSource("<bundled>/" + SCORING_FILE, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new RuleBaseException(List.of(new Diagnostic("<bundled rules>", 0, 0, "cannot read: " + e.getMessage())));
        }
    }

    /**
     * Reads a rules folder from the class path, from a directory or a jar: for an application that
     * packages its rules as resources (the decision service keeps its build-time copy in
     * {@code vra/rules}). The folder must hold a {@code scoring.yaml}, which is how it is found.
     *
     * @param loader   the class loader that sees the folder
     * @param resource the folder's resource path, e.g. {@code vra/rules} (no leading or trailing slash)
     * @param display  how diagnostics name the folder, e.g. {@code rules}
     * @throws RuleBaseException when the folder is not on the class path or cannot be listed
     */
    public static Folder classpath(ClassLoader loader, String resource, String display) {
        URL marker = loader.getResource(resource + "/" + SCORING_FILE);
        if (marker == null) {
            throw new RuleBaseException(List.of(new Diagnostic(display, 0, 0, "no rules folder '" + resource
                    + "' with a " + SCORING_FILE + " on the class path; package the rules folder as resources")));
        }
        try {
            URI uri = marker.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                return read(fs.getPath("/" + resource), display);
            }
            return read(Path.of(uri).getParent(), display);
        } catch (URISyntaxException | IOException | RuntimeException e) {
            if (e instanceof RuleBaseException rbe) {
                throw rbe;
            }
            throw new RuleBaseException(List.of(new Diagnostic(display, 0, 0, "cannot read the rules folder at "
                    + marker + ": " + e.getMessage())));
        }
    }
}
