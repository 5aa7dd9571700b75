package dev.vendorrisk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every link in every Markdown page of the repository works in a clone: a relative link names a file
 * or folder inside the repository (never outside it, like {@code ../shared/...}), and a {@code #anchor}
 * names a heading of the page it points to. Web links ({@code https:}) are left alone.
 */
class DocsLinksTest {
    /** {@code [text](target)} and {@code ![alt](target)}; the target up to a blank or ')'. */
    private static final Pattern INLINE = Pattern.compile("\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    /** {@code [label]: target} reference definitions. */
    private static final Pattern REFERENCE = Pattern.compile("^\\s{0,3}\\[[^\\]]+\\]:\\s*<?(\\S+?)>?(\\s.*)?$");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern HTML_ANCHOR = Pattern.compile("<a\\s+(?:name|id)=\"([^\"]+)\"");

    @Test
    void everyLinkStaysInTheRepositoryAndPointsAtSomething() {
        List<String> broken = new ArrayList<>();
        Map<Path, Set<String>> anchors = new HashMap<>();
        List<Path> pages = MarkdownFiles.all();
        assertThat(pages).isNotEmpty();
        for (Path page : pages) {
            List<String> lines = MarkdownFiles.read(page);
            boolean inFence = false;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.stripLeading().startsWith("```")) {
                    inFence = !inFence;
                    continue;
                }
                if (inFence) {
                    continue;
                }
                String prose = line.replaceAll("`[^`]*`", "``");
                List<String> targets = new ArrayList<>();
                Matcher m = INLINE.matcher(prose);
                while (m.find()) {
                    targets.add(m.group(1));
                }
                Matcher ref = REFERENCE.matcher(prose);
                if (ref.matches()) {
                    targets.add(ref.group(1));
                }
                for (String target : targets) {
                    String problem = check(page, target, anchors);
                    if (problem != null) {
                        broken.add(MarkdownFiles.shown(page) + ":" + (i + 1) + ": link '" + target + "' " + problem);
                    }
                }
            }
        }
        assertThat(broken).as("broken links (relative links must name a file in the repository)").isEmpty();
    }

    /** Why a link is broken, or null when it works. */
    private static String check(Path page, String target, Map<Path, Set<String>> anchors) {
        if (target.matches("(?i)(https?|mailto):.*")) {
            return null;
        }
        if (target.matches("(?i)[a-z][a-z0-9+.-]*:.*")) {
            return "uses a scheme other than https, http or mailto";
        }
        if (target.startsWith("/")) {
            return "is absolute; use a path relative to " + MarkdownFiles.shown(page);
        }
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        Path resolved = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
        if (!resolved.startsWith(CliRunner.ROOT)) {
            return "leaves the repository; copy what it explains into the repository's docs";
        }
        if (!Files.exists(resolved)) {
            return "names " + MarkdownFiles.shown(resolved) + ", which does not exist";
        }
        if (anchor != null && !anchor.isEmpty() && resolved.toString().endsWith(".md")) {
            Set<String> known = anchors.computeIfAbsent(resolved, DocsLinksTest::anchorsOf);
            if (!known.contains(anchor)) {
                return "names the heading '#" + anchor + "', which " + MarkdownFiles.shown(resolved) + " does not have";
            }
        }
        return null;
    }

    /** The anchors GitHub gives a page's headings (lower case, punctuation dropped, blanks to '-', -1 for repeats). */
    static Set<String> anchorsOf(Path page) {
        Set<String> anchors = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean inFence = false;
        for (String line : MarkdownFiles.read(page)) {
            if (line.stripLeading().startsWith("```")) {
                inFence = !inFence;
                continue;
            }
            if (inFence) {
                continue;
            }
            Matcher html = HTML_ANCHOR.matcher(line);
            while (html.find()) {
                anchors.add(html.group(1));
            }
            Matcher h = HEADING.matcher(line);
            if (!h.matches()) {
                continue;
            }
            String slug = h.group(1).toLowerCase(Locale.ROOT)
                    .replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1")
                    .replaceAll("[^\\p{L}\\p{N} _-]", "")
                    .replace(' ', '-');
            int n = seen.merge(slug, 1, Integer::sum);
            anchors.add(n == 1 ? slug : slug + "-" + (n - 1));
        }
        return anchors;
    }
}
