package dev.vendorrisk.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The repository's Markdown pages and their fenced code blocks, for the docs tests. */
final class MarkdownFiles {
    /** Folders that hold no documentation of the project: build output, dependencies, tools. */
    private static final Set<String> SKIPPED = Set.of("target", "node_modules", ".git", ".mvn", ".idea");

    /** One fenced block: its info string ("sh", "text", ...), its first content line (1-based) and its lines. */
    record Block(Path file, String info, int line, List<String> lines, boolean followsBlockDirectly) {
    }

    private MarkdownFiles() {
    }

    /** Every *.md file of the repository, sorted, outside build output and hidden folders. */
    static List<Path> all() {
        try (Stream<Path> walk = Files.walk(CliRunner.ROOT)) {
            return walk.filter(p -> p.toString().endsWith(".md"))
                    .filter(p -> {
                        for (Path part : CliRunner.ROOT.relativize(p)) {
                            String name = part.toString();
                            if (SKIPPED.contains(name) || name.startsWith(".")) {
                                return false;
                            }
                        }
                        return true;
                    })
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The documentation a user reads: README.md, CONTRIBUTING.md and docs/*.md. */
    static List<Path> docs() {
        return all().stream().filter(p -> {
            String rel = CliRunner.ROOT.relativize(p).toString().replace('\\', '/');
            return rel.equals("README.md") || rel.equals("CONTRIBUTING.md") || rel.startsWith("docs/");
        }).toList();
    }

    /** The fenced code blocks of a page, in order. */
    static List<Block> blocks(Path file) {
        List<String> lines = read(file);
        List<Block> blocks = new ArrayList<>();
        int lastEnd = -2;
        for (int i = 0; i < lines.size(); i++) {
            String open = lines.get(i).stripLeading();
            if (!open.startsWith("```")) {
                continue;
            }
            String info = open.substring(3).strip();
            int indent = lines.get(i).length() - open.length();
            List<String> body = new ArrayList<>();
            int j = i + 1;
            while (j < lines.size() && !lines.get(j).stripLeading().startsWith("```")) {
                String l = lines.get(j);
                body.add(l.length() >= indent && l.substring(0, indent).isBlank() ? l.substring(indent) : l.strip());
                j++;
            }
            boolean direct = lastEnd >= 0 && lines.subList(lastEnd + 1, i).stream().allMatch(String::isBlank);
            blocks.add(new Block(file, info, i + 2, body, direct));
            lastEnd = j;
            i = j;
        }
        return blocks;
    }

    static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String shown(Path file) {
        return CliRunner.ROOT.relativize(file).toString().replace('\\', '/');
    }
}
