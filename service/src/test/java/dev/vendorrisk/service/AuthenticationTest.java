package dev.vendorrisk.service;

import static dev.vendorrisk.service.Http.anonymous;
import static dev.vendorrisk.service.Http.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Who may call: a configured API key in the X-API-Key header, checked by the service's Quarkus mechanism. */
@QuarkusTest
class AuthenticationTest {
    private static final String PROFILE = "schemaVersion: 1\nvendor: {id: example-hosting}\n";

    @Test
    void withoutAKeyTheApiAnswers401SayingWhichHeader() {
        anonymous().contentType("application/yaml").body(PROFILE).post("/assessments").then().statusCode(401)
                .header("WWW-Authenticate", "ApiKey header=\"X-API-Key\"")
                .contentType(startsWith("application/json"))
                .body("message", equalTo("missing API key; send it in the X-API-Key header"));
        anonymous().contentType("application/json").body("[]").post("/assessments/batch").then().statusCode(401);
        anonymous().get("/rules").then().statusCode(401);
        anonymous().get("/rules/STAFF-001").then().statusCode(401);
    }

    @Test
    void aWrongKeyIs401Too() {
        anonymous().header("X-API-Key", "test-key-0123456789abcdeX").get("/rules").then().statusCode(401)
                .header("WWW-Authenticate", "ApiKey header=\"X-API-Key\"")
                .body("message", startsWith("unknown API key in the X-API-Key header"));
        anonymous().header("X-API-Key", "").contentType("application/yaml").body(PROFILE).post("/assessments")
                .then().statusCode(401);
    }

    @Test
    void theConfiguredKeyIsLetIn() {
        given().get("/rules/STAFF-001").then().statusCode(200);
        given().contentType("application/yaml").body(PROFILE).post("/assessments").then().statusCode(200);
    }

    @Test
    void healthAndTheOpenApiDocumentStayOpen() {
        anonymous().get("/q/health/ready").then().statusCode(200);
        anonymous().get("/q/health/live").then().statusCode(200);
        anonymous().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void theDocumentSaysTheApiNeedsTheKey() {
        anonymous().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("components.securitySchemes.apiKey.name", equalTo("X-API-Key"))
                .body("components.securitySchemes.apiKey.in", equalTo("header"))
                .body("paths.'/assessments'.post.security[0]", org.hamcrest.Matchers.hasKey("apiKey"))
                .body("paths.'/rules'.get.responses.'401'.'$ref'", equalTo("#/components/responses/Unauthorized"));
    }
}
