package dev.vendorrisk.service;

import static dev.vendorrisk.service.Http.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** A client that sends its body byte by byte is cut off at vra.body-timeout while others are served. */
@QuarkusTest
class BodyDeadlineTest {

    @Test
    void aBodySentByteByByteIsCutOffWith408() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(180_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /assessments HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/yaml\r\n"
                    + ApiKeys.HEADER + ": " + Http.KEY + "\r\nContent-Length: 100\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long start = System.nanoTime();
            Thread dribbler = new Thread(() -> {
                try {
                    for (int i = 0; i < 100 && !Thread.currentThread().isInterrupted(); i++) {
                        out.write('#');
                        out.flush();
                        Thread.sleep(1000);
                    }
                } catch (IOException | InterruptedException e) {
                    // cut off: what the test expects
                }
            });
            dribbler.setDaemon(true);
            dribbler.start();

            // meanwhile, the service answers others at once
            given().get("/rules/STAFF-001").then().statusCode(200);

            String answer = readUntilClosed(socket.getInputStream());
            long seconds = (System.nanoTime() - start) / 1_000_000_000;
            assertThat(answer).startsWith("HTTP/1.1 408").contains("vra.body-timeout");
            long limit = ConfigProvider.getConfig().getValue("vra.body-timeout", Duration.class).toSeconds();
            assertThat(seconds).isBetween(limit - 1, limit + 20);
            dribbler.interrupt();
        }
    }

    private static String readUntilClosed(InputStream in) throws IOException {
        StringBuilder text = new StringBuilder();
        byte[] buffer = new byte[4096];
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
        } catch (SocketException e) {
            // reset after the answer: the connection was closed under the writer
        }
        return text.toString();
    }
}
