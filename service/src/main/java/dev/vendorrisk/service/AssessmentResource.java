package dev.vendorrisk.service;

import dev.vendorrisk.assessor.Diagnostic;
import dev.vendorrisk.assessor.InvalidProfileException;
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
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
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
    static final List<MediaType> ANSWERS = List.of(MediaType.APPLICATION_JSON_TYPE, MediaType.TEXT_HTML_TYPE);

    private static final String REPORT = "The JSON report of `vra assess --format json`, byte for byte: assessments,"
            + " errors (file, line, column, message), portfolio (what the portfolio rules found over the request's"
            + " valid profiles) and summary.";
    private static final String HTML = " With `Accept: text/html`, the page `vra assess -o html` writes for the"
            + " same profiles: self-contained, sent with a Content-Security-Policy that lets only its own style"
            + " sheet and script run.";

    @Inject
    Assessments assessments;

    /** Assesses one profile, YAML or JSON. */
    @POST
    @Consumes({MediaTypes.YAML, MediaTypes.X_YAML, MediaTypes.TEXT_YAML, MediaType.APPLICATION_JSON})
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
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
    @APIResponse(responseCode = "200", description = "Assessed. " + REPORT + HTML, content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Report"),
                examples = @ExampleObject(name = "report", ref = "report")),
        @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(ref = "HtmlPage"))})
    @APIResponse(responseCode = "400", description = "The profile is invalid: the report's errors say where and what",
        content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Report"),
                examples = @ExampleObject(name = "invalid", ref = "invalidReport")),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(ref = "HtmlPage"))})
    @APIResponse(responseCode = "413", description = "The body is larger than vra.max-body-bytes (default 1 MiB):"
            + " a report whose errors say so, without a portfolio section",
        content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Report"),
                examples = @ExampleObject(name = "tooLarge", ref = "tooLarge")),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(ref = "HtmlPage"))})
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    @APIResponse(responseCode = "408", ref = "RequestTimeout")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "500", ref = "RuleFailed")
    @APIResponse(responseCode = "503", ref = "NotReady")
    public CompletionStage<Response> assess(@Parameter(description = "The profile's name in the report and in diagnostics",
                                   example = "acme.yaml")
                           @QueryParam("name") @DefaultValue(DEFAULT_NAME) String name,
                           @Context HttpHeaders headers, byte[] body) {
        return answer(name, headers, body, (content, json) -> List.of(new Assessments.Input(name, content, json)));
    }

    /** Assesses several profiles: YAML documents or a JSON array. */
    @POST
    @Path("batch")
    @Consumes({MediaTypes.YAML, MediaTypes.X_YAML, MediaTypes.TEXT_YAML, MediaType.APPLICATION_JSON})
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
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
    @APIResponse(responseCode = "200", description = "Every profile assessed. " + REPORT + HTML, content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Report")),
        @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(ref = "HtmlPage"))})
    @APIResponse(responseCode = "400", description = "At least one profile is invalid (the valid ones are still"
            + " assessed, and in the portfolio), or the body holds no profile or is not a JSON array",
        content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Report")),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(ref = "HtmlPage"))})
    @APIResponse(responseCode = "413", description = "The body is larger than vra.max-body-bytes (default 1 MiB):"
            + " a report whose errors say so, without a portfolio section",
        content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Report")),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(ref = "HtmlPage"))})
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    @APIResponse(responseCode = "408", ref = "RequestTimeout")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "500", ref = "RuleFailed")
    @APIResponse(responseCode = "503", ref = "NotReady")
    public CompletionStage<Response> assessBatch(@Parameter(description = "Name prefix: profiles are named <name>#1, <name>#2, ...",
                                        example = "vendors")
                                @QueryParam("name") @DefaultValue(DEFAULT_NAME) String name,
                                @Context HttpHeaders headers, byte[] body) {
        return answer(name, headers, body, (content, json) -> {
            String text = new String(content, StandardCharsets.UTF_8);
            return (json ? Batch.json(name, text) : Batch.yaml(name, text)).stream()
                    .map(p -> new Assessments.Input(p.name(), p.padded(), json)).toList();
        });
    }

    /** How a request's body becomes its profiles; may throw {@link InvalidProfileException}. */
    @FunctionalInterface
    private interface Split {
        List<Assessments.Input> inputs(byte[] content, boolean json);
    }

    /**
     * Reads the body within the size limit, splits it into profiles, assesses them and answers in the
     * negotiated type: 413 for a body over the limit, 400 for a body that holds no profile (without a
     * portfolio section, since no profile was read), else the report's status.
     */
    private CompletionStage<Response> answer(String name, HttpHeaders headers, byte[] body, Split split) {
        MediaType answer = MediaTypes.negotiate(headers, ANSWERS);
        List<Assessments.Input> inputs;
        try {
            inputs = split.inputs(read(name, length(headers), body), MediaTypes.isJson(headers));
        } catch (TooLarge e) {
            return CompletableFuture.completedFuture(Reports.answer(e.outcome, answer,
                    Response.Status.REQUEST_ENTITY_TOO_LARGE));
        } catch (InvalidProfileException e) {
            return CompletableFuture.completedFuture(Reports.answer(Assessments.Outcome.refused(name, e.diagnostics()),
                    answer, null));
        }
        return unwrapped(assessments.assess(inputs).thenApply(outcome -> Reports.answer(outcome, answer, null)));
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

    /** The stage failing with the exception itself rather than a CompletionException, for the exception mappers. */
    private static <T> CompletionStage<T> unwrapped(CompletionStage<T> stage) {
        CompletableFuture<T> out = new CompletableFuture<>();
        stage.whenComplete((value, failure) -> {
            if (failure == null) {
                out.complete(value);
            } else {
                out.completeExceptionally(failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure);
            }
        });
        return out;
    }

    /**
     * The body, refusing more than {@code vra.max-body-bytes}. The framework has read it whole, without
     * blocking a worker (see {@link BodyDeadline}), refusing bodies over {@code quarkus.http.limits.max-body-size}
     * before reading them; a declared length over the limit is refused here before the body is looked at.
     */
    private byte[] read(String name, Long length, byte[] body) {
        int max = assessments.maxBodyBytes();
        if (length != null && length > max) {
            throw new TooLarge(name, "the request body is " + length + " bytes", max);
        }
        byte[] content = body == null ? new byte[0] : body;
        if (content.length > max) {
            throw new TooLarge(name, "the request body is larger than " + max + " bytes", max);
        }
        return content;
    }

    /** A body over the limit: answered with 413 and a report whose errors say so. */
    static final class TooLarge extends RuntimeException {
        final transient Assessments.Outcome outcome;

        TooLarge(String name, String what, int max) {
            super(what, null, false, false);
            String message = what + ", over the limit of " + max + " bytes (vra.max-body-bytes); a profile is a few"
                    + " KiB, so send fewer profiles per batch";
            this.outcome = Assessments.Outcome.refused(name, List.of(new Diagnostic(name, 0, 0, message)));
        }
    }
}
