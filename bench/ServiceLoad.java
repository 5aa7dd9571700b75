import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Load and abuse of the decision service, run by bench/service-load.sh against a service on loopback.
 *
 * <pre>
 * java bench/ServiceLoad.java load URL KEY REPOSITORY CLIENTS SECONDS   mixed traffic, checks every answer
 * java bench/ServiceLoad.java slow URL KEY SLOW_CLIENTS                  bodies sent byte by byte
 * java bench/ServiceLoad.java timeout URL KEY REPOSITORY REQUESTS        with a tiny vra.assessment-timeout
 * </pre>
 *
 * Prints one line per figure ("name: value") and exits 1 when an answer was not the expected one.
 */
public final class ServiceLoad {
    /** One kind of request: what is sent and the status it must get. */
    record Kind(String name, String contentType, byte[] body, String path, int expected, String mustContain) {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "load" -> System.exit(load(URI.create(args[1]), args[2], Path.of(args[3]), Integer.parseInt(args[4]),
                    Integer.parseInt(args[5])));
            case "slow" -> System.exit(slow(URI.create(args[1]), args[2], Integer.parseInt(args[3])));
            case "timeout" -> System.exit(timeout(URI.create(args[1]), args[2], Path.of(args[3]), Integer.parseInt(args[4])));
            default -> throw new IllegalArgumentException("unknown mode '" + args[0] + "'; use load, slow or timeout");
        }
    }

    /** The mix: valid YAML and JSON profiles, a batch, invalid profiles, oversize bodies and a wrong media type. */
    static List<Kind> kinds(Path root) throws IOException {
        List<byte[]> valid = new ArrayList<>();
        try (var files = Files.list(root.resolve("samples"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                valid.add(Files.readAllBytes(p));
            }
        }
        byte[] invalid = Files.readAllBytes(root.resolve("examples/invalid/typos-and-types.yaml"));
        byte[] notYaml = Files.readAllBytes(root.resolve("examples/invalid/not-yaml.yaml"));
        StringBuilder batch = new StringBuilder();
        for (byte[] v : valid) {
            batch.append("---\n").append(new String(v, StandardCharsets.UTF_8)).append('\n');
        }
        byte[] oversize = new byte[(1 << 20) + 4096];
        Arrays.fill(oversize, (byte) '#');
        String json = "{\"schemaVersion\": 1, \"vendor\": {\"id\": \"json-vendor\", \"name\": \"JSON Vendor\"},"
                + " \"company\": {\"staffCount\": 3}, \"assessment\": {\"assessedOn\": \"2026-11-01\"}}";
        List<Kind> kinds = new ArrayList<>();
        for (int i = 0; i < valid.size(); i++) {
            kinds.add(new Kind("valid-yaml", "application/yaml", valid.get(i), "/assessments", 200, "\"rating\""));
        }
        kinds.add(new Kind("valid-json", "application/json", json.getBytes(StandardCharsets.UTF_8), "/assessments", 200,
                "\"json-vendor\""));
        kinds.add(new Kind("batch", "application/yaml", batch.toString().getBytes(StandardCharsets.UTF_8),
                "/assessments/batch", 200, "\"portfolio\""));
        kinds.add(new Kind("invalid", "application/yaml", invalid, "/assessments", 400, "did you mean 'support'?"));
        kinds.add(new Kind("not-yaml", "application/yaml", notYaml, "/assessments", 400, "\"errors\""));
        kinds.add(new Kind("oversize", "application/yaml", oversize, "/assessments", 413, "vra.max-body-bytes"));
        kinds.add(new Kind("wrong-type", "text/plain", valid.get(0), "/assessments", 415, "send one of"));
        return kinds;
    }

    static int load(URI base, String key, Path samples, int clients, int seconds) throws Exception {
        List<Kind> kinds = kinds(samples);
        // weights: valid 5 x 10 + json 8 + batch 4 + invalid 10 + not-yaml 4 + oversize 4 + wrong type 4 (of 84)
        int[] weights = new int[kinds.size()];
        for (int i = 0; i < kinds.size(); i++) {
            weights[i] = switch (kinds.get(i).name()) {
                case "valid-yaml" -> 10;
                case "valid-json" -> 8;
                case "invalid" -> 10;
                default -> 4;
            };
        }
        int total = Arrays.stream(weights).sum();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(30)).build();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        Map<String, LongAdder> counts = new ConcurrentHashMap<>();
        Map<String, LongAdder> wrong = new ConcurrentHashMap<>();
        List<String> examples = new ArrayList<>();
        long[][] latencies = new long[clients][];
        int[] sizes = new int[clients];
        CountDownLatch done = new CountDownLatch(clients);
        AtomicInteger started = new AtomicInteger();
        for (int c = 0; c < clients; c++) {
            int client = c;
            latencies[c] = new long[1024];
            Thread t = new Thread(null, () -> {
                Random random = new Random(client);
                started.incrementAndGet();
                try {
                    while (System.nanoTime() < end) {
                        int pick = random.nextInt(total);
                        int k = 0;
                        while (pick >= weights[k]) {
                            pick -= weights[k++];
                        }
                        Kind kind = kinds.get(k);
                        HttpRequest request = HttpRequest.newBuilder(base.resolve(kind.path() + "?name=c" + client))
                                .timeout(Duration.ofSeconds(120))
                                .header("Content-Type", kind.contentType()).header("X-API-Key", key)
                                .POST(HttpRequest.BodyPublishers.ofByteArray(kind.body())).build();
                        long t0 = System.nanoTime();
                        String outcome;
                        try {
                            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                            boolean ok = response.statusCode() == kind.expected() && response.body().contains(kind.mustContain());
                            outcome = kind.name() + " " + response.statusCode() + (ok ? "" : " UNEXPECTED");
                            if (!ok) {
                                synchronized (examples) {
                                    if (examples.size() < 5) {
                                        examples.add(outcome + ": " + response.body().substring(0, Math.min(300, response.body().length())));
                                    }
                                }
                            }
                        } catch (IOException e) {
                            outcome = kind.name() + " " + e.getClass().getSimpleName() + " UNEXPECTED";
                            synchronized (examples) {
                                if (examples.size() < 5) {
                                    examples.add(outcome + ": " + e.getMessage());
                                }
                            }
                        }
                        long micros = (System.nanoTime() - t0) / 1000;
                        counts.computeIfAbsent(outcome, x -> new LongAdder()).increment();
                        if (outcome.endsWith("UNEXPECTED")) {
                            wrong.computeIfAbsent(kind.name(), x -> new LongAdder()).increment();
                        }
                        if (sizes[client] == latencies[client].length) {
                            latencies[client] = Arrays.copyOf(latencies[client], sizes[client] * 2);
                        }
                        latencies[client][sizes[client]++] = micros;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            }, "client-" + c, 256 * 1024);
            t.setDaemon(true);
            t.start();
        }
        long t0 = System.nanoTime();
        done.await();
        double wall = (System.nanoTime() - t0) / 1e9;
        int n = Arrays.stream(sizes).sum();
        long[] all = new long[n];
        int at = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(latencies[c], 0, all, at, sizes[c]);
            at += sizes[c];
        }
        Arrays.sort(all);
        System.out.printf("clients: %d%nseconds: %.1f%nrequests: %d%nthroughput: %.0f requests/s%n", clients, wall, n, n / wall);
        System.out.printf("latency p50: %d ms%nlatency p90: %d ms%nlatency p99: %d ms%nlatency max: %d ms%n",
                pct(all, 50), pct(all, 90), pct(all, 99), all.length == 0 ? 0 : all[all.length - 1] / 1000);
        new TreeMap<>(counts).forEach((k, v) -> System.out.println("answer " + k + ": " + v.sum()));
        long bad = wrong.values().stream().mapToLong(LongAdder::sum).sum();
        System.out.println("unexpected answers: " + bad);
        examples.forEach(e -> System.out.println("  e.g. " + e));
        return bad == 0 && n > 0 ? 0 : 1;
    }

    private static long pct(long[] sorted, int p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * p / 100.0) - 1)] / 1000;
    }

    /**
     * Slow clients: each sends a request's headers and then its body one byte every 200 ms; meanwhile
     * normal requests are timed. Every slow client must be cut off (408 or the connection closed) and
     * the normal requests must keep succeeding.
     */
    static int slow(URI base, String key, int slowClients) throws Exception {
        AtomicInteger cut = new AtomicInteger();
        AtomicInteger answered408 = new AtomicInteger();
        AtomicLong slowest = new AtomicLong();
        CountDownLatch done = new CountDownLatch(slowClients);
        for (int i = 0; i < slowClients; i++) {
            Thread t = new Thread(() -> {
                long t0 = System.nanoTime();
                try (Socket socket = new Socket(base.getHost(), base.getPort())) {
                    socket.setSoTimeout(120_000);
                    OutputStream out = socket.getOutputStream();
                    out.write(("POST /assessments HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/yaml\r\n"
                            + "X-API-Key: " + key + "\r\nContent-Length: 5000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    Thread reader = new Thread(() -> {
                        try {
                            InputStream in = socket.getInputStream();
                            byte[] head = in.readNBytes(12);
                            if (new String(head, StandardCharsets.US_ASCII).startsWith("HTTP/1.1 408")) {
                                answered408.incrementAndGet();
                            }
                            while (in.read() >= 0) {
                                // drain until closed
                            }
                        } catch (IOException e) {
                            // closed
                        }
                    });
                    reader.setDaemon(true);
                    reader.start();
                    try {
                        for (int b = 0; b < 5000 && reader.isAlive(); b++) {
                            out.write('#');
                            out.flush();
                            Thread.sleep(200);
                        }
                    } catch (IOException e) {
                        // cut off
                    }
                    reader.join(60_000);
                    if (!reader.isAlive()) {
                        cut.incrementAndGet();
                    }
                } catch (IOException | InterruptedException e) {
                    cut.incrementAndGet();
                } finally {
                    slowest.accumulateAndGet((System.nanoTime() - t0) / 1_000_000, Math::max);
                    done.countDown();
                }
            });
            t.setDaemon(true);
            t.start();
        }
        HttpClient http = HttpClient.newHttpClient();
        List<Long> normal = new ArrayList<>();
        int failed = 0;
        Thread.sleep(1000);
        while (done.getCount() > 0) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/rules/STAFF-001"))
                    .header("X-API-Key", key).build(), HttpResponse.BodyHandlers.ofString());
            normal.add((System.nanoTime() - t0) / 1_000_000);
            failed += r.statusCode() == 200 ? 0 : 1;
            Thread.sleep(100);
        }
        done.await();
        long[] sorted = normal.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("slow clients: %d%nslow clients cut off: %d (408 answers: %d)%nslowest cut-off: %.1f s%n",
                slowClients, cut.get(), answered408.get(), slowest.get() / 1000.0);
        System.out.printf("normal requests meanwhile: %d, failed: %d, latency max: %d ms, median: %d ms%n",
                sorted.length, failed, sorted.length == 0 ? 0 : sorted[sorted.length - 1],
                sorted.length == 0 ? 0 : sorted[sorted.length / 2]);
        return cut.get() == slowClients && failed == 0 && sorted.length > 0 ? 0 : 1;
    }

    /** Requests against a service started with a tiny time limit: 503 naming the profile, and still healthy after. */
    static int timeout(URI base, String key, Path samples, int requests) throws Exception {
        byte[] profile = Files.readAllBytes(samples.resolve("samples/many-unknowns.yaml"));
        HttpClient http = HttpClient.newHttpClient();
        Map<Integer, Integer> statuses = new TreeMap<>();
        String example = null;
        int wrong = 0;
        for (int i = 0; i < requests; i++) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/assessments?name=slow-" + i + ".yaml"))
                    .header("Content-Type", "application/yaml").header("X-API-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(profile)).build(), HttpResponse.BodyHandlers.ofString());
            statuses.merge(r.statusCode(), 1, Integer::sum);
            if (r.statusCode() == 503) {
                if (!r.body().contains("slow-" + i + ".yaml")) { // the library's limit names the rule and the profile
                    wrong++;
                }
                example = r.body();
            } else if (r.statusCode() != 200) {
                wrong++;
            }
        }
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(base.resolve("/q/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
        System.out.println("answers: " + statuses);
        System.out.println("503 example: " + example);
        System.out.println("health after: " + health.statusCode());
        return wrong == 0 && statuses.getOrDefault(503, 0) > 0 && health.statusCode() == 200 ? 0 : 1;
    }
}
