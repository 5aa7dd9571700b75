package dev.vendorrisk.cli;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Expands the command line's FILE|DIR|GLOB arguments into the sorted list of profile files.
 *
 * <ul>
 *   <li>a file is taken as it is, whatever its extension;</li>
 *   <li>a folder is searched recursively for {@code .yaml} and {@code .yml} files;</li>
 *   <li>an argument with {@code * ? [ {} is a glob (for shells that do not expand it, and for {@code **});</li>
 *   <li>{@code -} is standard input, assessed first.</li>
 * </ul>
 * {@code --exclude GLOB} drops files: a glob without {@code /} matches any file or folder name on
 * the path ({@code --exclude invalid}, {@code --exclude '*.draft.yaml'}); a glob with {@code /}
 * matches the whole path or any trailing part of it ({@code --exclude 'archive/**'}).
 * The list is sorted by path (a file named twice is assessed once), so reports never depend on
 * the order of the arguments or of the file system.
 */
final class Inputs {
    /** The name standard input gets on the command line. */
    static final String STDIN = "-";

    private Inputs() {
    }

    /**
     * One expanded argument list.
     *
     * @param files     the files found, sorted; {@link #STDIN} first when given
     * @param missing   arguments naming a file or folder that does not exist (a usage error)
     * @param unmatched folders or globs that gave no file, with the reason (a warning)
     */
    record Expanded(List<String> files, List<String> missing, List<String> unmatched) {
    }

    static Expanded expand(List<String> args, List<String> excludes) {
        List<Exclusion> excluded = new ArrayList<>();
        for (String glob : excludes) {
            excluded.add(new Exclusion(glob));
        }
        TreeSet<String> files = new TreeSet<>();
        List<String> missing = new ArrayList<>();
        List<String> unmatched = new ArrayList<>();
        boolean stdin = false;
        for (String arg : args) {
            if (arg.equals(STDIN)) {
                stdin = true;
                continue;
            }
            TreeSet<String> found = new TreeSet<>();
            Path path = Path.of(arg);
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path, FileVisitOption.FOLLOW_LINKS)) {
                    walk.filter(Files::isRegularFile).filter(Inputs::isProfileName)
                            .map(Inputs::display).forEach(found::add);
                } catch (IOException | java.io.UncheckedIOException e) {
                    unmatched.add(arg + ": cannot read folder: " + e.getMessage());
                    continue;
                }
                if (found.isEmpty()) {
                    unmatched.add(arg + ": no .yaml or .yml files in this folder");
                }
            } else if (Files.exists(path)) {
                found.add(display(path));
            } else if (hasGlob(arg)) {
                globbed(arg, found);
                if (found.isEmpty()) {
                    unmatched.add(arg + ": no file matches this pattern");
                }
            } else {
                missing.add(arg + ": no such file or folder");
                continue;
            }
            for (String f : found) {
                if (excluded.stream().noneMatch(x -> x.matches(f))) {
                    files.add(f);
                }
            }
        }
        List<String> out = new ArrayList<>(files.size() + 1);
        if (stdin) {
            out.add(STDIN);
        }
        out.addAll(files);
        return new Expanded(out, missing, unmatched);
    }

    /** One {@code --exclude} glob. */
    static final class Exclusion {
        private final PathMatcher matcher;
        private final boolean byName;

        Exclusion(String glob) {
            String g = glob.replace('\\', '/');
            while (g.startsWith("./")) {
                g = g.substring(2);
            }
            if (g.endsWith("/")) {
                g = g + "**";
            }
            this.byName = !g.contains("/");
            this.matcher = FileSystems.getDefault().getPathMatcher("glob:" + g);
        }

        boolean matches(String file) {
            Path p = Path.of(file);
            int n = p.getNameCount();
            for (int i = 0; i < n; i++) {
                if (byName ? matcher.matches(p.getName(i)) : matcher.matches(p.subpath(i, n))) {
                    return true;
                }
            }
            return !byName && matcher.matches(p);
        }
    }

    private static boolean isProfileName(Path p) {
        String name = p.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    private static boolean hasGlob(String arg) {
        return arg.contains("*") || arg.contains("?") || arg.contains("[") || arg.contains("{");
    }

    private static void globbed(String pattern, TreeSet<String> files) {
        // walk from the longest folder prefix without glob characters
        String normalized = pattern.replace('\\', '/');
        int firstGlob = firstGlobIndex(normalized);
        int slash = normalized.lastIndexOf('/', firstGlob);
        Path root = slash < 0 ? Path.of(".") : Path.of(normalized.substring(0, Math.max(1, slash)));
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + normalized);
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root, FileVisitOption.FOLLOW_LINKS)) {
            walk.filter(Files::isRegularFile)
                    .map(p -> slash < 0 ? root.relativize(p) : p)
                    .filter(matcher::matches)
                    .map(Inputs::display)
                    .forEach(files::add);
        } catch (IOException | java.io.UncheckedIOException e) {
            // unreadable parts of the tree simply match nothing
        }
    }

    private static int firstGlobIndex(String s) {
        for (int i = 0; i < s.length(); i++) {
            if ("*?[{".indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return s.length();
    }

    private static String display(Path p) {
        String s = p.normalize().toString().replace('\\', '/');
        return s.startsWith("./") ? s.substring(2) : s;
    }
}
