package dev.vendorrisk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code bin/vra} launcher, run by sh (dash on Debian: POSIX only) on a stand-in jar (a {@code main} that prints its
 * arguments): the shaded jar is only built after the tests. Checks which runs write the AppCDS
 * archive, that later runs map it, and that old archives are pruned.
 */
class LauncherTest {
    private static final Path LAUNCHER = Path.of("..", "bin", "vra").toAbsolutePath().normalize();

    @TempDir
    Path dir;
    private Path jar;
    private Path cache;

    @BeforeEach
    void standInJar() throws IOException {
        Path src = Files.createDirectories(dir.resolve("src"));
        Files.writeString(src.resolve("Echo.java"), "public class Echo { public static void main(String[] a) {"
                + " boolean quick = java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()"
                + ".contains(\"-XX:TieredStopAtLevel=1\");"
                + " System.out.println((quick ? \"quick \" : \"full \") + String.join(\" \", a)); } }");
        assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", src.toString(),
                src.resolve("Echo.java").toString())).isZero();
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "Echo");
        jar = dir.resolve("vra.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.putNextEntry(new JarEntry("Echo.class"));
            out.write(Files.readAllBytes(src.resolve("Echo.class")));
            out.closeEntry();
        }
        cache = dir.resolve("cache");
    }

    private String launch(String... args) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(Stream.concat(Stream.of("sh", LAUNCHER.toString()), Stream.of(args))
                .toList()).redirectErrorStream(true);
        pb.environment().put("VRA_JAR", jar.toString());
        pb.environment().put("VRA_CACHE_DIR", cache.toString());
        pb.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        pb.environment().remove("VRA_JAVA_OPTS");
        Process p = pb.start();
        try (OutputStream in = p.getOutputStream()) {
            in.flush();
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    private List<String> archives() throws IOException {
        if (!Files.isDirectory(cache)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(cache)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".jsa")).sorted().toList();
        }
    }

    @Test
    void onlyAnAssessOrTestRunWritesTheArchiveAndLaterRunsUseIt() throws Exception {
        assertThat(launch("--version")).isEqualTo("quick --version\n");
        assertThat(archives()).as("a --version run loads too little to archive").isEmpty();

        assertThat(launch("assess", "x.yaml")).isEqualTo("quick assess x.yaml\n");
        assertThat(archives()).hasSize(1).allMatch(n -> n.startsWith("vra-"));

        assertThat(launch("test")).isEqualTo("quick test\n");
        assertThat(archives()).as("later runs map the archive, they do not write another").hasSize(1);
    }

    @Test
    void aBatchGetsTheFullJitAndAFewFilesTheQuickCompilerOnly() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("vendors"));
        assertThat(launch("assess", "a.yaml", "b.yaml", "--rules", folder.toString(), "-o", "json=" + folder))
                .as("folders given to options are not inputs").startsWith("quick ");
        assertThat(launch("assess", folder.toString())).startsWith("full ");
        assertThat(launch("assess", "-")).startsWith("full ");
        assertThat(launch("assess", "vendors/**/*.yaml")).startsWith("full ");
        assertThat(launch("assess", "--exclude", "*.old.yaml", "a.yaml")).startsWith("quick ");
        String[] many = Stream.concat(Stream.of("assess"), Stream.iterate(0, i -> i + 1).limit(1001).map(i -> i + ".yaml"))
                .toArray(String[]::new);
        assertThat(launch(many)).startsWith("full ");
        assertThat(launch(java.util.Arrays.copyOf(many, 1001))).as("1,000 files").startsWith("quick ");
        assertThat(launch("rules", "check")).startsWith("quick ");
    }

    @Test
    void aWatchWritesNoArchiveAndOnlyAnAssessWatchGetsTheFullJit() throws Exception {
        assertThat(launch("test", "--watch", "-q")).as("the rule tests' watch: the quick compiler")
                .isEqualTo("quick test --watch -q\n");
        assertThat(launch("assess", "--watch", "a.yaml")).isEqualTo("full assess --watch a.yaml\n");
        assertThat(archives()).as("a watch never ends on its own: it writes no archive").isEmpty();
        assertThat(launch("test", "-q")).as("a test run without --watch stays quick").startsWith("quick ");
    }

    @Test
    void onlyTheThreeNewestArchivesAreKept() throws Exception {
        Files.createDirectories(cache);
        Instant now = Instant.now();
        for (int i = 1; i <= 4; i++) {
            Path old = cache.resolve("vra-old" + i + "-x.jsa");
            Files.write(old, new byte[] {1});
            Files.setLastModifiedTime(old, FileTime.from(now.minus(Duration.ofHours(i))));
        }
        Path abandoned = cache.resolve(".vra-1.jsa");
        Files.write(abandoned, new byte[] {1});
        Files.setLastModifiedTime(abandoned, FileTime.from(now.minus(Duration.ofHours(2))));

        launch("assess", "x.yaml");

        assertThat(archives()).hasSize(3).contains("vra-old1-x.jsa", "vra-old2-x.jsa")
                .doesNotContain("vra-old3-x.jsa", "vra-old4-x.jsa");
        assertThat(abandoned).doesNotExist();
    }
}
