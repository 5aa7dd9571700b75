package dev.vendorrisk.service;

import static dev.vendorrisk.service.Http.anonymous;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With vra.auth.enabled=false (local use) every request is let in, with or without a key. */
@QuarkusTest
@TestProfile(AuthenticationOffTest.Off.class)
class AuthenticationOffTest {
    /** Authentication explicitly off, and no keys configured. */
    public static class Off implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("vra.auth.enabled", "false", "vra.auth.api-keys", "");
        }
    }

    @Test
    void everyoneMayCall() {
        anonymous().get("/rules/STAFF-001").then().statusCode(200);
        anonymous().header("X-API-Key", "whatever-anyone-sends").contentType("application/yaml")
                .body("schemaVersion: 1\nvendor: {id: example-hosting}\n").post("/assessments").then().statusCode(200);
    }
}
