package dev.vendorrisk.cli;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Expands the command line's FILE|DIR arguments into the sorted list of profile files. */
final class Inputs {
    /** The name standard input gets in reports. */
    static final String STDIN = "-";

    private Inputs() {
    }

    /** One expanded argument list: the files found, and the arguments that matched nothing. */
    record Expanded(List<String> files, List<String> unmatched) {
    }

    static Expanded expand(List<String> args, List<String> excludes) {
        List<PathMatcher> excluded = new ArrayList<>();
        for (String glob : excludes) {
            excluded.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
        }
        TreeSet<String> files = new TreeSet<>();
        List<String> unmatched = new ArrayList<>();
        boolean stdin = false;
        for (String arg : args) {
            if (arg.equals(STDIN)) {
                stdin = true;
                continue;
            }
            int before = files.size();
            Path path = Path.of(arg);
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile).filter(Inputs::isProfileName)
                            .map(Inputs::display).forEach(files::add);
                } catch (IOException e) {
                    unmatched.add(arg + ": cannot read folder: " + e.getMessage());
                    continue;
                }
            } else if (Files.exists(path)) {
                files.add(display(path));
            } else if (hasGlob(arg)) {
                globbed(arg, files);
            } else {
                unmatched.add(arg + ": no such file or folder");
                continue;
            }
            if (files.size() == before && !hasGlob(arg) && Files.isDirectory(path)) {
                unmatched.add(arg + ": no .yaml or .yml files in this folder");
            } else if (files.size() == before && hasGlob(arg)) {
                unmatched.add(arg + ": no file matches this pattern");
            }
        }
        List<String> out = new ArrayList<>();
        for (String f : files) {
            if (excluded.stream().noneMatch(m -> m.matches(Path.of(f)))) {
                out.add(f);
            }
        }
        if (stdin) {
            out.add(0, STDIN);
        }
        return new Expanded(out, unmatched);
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
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile)
                    .map(p -> slash < 0 ? root.relativize(p) : p)
                    .filter(matcher::matches)
                    .map(Inputs::display)
                    .forEach(files::add);
        } catch (IOException e) {
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
