package dev.vendorrisk.service;

import dev.vendorrisk.assessor.Assessment;
import dev.vendorrisk.assessor.Diagnostic;
import dev.vendorrisk.assessor.InvalidProfileException;
import dev.vendorrisk.assessor.VendorRiskAssessor;
import dev.vendorrisk.assessor.batch.PortfolioWaivers;
import dev.vendorrisk.assessor.portfolio.PortfolioEntry;
import dev.vendorrisk.assessor.portfolio.PortfolioResult;
import dev.vendorrisk.assessor.portfolio.PortfolioSession;
import dev.vendorrisk.assessor.profile.ParsedProfile;
import dev.vendorrisk.assessor.report.FileResult;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Assesses vendor profiles posted as YAML or JSON and answers with the command line's JSON report:
 * byte for byte what {@code vra assess --format json} prints for the same input, the file being
 * named by the {@code name} query parameter. Like the command line, every report of assessed
 * profiles (one or a batch) has the portfolio section; a request refused before any profile is read
 * (too large, or a batch that holds no profiles) has none.
 */
@Authenticated
@SecurityRequirement(name = "apiKey")
@Path("/assessments")
@Tag(name = "assessments", description = "Assess vendor profiles: findings, score and rating, outage exposure, recommendations")
public class AssessmentResource {
    /** The file name a request's profile gets when the {@code name} parameter is absent. */
    static final String DEFAULT_NAME = "request";
    /** The types an assessment can answer with, the default first. */
    static final List<MediaType> ANSWERS = List.of(MediaType.APPLICATION_JSON_TYPE);

    private static final String REPORT = "The JSON report of `vra assess --format json`, byte for byte: assessments,"
            + " errors (file, line, column, message), portfolio (what the portfolio rules found over the request's"
            + " valid profiles) and summary.";

    @Inject
    RuleService rules;

    @Inject
    TimeLimit timeLimit;

    /** Assesses one profile, YAML or JSON. */
    @POST
    @Consumes({MediaTypes.YAML, MediaTypes.X_YAML, MediaTypes.TEXT_YAML, MediaType.APPLICATION_JSON})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "assess", summary = "Assess one vendor profile (YAML or JSON)", description = "The body"
            + " is one profile in the format of the risk model (schemaVersion 1), as YAML (application/yaml,"
            + " application/x-yaml or text/yaml) or as JSON (application/json: the same keys and checks). The answer"
            + " is the report `vra assess --format json` prints for it, the profile named by `name`; diagnostics"
            + " give lines and columns in the body.")
    @RequestBody(description = "One vendor profile", required = true, content = {
        @Content(mediaType = MediaTypes.YAML, schema = @Schema(ref = "ProfileYaml"),
                examples = @ExampleObject(name = "profile", ref = "profileYaml")),
        @Content(mediaType = MediaTypes.X_YAML, schema = @Schema(ref = "ProfileYaml")),
        @Content(mediaType = MediaTypes.TEXT_YAML, schema = @Schema(ref = "ProfileYaml")),
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Profile"),
                examples = @ExampleObject(name = "profile", ref = "profileJson"))})
    @APIResponse(responseCode = "200", description = "Assessed. " + REPORT, content =
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Report"),
                examples = @ExampleObject(name = "report", ref = "report")))
    @APIResponse(responseCode = "400", description = "The profile is invalid: the report's errors say where and what",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Report"),
                examples = @ExampleObject(name = "invalid", ref = "invalidReport")))
    @APIResponse(responseCode = "413", description = "The body is larger than vra.max-body-bytes (default 1 MiB):"
            + " a report whose errors say so, without a portfolio section",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Report"),
                examples = @ExampleObject(name = "tooLarge", ref = "tooLarge")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    @APIResponse(responseCode = "408", ref = "RequestTimeout")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "500", ref = "RuleFailed")
    @APIResponse(responseCode = "503", ref = "NotReady")
    public Response assess(@Parameter(description = "The profile's name in the report and in diagnostics",
                                   example = "acme.yaml")
                           @QueryParam("name") @DefaultValue(DEFAULT_NAME) String name,
                           @Context HttpHeaders headers, byte[] body) {
        MediaTypes.negotiate(headers, ANSWERS);
        return one(name, length(headers), body, MediaTypes.isJson(headers));
    }

    /** Assesses several profiles: YAML documents or a JSON array. */
    @POST
    @Path("batch")
    @Consumes({MediaTypes.YAML, MediaTypes.X_YAML, MediaTypes.TEXT_YAML, MediaType.APPLICATION_JSON})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "assessBatch", summary = "Assess several vendor profiles (YAML documents or a JSON array)",
            description = "YAML documents separated by '---' lines, or a JSON array of profile objects. Each profile"
            + " is named <name>#<n> (1-based); diagnostics and evidence give lines and columns in the whole body. One"
            + " report for all, as `vra assess` prints for several files; an invalid profile does not stop the"
            + " others. After the last profile the portfolio rules (rules/portfolio.drl) look at all the valid ones:"
            + " the report's portfolio section.")
    @RequestBody(description = "Several vendor profiles", required = true, content = {
        @Content(mediaType = MediaTypes.YAML, schema = @Schema(ref = "ProfileYaml"),
                examples = @ExampleObject(name = "batch", ref = "batchYaml")),
        @Content(mediaType = MediaTypes.X_YAML, schema = @Schema(ref = "ProfileYaml")),
        @Content(mediaType = MediaTypes.TEXT_YAML, schema = @Schema(ref = "ProfileYaml")),
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Profiles"),
                examples = @ExampleObject(name = "batch", ref = "batchJson"))})
    @APIResponse(responseCode = "200", description = "Every profile assessed. " + REPORT, content =
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Report")))
    @APIResponse(responseCode = "400", description = "At least one profile is invalid (the valid ones are still"
            + " assessed, and in the portfolio), or the body holds no profile or is not a JSON array",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Report")))
    @APIResponse(responseCode = "413", description = "The body is larger than vra.max-body-bytes (default 1 MiB):"
            + " a report whose errors say so, without a portfolio section",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Report")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    @APIResponse(responseCode = "408", ref = "RequestTimeout")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "500", ref = "RuleFailed")
    @APIResponse(responseCode = "503", ref = "NotReady")
    public Response assessBatch(@Parameter(description = "Name prefix: profiles are named <name>#1, <name>#2, ...",
                                        example = "vendors")
                                @QueryParam("name") @DefaultValue(DEFAULT_NAME) String name,
                                @Context HttpHeaders headers, byte[] body) {
        MediaTypes.negotiate(headers, ANSWERS);
        return batch(name, length(headers), body, MediaTypes.isJson(headers));
    }

    /** The declared body length, when the client gave a valid one. */
    private static Long length(HttpHeaders headers) {
        String value = headers.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        try {
            return value == null ? null : Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Response one(String name, Long length, byte[] body, boolean json) {
        VendorRiskAssessor assessor = rules.assessor();
        byte[] content;
        try {
            content = read(name, length, body);
        } catch (TooLarge e) {
            return e.response;
        }
        return assess(assessor, List.of(new Input(name, content)), json);
    }

    private Response batch(String name, Long length, byte[] body, boolean json) {
        VendorRiskAssessor assessor = rules.assessor();
        List<Batch.Part> parts;
        try {
            String text = new String(read(name, length, body), StandardCharsets.UTF_8);
            parts = json ? Batch.json(name, text) : Batch.yaml(name, text);
        } catch (TooLarge e) {
            return e.response;
        } catch (InvalidProfileException e) {
            return report(List.of(FileResult.failed(name, e.diagnostics())), null);
        }
        return assess(assessor, parts.stream().map(p -> new Input(p.name(), p.padded())).toList(), json);
    }

    /** One profile of a request: the name reports give it, and its bytes. */
    private record Input(String name, byte[] content) {
    }

    /**
     * Assesses the profiles one after the other, then runs the portfolio rules over the valid ones, as
     * {@code vra assess} does for its files (see {@code BatchAssessor}): the same {@link PortfolioSession},
     * fed the same {@link PortfolioEntry} per assessed service, so the report's {@code "portfolio"}
     * section is the command line's. Even one profile gets it, as it does from the command line.
     */
    private Response assess(VendorRiskAssessor assessor, List<Input> inputs, boolean json) {
        List<FileResult> results = new ArrayList<>(inputs.size());
        PortfolioSession portfolio = new PortfolioSession(assessor.rules());
        PortfolioWaivers waivers = PortfolioWaivers.none();
        for (Input input : inputs) {
            try {
                ParsedProfile parsed = json ? assessor.reader().readJson(input.name(), input.content())
                        : assessor.reader().read(input.name(), input.content());
                Assessment assessment = timeLimit.run(input.name(), () -> assessor.assess(parsed, waivers));
                results.add(FileResult.of(assessment));
                portfolio.add(PortfolioEntry.of(assessment, parsed.profile().service().kind()));
            } catch (InvalidProfileException e) {
                results.add(FileResult.failed(input.name(), e.diagnostics()));
            } catch (TimeLimit.TimedOut e) {
                throw e.inBatch(results.size(), inputs.size());
            }
        }
        return report(results, portfolio.evaluate(waivers.warnings()));
    }

    private static Response report(List<FileResult> results, PortfolioResult portfolio) {
        boolean invalid = results.stream().anyMatch(r -> !r.ok());
        return Response.status(invalid ? Response.Status.BAD_REQUEST : Response.Status.OK)
                .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(Reports.json(results, portfolio)).build();
    }

    /**
     * The body, refusing more than {@code vra.max-body-bytes}. The framework has read it whole, without
     * blocking a worker (see {@link BodyDeadline}), refusing bodies over {@code quarkus.http.limits.max-body-size}
     * before reading them; a declared length over the limit is refused here before the body is looked at.
     */
    private byte[] read(String name, Long length, byte[] body) {
        int max = rules.maxBodyBytes();
        if (length != null && length > max) {
            throw new TooLarge(name, "the request body is " + length + " bytes", max);
        }
        byte[] content = body == null ? new byte[0] : body;
        if (content.length > max) {
            throw new TooLarge(name, "the request body is larger than " + max + " bytes", max);
        }
        return content;
    }

    /** A body over the limit: answered with 413 and the report's errors array. */
    private static final class TooLarge extends RuntimeException {
        private final transient Response response;

        TooLarge(String name, String what, int max) {
            super(what, null, false, false);
            String message = what + ", over the limit of " + max + " bytes (vra.max-body-bytes); a profile is a few"
                    + " KiB, so send fewer profiles per batch";
            this.response = Response.status(Response.Status.REQUEST_ENTITY_TOO_LARGE)
                    .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                    .entity(Reports.json(List.of(FileResult.failed(name, List.of(new Diagnostic(name, 0, 0, message))))))
                    .build();
        }
    }
}
