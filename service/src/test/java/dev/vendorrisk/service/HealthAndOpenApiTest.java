package dev.vendorrisk.service;

import static dev.vendorrisk.service.Http.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Health (readiness means: the rule base is built) and the OpenAPI document. */
@QuarkusTest
class HealthAndOpenApiTest {

    @Test
    void readyOnceTheRuleBaseIsBuilt() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("rule base"))
                .body("checks.find { it.name == 'rule base' }.data.rules", equalTo(53));
        given().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void theOpenApiDocumentDescribesTheEndpoints() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("info.title", equalTo("Vendor Risk Assessor decision service"))
                .body("paths.'/assessments'.post.summary", containsString("Assess one vendor profile"))
                .body("paths.'/assessments/batch'.post.description", containsString("<name>#<n>"))
                .body("paths.'/rules/{id}'.get.responses.'404'.description", equalTo("No rule has this id"));
    }
}
