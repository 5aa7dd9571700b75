import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Save-to-result benchmark of {@code vra test --watch} (run by bench/watch.sh): starts the watch through
 * the launcher on a copy of the project's rules and tests, then SAVES times saves a rule file (two
 * versions in turn: a rule's title changed and back) and measures from the moment the file is written to
 * the moment the new result line ({@code N passed, M failed}) appears on the watch's standard output.
 * Then the same for saving a test file. Prints each time, the median and the 90th percentile.
 *
 * <p>Usage: java bench/WatchBench.java LAUNCHER RULES_COPY SAVES
 */
public class WatchBench {
    private static final Pattern RESULT = Pattern.compile("^\\d+ passed, \\d+ failed$");
    private static final Pattern STATUS = Pattern.compile("watch: (?:first run|re-ran) in (\\d+) ms");

    public static void main(String[] args) throws Exception {
        Path launcher = Path.of(args[0]);
        Path rules = Path.of(args[1]);
        int saves = Integer.parseInt(args[2]);
        BlockingQueue<Long> results = new LinkedBlockingQueue<>();
        List<Long> inside = Collections.synchronizedList(new ArrayList<>());

        ProcessBuilder pb = new ProcessBuilder(launcher.toString(), "test", "--watch", "-q", "--rules", rules.toString());
        Process watch = pb.start();
        Thread stdout = lines(watch.getInputStream(), line -> {
            if (RESULT.matcher(line).matches()) {
                results.add(System.nanoTime());
            }
        });
        Thread stderr = lines(watch.getErrorStream(), line -> {
            Matcher m = STATUS.matcher(line);
            if (m.find()) {
                inside.add(Long.parseLong(m.group(1)));
            } else if (!line.startsWith("watch: ")) {
                System.err.println("  watch says: " + line);
            }
        });
        long start = System.nanoTime();
        Long first = results.poll(300, TimeUnit.SECONDS);
        if (first == null) {
            watch.destroy();
            throw new IllegalStateException("the watch printed no result within 300 s");
        }
        System.out.printf(Locale.ROOT, "first run (JVM start, compile all rules, run all tests): %d ms%n",
                (first - start) / 1_000_000);
        Thread.sleep(500);

        Path drl = rules.resolve("support.drl");
        String a = Files.readString(drl);
        String b = a.replace("@title(\"Support cannot be reached by phone or chat\")",
                "@title(\"Support cannot be reached by phone or chat (edited)\")");
        if (a.equals(b)) {
            throw new IllegalStateException("support.drl no longer has the title this benchmark edits");
        }
        List<Long> ruleSaves = measure(saves, results, drl, a, b);
        Path test = rules.resolve("tests/support.yaml");
        String t = Files.readString(test);
        List<Long> testSaves = measure(Math.max(3, saves / 2), results, test, t, t + "\n# edited\n");

        watch.destroy(); // SIGTERM: the watch stops as on Ctrl-C
        boolean ended = watch.waitFor(30, TimeUnit.SECONDS);
        stdout.join(1000);
        stderr.join(1000);
        report("save a rule file -> result on screen", ruleSaves);
        report("save a test file -> result on screen", testSaves);
        List<Long> in = new ArrayList<>(inside.subList(1, inside.size()));
        report("inside vra (change seen -> result printed)", in);
        System.out.println("watch ended on SIGTERM: " + (ended ? "yes, exit code " + watch.exitValue() : "no"));
    }

    private static List<Long> measure(int saves, BlockingQueue<Long> results, Path file, String a, String b)
            throws IOException, InterruptedException {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < saves; i++) {
            results.clear();
            long t0 = System.nanoTime();
            Files.writeString(file, i % 2 == 0 ? b : a);
            Long t1 = results.poll(120, TimeUnit.SECONDS);
            if (t1 == null) {
                throw new IllegalStateException("no result within 120 s after saving " + file);
            }
            times.add((t1 - t0) / 1_000_000);
            Thread.sleep(300); // the next save comes a moment later, as an author's would
        }
        return times;
    }

    private static void report(String what, List<Long> ms) {
        List<Long> sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        long median = sorted.get(sorted.size() / 2);
        long p90 = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.9) - 1));
        System.out.printf(Locale.ROOT, "%-44s median %5d ms, p90 %5d ms, min %5d, max %5d (%d saves: %s)%n", what, median,
                p90, sorted.get(0), sorted.get(sorted.size() - 1), ms.size(), ms);
    }

    private static Thread lines(java.io.InputStream in, java.util.function.Consumer<String> each) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    each.accept(line);
                }
            } catch (IOException e) {
                // the watch ended
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
    }
}
