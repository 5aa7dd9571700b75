package dev.vendorrisk.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Headless Chromium driven through chromedriver's W3C WebDriver protocol, spoken directly with the JDK's
 * HTTP client (a few calls need no client library). Tests are skipped, saying why, when Chromium or
 * chromedriver is missing, unless {@code -Dvra.browser.required=true}, which makes that a failure.
 * Debian: {@code apt-get install chromium chromium-driver}.
 */
final class Browser implements AutoCloseable {
    private static final Path CHROMIUM = Path.of(System.getProperty("vra.chromium", "/usr/bin/chromium"));
    private static final Path DRIVER = Path.of(System.getProperty("vra.chromedriver", "/usr/bin/chromedriver"));
    private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process driver;
    private final URI base;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String session;

    /** Skips the calling test when there is no browser, or fails it when one is required. */
    static void assumeAvailable() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER)) {
            return;
        }
        String why = "no headless browser: " + CHROMIUM + " and " + DRIVER + " are needed (Debian: apt-get install"
                + " chromium chromium-driver; or -Dvra.chromium=... -Dvra.chromedriver=...)";
        if (Boolean.getBoolean("vra.browser.required")) {
            Assertions.fail(why + "; -Dvra.browser.required=true makes this a failure");
        }
        Assumptions.abort(why);
    }

    /** A new browser; {@code scripts} false starts it with JavaScript disabled. */
    static Browser start(boolean scripts) throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path log = Path.of("target", "chromedriver-" + port + ".log");
        Process p = new ProcessBuilder(DRIVER.toString(), "--port=" + port).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            return new Browser(p, URI.create("http://127.0.0.1:" + port), scripts);
        } catch (IOException | RuntimeException | InterruptedException | Error e) {
            p.destroyForcibly();
            throw e;
        }
    }

    private Browser(Process driver, URI base, boolean scripts) throws IOException, InterruptedException {
        this.driver = driver;
        this.base = base;
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                if (call("GET", "/status", null).path("value").path("ready").asBoolean()) {
                    break;
                }
            } catch (IOException e) {
                if (System.nanoTime() > until) {
                    throw e;
                }
            }
            Thread.sleep(100);
        }
        ObjectNode options = JSON.createObjectNode();
        options.put("binary", CHROMIUM.toString());
        options.putArray("args").add("--headless=new").add("--no-sandbox").add("--disable-gpu")
                .add("--disable-dev-shm-usage").add("--window-size=1280,1024");
        if (!scripts) {
            options.putObject("prefs").put("profile.managed_default_content_settings.javascript", 2);
        }
        ObjectNode always = JSON.createObjectNode();
        always.put("browserName", "chrome");
        always.set("goog:chromeOptions", options);
        always.putObject("goog:loggingPrefs").put("browser", "ALL").put("performance", "ALL");
        ObjectNode capabilities = JSON.createObjectNode();
        capabilities.putObject("capabilities").set("alwaysMatch", always);
        this.session = call("POST", "/session", capabilities).path("value").path("sessionId").asText();
        call("POST", "/session/" + session + "/timeouts", Map.of("implicit", 30_000, "pageLoad", 120_000, "script", 30_000));
    }

    void open(String url) throws IOException, InterruptedException {
        call("POST", path("/url"), Map.of("url", url));
    }

    /** The element the selector finds first, waiting for it up to 30 s. */
    String find(String css) throws IOException, InterruptedException {
        return call("POST", path("/element"), Map.of("using", "css selector", "value", css)).path("value").path(ELEMENT).asText();
    }

    int count(String css) throws IOException, InterruptedException {
        return call("POST", path("/elements"), Map.of("using", "css selector", "value", css)).path("value").size();
    }

    String text(String element) throws IOException, InterruptedException {
        return call("GET", path("/element/" + element + "/text"), null).path("value").asText();
    }

    String attribute(String element, String name) throws IOException, InterruptedException {
        return call("GET", path("/element/" + element + "/attribute/" + name), null).path("value").asText();
    }

    /** Types into a field; for a file input, the text is a file's path. */
    void type(String element, String text) throws IOException, InterruptedException {
        call("POST", path("/element/" + element + "/value"), Map.of("text", text));
    }

    void click(String element) throws IOException, InterruptedException {
        call("POST", path("/element/" + element + "/click"), Map.of());
    }

    JsonNode script(String script, Object... args) throws IOException, InterruptedException {
        return call("POST", path("/execute/sync"), Map.of("script", script, "args", List.of(args))).path("value");
    }

    void frame(String element) throws IOException, InterruptedException {
        call("POST", path("/frame"), Map.of("id", Map.of(ELEMENT, element)));
    }

    void parentFrame() throws IOException, InterruptedException {
        call("POST", path("/frame/parent"), Map.of());
    }

    /** The console's messages at the level given (e.g. SEVERE) since the last call. */
    List<String> console(String level) throws IOException, InterruptedException {
        List<String> out = new ArrayList<>();
        for (JsonNode entry : call("POST", path("/se/log"), Map.of("type", "browser")).path("value")) {
            if (entry.path("level").asText().equals(level)) {
                out.add(entry.path("message").asText());
            }
        }
        return out;
    }

    /** The URLs the page requested since the last call (the performance log's Network.requestWillBeSent). */
    List<String> requests() throws IOException, InterruptedException {
        List<String> out = new ArrayList<>();
        for (JsonNode entry : call("POST", path("/se/log"), Map.of("type", "performance")).path("value")) {
            JsonNode message = JSON.readTree(entry.path("message").asText()).path("message");
            if (message.path("method").asText().equals("Network.requestWillBeSent")) {
                out.add(message.path("params").path("request").path("url").asText());
            }
        }
        return out;
    }

    byte[] pdf() throws IOException, InterruptedException {
        return Base64.getDecoder().decode(call("POST", path("/print"), Map.of()).path("value").asText());
    }

    byte[] screenshot() throws IOException, InterruptedException {
        return Base64.getDecoder().decode(call("GET", path("/screenshot"), null).path("value").asText());
    }

    private String path(String tail) {
        return "/session/" + session + tail;
    }

    private JsonNode call(String method, String path, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(3));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode answer = JSON.readTree(response.body());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("WebDriver " + method + " " + path + ": " + response.statusCode() + " "
                    + answer.path("value").path("message").asText(response.body()));
        }
        return answer;
    }

    @Override
    public void close() {
        try {
            if (session != null) {
                call("DELETE", "/session/" + session, null);
            }
        } catch (IOException | RuntimeException e) {
            // the driver is stopped below anyway
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            driver.destroy();
        }
    }
}
