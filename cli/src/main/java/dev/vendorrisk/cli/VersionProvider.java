package dev.vendorrisk.cli;

import dev.vendorrisk.assessor.AssessorException;
import dev.vendorrisk.assessor.rules.RuleCache;
import dev.vendorrisk.assessor.rules.RuleSet;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;

/**
 * {@code vra --version}: the tool's version, the rule set in effect without {@code --rules} (where it
 * comes from and its hash: the key under which the rule cache stores it compiled) and the Java that runs it.
 */
final class VersionProvider implements CommandLine.IVersionProvider {
    /** Characters of the rule set's hash shown: enough to tell rule sets apart. */
    static final int HASH_CHARS = 12;

    @Override
    public String[] getVersion() {
        return new String[] {new Main.Version().getVersion()[0], rules(), java()};
    }

    /** E.g. {@code rules: ./rules (12 rule files), hash 3f9c2a01b7de}. */
    static String rules() {
        List<Path> folders = RulesOptions.defaultFolders();
        String where = folders.isEmpty() ? "bundled in the jar" : folders.get(0).toString();
        try {
            RuleSet set = RuleSet.read(folders, null);
            String key = new RuleCache(RuleCache.defaultDir(System.getenv())).key(set.drl(), set.scoringFiles());
            return "rules: " + where + " (" + set.drl().size() + " rule files), hash " + key.substring(0, HASH_CHARS);
        } catch (AssessorException e) {
            return "rules: " + where + " (cannot be read: " + e.getMessage() + ")";
        }
    }

    /** E.g. {@code java: 17.0.15+6-Debian-1deb12u1 (Debian) at /usr/lib/jvm/java-17-openjdk-amd64}. */
    static String java() {
        return "java: " + System.getProperty("java.runtime.version", System.getProperty("java.version")) + " ("
                + System.getProperty("java.vendor") + ") at " + System.getProperty("java.home");
    }
}
