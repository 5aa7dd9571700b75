package dev.vendorrisk.cli;

import dev.vendorrisk.assessor.VendorRiskAssessor;
import dev.vendorrisk.assessor.rules.RuleCache;
import dev.vendorrisk.assessor.rules.RuleSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/** Options every command that needs rules shares: which folders, which rules to switch off. */
public final class RulesOptions {
    /** The system property with the installation's rules folder, set by the {@code vra} launcher. */
    public static final String HOME_RULES = "vra.home.rules";

    @Option(names = "--rules", paramLabel = "DIR",
            description = "Rules folder (repeatable; later folders add or replace rules by id and override scoring"
                    + " values). Default: ./rules if it has a scoring.yaml, else the rules folder installed with vra,"
                    + " else the rules bundled in the jar.")
    List<Path> folders = new ArrayList<>();

    @Option(names = "--disable", paramLabel = "ID", split = ",", description = "Switch rules off by id, e.g. SUP-007,CON-004.")
    List<String> disabled = new ArrayList<>();

    @Option(names = "--trust-rules", description = "Run the rules as they are: do not refuse rules that go beyond"
            + " the safe rule language (files, network, processes, System, reflection, ...). Only for rules you would"
            + " run as a program; 'rules check --trust-rules' lists the rules that need it.")
    boolean trustRules;

    @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
    picocli.CommandLine.Model.CommandSpec mixee;

    /** How long the rules may take on one profile. */
    java.time.Duration timeLimit = dev.vendorrisk.assessor.rules.RuleEngine.DEFAULT_TIME_LIMIT;

    @Option(names = "--time-limit", paramLabel = "SECONDS", description = "How long the rules may take on one profile"
            + " (default: 5). A rule still running then is stopped and named (file:line), and the run ends with exit 2.")
    void timeLimit(double seconds) {
        if (!(seconds > 0) || seconds > 86_400) {
            throw new picocli.CommandLine.ParameterException(mixee.commandLine(), "--time-limit must be a number of"
                    + " seconds above 0 (e.g. 5 or 0.5), not '" + seconds + "'");
        }
        timeLimit = java.time.Duration.ofNanos(Math.round(seconds * 1e9));
    }

    @Option(names = "--verbose", description = "Show stack traces of unexpected errors.")
    boolean verbose;

    @Option(names = "--cache-dir", paramLabel = "DIR", description = "Where compiled rules are cached (default:"
            + " $VRA_CACHE_DIR, else $XDG_CACHE_HOME/vra, else ~/.cache/vra).")
    Path cacheDir;

    @Option(names = "--no-cache", description = "Compile the rules; neither read nor write the cache.")
    boolean noCache;

    /** The cache folder to use, or null with {@code --no-cache}. */
    public Path cacheFolder() {
        if (noCache) {
            return null;
        }
        return cacheDir != null ? cacheDir : RuleCache.defaultDir(System.getenv());
    }

    /** The rules folders read, not yet compiled (for checking). */
    public RuleSet ruleSet() {
        return RuleSet.read(effectiveFolders(), null);
    }

    /** The folders to use: the given ones, else {@link #defaultFolders()}. */
    public List<Path> effectiveFolders() {
        return folders.isEmpty() ? defaultFolders() : folders;
    }

    /**
     * The folders used without {@code --rules}: ./rules when it is a rules folder, else the rules folder
     * installed with vra (the launcher passes it as {@value #HOME_RULES}), else none: the rules bundled in the jar.
     */
    public static List<Path> defaultFolders() {
        Path local = Path.of("rules");
        if (Files.isRegularFile(local.resolve("scoring.yaml"))) {
            return List.of(local);
        }
        String home = System.getProperty(HOME_RULES);
        if (home != null && !home.isBlank() && Files.isRegularFile(Path.of(home, "scoring.yaml"))) {
            return List.of(Path.of(home));
        }
        return List.of();
    }

    /** A builder with these folders and disabled ids. */
    public VendorRiskAssessor.Builder builder() {
        VendorRiskAssessor.Builder builder = VendorRiskAssessor.builder();
        effectiveFolders().forEach(builder::rules);
        Set<String> ids = new LinkedHashSet<>();
        disabled.forEach(d -> ids.add(d.trim()));
        return builder.disable(ids).cache(cacheFolder()).trustRules(trustRules).timeLimit(timeLimit);
    }
}
