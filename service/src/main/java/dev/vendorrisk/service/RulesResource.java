package dev.vendorrisk.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.vendorrisk.assessor.rules.RuleMeta;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The finding rules of the rule base with their metadata, as the library reads and checks them. */
@Authenticated
@SecurityRequirement(name = "apiKey")
@Path("/rules")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "rules", description = "The rule catalogue: id, title, severity, weight, recommendation, backing, file and line")
public class RulesResource {
    @Inject
    RuleService rules;

    /**
     * One finding rule.
     *
     * @param id             catalogue id, e.g. {@code STAFF-001}
     * @param variant        set when several rules share the id at different severities
     * @param title          what is wrong, in one line
     * @param area           risk area
     * @param severity       INFO to CRITICAL
     * @param weight         points, after scoring.yaml's overrides
     * @param recommendation recommendation key
     * @param backing        the standard behind the rule
     * @param description    what the rule checks, when the rule says
     * @param file           the rule file in the repository
     * @param line           the rule's line in that file
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record RuleView(String id, String variant, String title, String area, String severity, int weight,
                           String recommendation, String backing, String description, String file, int line) {
        static RuleView of(RuleMeta m) {
            return new RuleView(m.id(), m.variant(), m.title(), m.area(), m.severity().name(), m.weight(),
                    m.recommendation(), m.backing(), m.description(), m.file(), m.line());
        }
    }

    /** Every finding rule, sorted by id. */
    @GET
    @Operation(operationId = "listRules", summary = "List the finding rules", description = "Every finding rule with"
            + " its metadata, sorted by id (and variant).")
    @APIResponse(responseCode = "200", description = "The rules",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Rules")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    @APIResponse(responseCode = "503", ref = "NotReady")
    public List<RuleView> list() {
        return rules.assessor().rules().rules().stream().map(RuleView::of).toList();
    }

    /** The rules with one id: one, or one per variant. */
    @GET
    @Path("{id}")
    @Operation(operationId = "getRules", summary = "Get the rules with an id", description = "An array: one rule, or"
            + " one per variant when several rules share the id at different severities (e.g. CORP-005 weak and"
            + " distressed).")
    @APIResponse(responseCode = "200", description = "The rules with this id",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Rules")))
    @APIResponse(responseCode = "404", description = "No rule has this id",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ErrorBody"),
                example = "{\"message\": \"no rule has id 'NOPE-999'; GET /rules lists them\"}"))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    @APIResponse(responseCode = "503", ref = "NotReady")
    public Response get(@Parameter(description = "A rule id", example = "STAFF-001") @PathParam("id") String id) {
        List<RuleView> found = rules.assessor().rules().rules().stream().filter(r -> r.id().equals(id))
                .map(RuleView::of).toList();
        if (found.isEmpty()) {
            return ErrorMappers.error(Response.Status.NOT_FOUND,
                    new ErrorBody("no rule has id '" + id + "'; GET /rules lists them", List.of()));
        }
        return Response.ok(found).build();
    }
}
