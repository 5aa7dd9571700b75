package dev.vendorrisk.service;

import static dev.vendorrisk.service.Http.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import dev.vendorrisk.assessor.rules.RuleMeta;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.common.mapper.TypeRef;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code GET /rules}: the metadata the library reads, from the build-time rule base. */
@QuarkusTest
class RulesResourceTest {

    @Test
    void theRulesAreTheLibrarysRulesWithTheirFilesAndLines() {
        List<Map<String, Object>> served = given().get("/rules").then().statusCode(200)
                .contentType(startsWith("application/json")).extract().as(new TypeRef<>() { });

        List<RuleMeta> library = Library.assessor().rules().rules();
        assertThat(served).hasSize(library.size());
        for (int i = 0; i < library.size(); i++) {
            RuleMeta m = library.get(i);
            Map<String, Object> s = served.get(i);
            assertThat(s).as("rule %s", m.key())
                    .containsEntry("id", m.id())
                    .containsEntry("title", m.title())
                    .containsEntry("area", m.area())
                    .containsEntry("severity", m.severity().name())
                    .containsEntry("weight", m.weight())
                    .containsEntry("recommendation", m.recommendation())
                    .containsEntry("backing", m.backing())
                    .containsEntry("description", m.description())
                    .containsEntry("file", "rules/" + Library.ROOT.resolve("rules").relativize(Library.ROOT.resolve(m.file())))
                    .containsEntry("line", m.line());
        }
    }

    @Test
    void oneRuleById() {
        given().get("/rules/STAFF-001").then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].title", equalTo("The provider is one person"))
                .body("[0].severity", equalTo("CRITICAL"))
                .body("[0].weight", equalTo(35))
                .body("[0].file", equalTo("rules/staffing.drl"))
                .body("[0].line", equalTo(8))
                .body("[0].description", startsWith("Fires when company.staffCount is 1"));
    }

    @Test
    void thePortfolioRulesAreListedWithTheirFile() {
        given().get("/rules").then().statusCode(200)
                .body("findAll { it.area == 'portfolio' }.id", contains("PORT-001", "PORT-002", "PORT-003"))
                .body("findAll { it.area == 'portfolio' }.file", everyItem(equalTo("rules/portfolio.drl")));
        given().get("/rules/PORT-002").then().statusCode(200)
                .body("[0].severity", equalTo("MEDIUM"))
                .body("[0].recommendation", equalTo("concentration"));
    }

    @Test
    void anIdWithVariantsGivesEachVariant() {
        given().get("/rules/CORP-005").then().statusCode(200)
                .body("variant", org.hamcrest.Matchers.containsInAnyOrder("weak", "distressed"));
    }

    @Test
    void anUnknownIdGives404() {
        given().get("/rules/NOPE-999").then().statusCode(404).contentType(startsWith("application/json"))
                .body("message", containsString("no rule has id 'NOPE-999'"));
    }
}
