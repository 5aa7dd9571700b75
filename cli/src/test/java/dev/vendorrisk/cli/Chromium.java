package dev.vendorrisk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A headless Chromium driven over the Chrome DevTools Protocol with the JDK's own WebSocket client:
 * no driver binary and no extra dependency. One browser per test class; each {@link Tab} is a fresh
 * page with its console, errors and network requests recorded.
 */
final class Chromium implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
    static final String REQUIRED = "vra.browser.required";

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final Map<String, Consumer<JsonNode>> sessions = new ConcurrentHashMap<>();
    private final List<String> browserLog = java.util.Collections.synchronizedList(new ArrayList<>());

    /**
     * The Chromium binary: {@code -Dvra.chromium=PATH}, {@code $CHROME_BIN}, or the usual Debian paths. When there is
     * none the calling test is skipped with a message, or fails when {@code -Dvra.browser.required=true}.
     */
    static Path binaryOrSkip() {
        List<String> candidates = new ArrayList<>();
        if (System.getProperty("vra.chromium") != null) {
            candidates.add(System.getProperty("vra.chromium"));
        }
        if (System.getenv("CHROME_BIN") != null) {
            candidates.add(System.getenv("CHROME_BIN"));
        }
        candidates.addAll(List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"));
        for (String c : candidates) {
            Path p = Path.of(c);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        String message = "no Chromium found (tried " + String.join(", ", candidates) + "); install it (Debian:"
                + " apt-get install -y chromium) or pass -Dvra.chromium=PATH";
        if (Boolean.getBoolean(REQUIRED)) {
            throw new AssertionError(message + "; -D" + REQUIRED + "=true makes the browser tests mandatory");
        }
        Assumptions.abort("browser tests skipped: " + message + "; -D" + REQUIRED + "=true makes this a failure");
        return null;
    }

    Chromium(Path binary) throws Exception {
        profile = Files.createTempDirectory("vra-chromium-");
        process = new ProcessBuilder(binary.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
                "--disable-default-apps", "--disable-extensions", "--disable-sync", "--no-first-run",
                "--no-default-browser-check", "--metrics-recording-only", "--mute-audio", "--hide-scrollbars",
                "--remote-allow-origins=*", "--remote-debugging-port=0", "--user-data-dir=" + profile,
                "about:blank").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        String url = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String line;
        while (url == null && System.nanoTime() < deadline && (line = err.readLine()) != null) {
            browserLog.add(line);
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                url = m.group(1);
            }
        }
        if (url == null) {
            process.destroyForcibly();
            throw new IOException("Chromium did not start its DevTools endpoint; its output:\n"
                    + String.join("\n", browserLog));
        }
        Thread drain = new Thread(() -> {
            try {
                String l;
                while ((l = err.readLine()) != null) {
                    browserLog.add(l);
                }
            } catch (IOException e) {
                // the browser went away
            }
        }, "chromium-stderr");
        drain.setDaemon(true);
        drain.start();
        socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(url), new Listener())
                .get(30, TimeUnit.SECONDS);
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                String message = text.toString();
                text.setLength(0);
                try {
                    dispatch(JSON.readTree(message));
                } catch (IOException e) {
                    browserLog.add("unreadable DevTools message: " + e);
                }
            }
            ws.request(1);
            return null;
        }
    }

    private void dispatch(JsonNode message) {
        if (message.has("id")) {
            CompletableFuture<JsonNode> f = pending.remove(message.get("id").asInt());
            if (f != null) {
                if (message.has("error")) {
                    f.completeExceptionally(new IOException("DevTools error: " + message.get("error")));
                } else {
                    f.complete(message.get("result"));
                }
            }
        } else if (message.has("sessionId")) {
            Consumer<JsonNode> s = sessions.get(message.get("sessionId").asText());
            if (s != null) {
                s.accept(message);
            }
        }
    }

    /** Sends a DevTools command (to the browser when {@code session} is null) and waits for its result. */
    JsonNode send(String session, String method, Map<String, ?> params, int timeoutSeconds) {
        int id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode();
        message.put("id", id);
        message.put("method", method);
        message.set("params", JSON.valueToTree(params));
        if (session != null) {
            message.put("sessionId", session);
        }
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        pending.put(id, f);
        try {
            socket.sendText(message.toString(), true).get(30, TimeUnit.SECONDS);
            return f.get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(method + " failed: " + e.getMessage(), e);
        }
    }

    /** A new page; {@code scripts} false loads every page of this tab with JavaScript disabled. */
    Tab open(boolean scripts) {
        String target = send(null, "Target.createTarget", Map.of("url", "about:blank"), 30).get("targetId").asText();
        String session = send(null, "Target.attachToTarget", Map.of("targetId", target, "flatten", true), 30)
                .get("sessionId").asText();
        Tab tab = new Tab(target, session);
        sessions.put(session, tab::event);
        tab.call("Runtime.enable", Map.of());
        tab.call("Log.enable", Map.of());
        tab.call("Network.enable", Map.of());
        tab.call("Page.enable", Map.of());
        tab.call("Emulation.setDeviceMetricsOverride", Map.of("width", 1280, "height", 1600, "deviceScaleFactor", 1,
                "mobile", false));
        if (!scripts) {
            tab.call("Emulation.setScriptExecutionDisabled", Map.of("value", true));
        }
        return tab;
    }

    /** One page: what it logged, threw and requested, recorded from the moment it opened. */
    final class Tab implements AutoCloseable {
        private final String target;
        private final String session;
        final List<String> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        final List<String> requests = java.util.Collections.synchronizedList(new ArrayList<>());
        private volatile CompletableFuture<Void> loaded = new CompletableFuture<>();

        private Tab(String target, String session) {
            this.target = target;
            this.session = session;
        }

        private void event(JsonNode m) {
            String method = m.path("method").asText();
            JsonNode p = m.path("params");
            switch (method) {
                case "Runtime.consoleAPICalled" -> {
                    String type = p.path("type").asText();
                    if (type.equals("error") || type.equals("warning") || type.equals("assert")) {
                        errors.add("console." + type + ": " + p.path("args"));
                    }
                }
                case "Runtime.exceptionThrown" -> errors.add("exception: " + p.path("exceptionDetails"));
                case "Log.entryAdded" -> {
                    String level = p.path("entry").path("level").asText();
                    if (level.equals("error") || level.equals("warning")) {
                        errors.add("log." + level + ": " + p.path("entry").path("text").asText() + " "
                                + p.path("entry").path("url").asText());
                    }
                }
                case "Network.requestWillBeSent" -> requests.add(p.path("request").path("url").asText());
                case "Page.loadEventFired" -> loaded.complete(null);
                default -> {
                }
            }
        }

        JsonNode call(String method, Map<String, ?> params) {
            return send(session, method, params, 600);
        }

        /** Loads {@code file} and waits for its load event; returns the milliseconds it took. */
        long load(Path file) {
            loaded = new CompletableFuture<>();
            long start = System.nanoTime();
            call("Page.navigate", Map.of("url", file.toUri().toString()));
            try {
                loaded.get(600, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("no load event for " + file + ": " + e, e);
            }
            return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        }

        /** Evaluates a JavaScript expression in the page (works with page scripts disabled too) and returns its JSON value. */
        JsonNode eval(String expression) {
            JsonNode r = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
            if (r.has("exceptionDetails")) {
                throw new IllegalStateException("evaluating " + expression + ": " + r.get("exceptionDetails"));
            }
            return r.path("result").path("value");
        }

        /** The page printed to PDF, as "print to PDF" in the browser does with its print style sheet. */
        byte[] pdf() {
            JsonNode r = call("Page.printToPDF", Map.of("printBackground", true, "preferCSSPageSize", true));
            return Base64.getDecoder().decode(r.get("data").asText());
        }

        /** The visible part of the page as PNG. */
        byte[] screenshot() {
            return Base64.getDecoder().decode(call("Page.captureScreenshot", Map.of("format", "png")).get("data").asText());
        }

        @Override
        public void close() {
            sessions.remove(session);
            send(null, "Target.closeTarget", Map.of("targetId", target), 30);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            send(null, "Browser.close", Map.of(), 10);
        } catch (RuntimeException e) {
            // killed below anyway
        }
        socket.abort();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> walk = Files.walk(profile)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
