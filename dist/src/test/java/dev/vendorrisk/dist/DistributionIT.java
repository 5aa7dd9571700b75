package dev.vendorrisk.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archive as a user gets it: unpacked into a temporary folder, run through a symlink on PATH
 * from another working directory (no rules/ there), with Java found through JAVA_HOME.
 */
class DistributionIT {
    private static final Path ARCHIVE = Path.of(System.getProperty("vra.archive"));
    private static final Path ZIP = Path.of(System.getProperty("vra.zip"));
    private static final String VERSION = System.getProperty("vra.version");
    private static final Path ROOT = Path.of(System.getProperty("vra.root")).toAbsolutePath().normalize();

    @TempDir
    static Path tmp;
    private static Path home;
    private static Path onPath;
    private static Path elsewhere;

    record Run(int exitCode, String out, String err) {
    }

    @BeforeAll
    static void unpack() throws Exception {
        assertThat(ARCHIVE).exists();
        Path unpacked = Files.createDirectories(tmp.resolve("opt"));
        Process tar = new ProcessBuilder("tar", "-xzf", ARCHIVE.toString(), "-C", unpacked.toString())
                .redirectErrorStream(true).start();
        assertThat(tar.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(tar.exitValue()).as(new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
        home = unpacked.resolve("vra-" + VERSION);
        onPath = Files.createDirectories(tmp.resolve("path"));
        Files.createSymbolicLink(onPath.resolve("vra"), home.resolve("bin/vra"));
        elsewhere = Files.createDirectories(tmp.resolve("work"));
    }

    /** Runs a shell command line in {@code dir} with the environment a user would have after installing. */
    private static Run sh(Path dir, Map<String, String> env, String command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", command).directory(dir.toFile());
        Map<String, String> e = pb.environment();
        e.remove("JAVA");
        e.remove("VRA_JAR");
        e.remove("VRA_JAVA_OPTS");
        e.put("PATH", onPath + ":" + System.getenv("PATH"));
        e.put("JAVA_HOME", System.getProperty("java.home"));
        e.put("VRA_CACHE_DIR", tmp.resolve("cache").toString());
        env.forEach((k, v) -> {
            if (v == null) {
                e.remove(k);
            } else {
                e.put(k, v);
            }
        });
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        p.getOutputStream().close();
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).as(command).isTrue();
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static Run vra(String args) throws IOException, InterruptedException {
        return sh(elsewhere, Map.of(), "vra " + args);
    }

    @Test
    void theArchivesHoldTheLauncherTheJarTheRulesTheValidSamplesAndTheNotices() throws IOException {
        assertThat(home.resolve("bin/vra")).isRegularFile();
        assertThat(Files.getPosixFilePermissions(home.resolve("bin/vra"))).contains(PosixFilePermission.OWNER_EXECUTE,
                PosixFilePermission.OTHERS_EXECUTE);
        assertThat(Files.readString(home.resolve("bin/vra")))
                .as("the repository's launcher, byte for byte").isEqualTo(Files.readString(ROOT.resolve("bin/vra")));
        assertThat(Files.readString(home.resolve("bin/vra.cmd"))).contains("\r\n").contains("-Dvra.launcher=1");
        assertThat(home.resolve("lib/vra.jar")).isRegularFile();
        assertThat(home.resolve("rules/scoring.yaml")).isRegularFile();
        assertThat(home.resolve("rules/tests")).isDirectoryContaining("glob:**.yaml");
        assertThat(home.resolve("samples")).isDirectoryContaining("glob:**.yaml");
        assertThat(home.resolve("samples/invalid")).doesNotExist();
        assertThat(Files.readString(home.resolve("THIRD-PARTY.txt"))).contains("org.drools:drools-core")
                .contains("info.picocli:picocli").containsIgnoringCase("apache");
        assertThat(Files.readString(home.resolve("NOTICE"))).contains(VERSION).contains("THIRD-PARTY.txt");
        if (Files.exists(ROOT.resolve("LICENSE"))) {
            assertThat(home.resolve("LICENSE")).hasSameTextualContentAs(ROOT.resolve("LICENSE"));
        }

        Set<String> inTar = new TreeSet<>();
        try (Stream<Path> files = Files.walk(home)) {
            files.filter(Files::isRegularFile).forEach(f -> inTar.add(home.relativize(f).toString()));
        }
        Set<String> inZip = new TreeSet<>();
        try (ZipFile zip = new ZipFile(ZIP.toFile())) {
            zip.stream().filter(z -> !z.isDirectory())
                    .forEach(z -> inZip.add(z.getName().substring(("vra-" + VERSION + "/").length())));
        }
        assertThat(inZip).as("the zip holds the same files").isEqualTo(inTar);
    }

    @Test
    void assessesTheSamplesFromAnotherFolder() throws Exception {
        Run r = vra("assess " + home.resolve("samples"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("pbx-incident.yaml").contains("well-run-msp.yaml").containsPattern("(?i)rating");
        assertThat(r.err()).as("the launcher's run gets no hint to use the launcher").doesNotContain("hint");

        Run json = vra("assess -f json " + home.resolve("samples/pbx-incident.yaml"));
        assertThat(json.exitCode()).isZero();
        assertThat(json.out()).contains("\"rating\"");
    }

    @Test
    void runsTheInstalledRuleTestsAndChecksTheInstalledRules() throws Exception {
        Run test = vra("test -q");
        assertThat(test.exitCode()).as(test.out() + test.err()).isZero();
        assertThat(test.out()).containsPattern("[1-9]\\d* passed, 0 failed");

        Run check = vra("rules check");
        assertThat(check.exitCode()).as(check.err()).isZero();
        assertThat(check.out()).startsWith("OK: ");

        Run version = vra("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).contains("vra " + VERSION).contains("rules: " + home.resolve("rules"))
                .containsPattern("hash [0-9a-f]{12}").contains("java: ");
    }

    @Test
    void theInstalledRulesAreTheDefaultAndAnEditShows() throws Exception {
        // a copy of the installation, so the other tests keep the pristine rules
        Path copy = tmp.resolve("copy");
        Process cp = new ProcessBuilder("cp", "-R", home.toString(), copy.toString()).start();
        assertThat(cp.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Path drl = copy.resolve("rules/support.drl");
        Files.writeString(drl, Files.readString(drl).replaceFirst("rule \"", "rule broken \""));
        Run r = sh(elsewhere, Map.of(), "'" + copy.resolve("bin/vra") + "' rules check");
        assertThat(r.exitCode()).as(r.out()).isEqualTo(2);
        assertThat(r.err()).contains(copy.resolve("rules/support.drl").toString());
    }

    @Test
    void aRulesFolderInTheWorkingDirectoryWinsOverTheInstalledOne() throws Exception {
        Path project = Files.createDirectories(tmp.resolve("project"));
        Process cp = new ProcessBuilder("cp", "-R", home.resolve("rules").toString(), project.resolve("rules").toString())
                .start();
        assertThat(cp.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Run r = sh(project, Map.of(), "vra --version");
        assertThat(r.out()).contains("rules: rules (");
    }

    @Test
    void withoutJavaItSaysWhatToInstall() throws Exception {
        // a PATH with the tools the launcher uses, but no java
        Path tools = Files.createDirectories(tmp.resolve("tools"));
        for (String tool : List.of("dirname", "readlink", "sed", "stat", "tr")) {
            Run which = sh(elsewhere, Map.of(), "command -v " + tool);
            Files.createSymbolicLink(tools.resolve(tool), Path.of(which.out().strip()));
        }
        Map<String, String> noJava = new java.util.HashMap<>();
        noJava.put("JAVA_HOME", null);
        noJava.put("PATH", tools.toString());
        Run r = sh(elsewhere, noJava, "'" + onPath.resolve("vra") + "' assess x.yaml");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("vra: no Java found").contains("Java 17 or newer").contains("JAVA_HOME")
                .contains("openjdk-17-jre-headless");

        Run badHome = sh(elsewhere, Map.of("JAVA_HOME", tmp.resolve("nowhere").toString()), "vra --version");
        assertThat(badHome.exitCode()).isEqualTo(2);
        assertThat(badHome.err()).contains("JAVA_HOME is " + tmp.resolve("nowhere")).contains("Java 17");
    }

    @Test
    void withAnOldJavaItSaysWhichVersionIsNeeded() throws Exception {
        Path jdk = Files.createDirectories(tmp.resolve("jdk-11/bin"));
        Files.writeString(jdk.resolve("java"), "#!/bin/sh\necho 'should not run' >&2\nexit 9\n");
        Files.setPosixFilePermissions(jdk.resolve("java"), java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(jdk.getParent().resolve("release"), "JAVA_VERSION=\"11.0.22\"\nJAVA_RUNTIME_VERSION=\"11.0.22+7\"\n");
        Run r = sh(elsewhere, Map.of("JAVA_HOME", jdk.getParent().toString()), "vra --version");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("is Java 11.0.22+7; vra needs Java 17 or newer").doesNotContain("should not run");

        Files.writeString(jdk.getParent().resolve("release"), "JAVA_VERSION=\"1.8.0_402\"\n");
        Run eight = sh(elsewhere, Map.of("JAVA_HOME", jdk.getParent().toString()), "vra --version");
        assertThat(eight.exitCode()).isEqualTo(2);
        assertThat(eight.err()).contains("is Java 1.8.0_402; vra needs Java 17 or newer");
    }

    @Test
    void runsWhenTheInstallationPathHasSpaces() throws Exception {
        Path spaced = tmp.resolve("my apps");
        Process cp = new ProcessBuilder("cp", "-R", home.toString(), spaced.toString()).start();
        assertThat(cp.waitFor(60, TimeUnit.SECONDS)).isTrue();
        List<String> cmd = new ArrayList<>(List.of("'" + spaced.resolve("bin/vra") + "'", "--version"));
        Run r = sh(elsewhere, Map.of(), String.join(" ", cmd));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("rules: " + spaced.resolve("rules"));
    }
}
