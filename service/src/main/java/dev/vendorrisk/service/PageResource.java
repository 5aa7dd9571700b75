package dev.vendorrisk.service;

import dev.vendorrisk.assessor.InvalidProfileException;
import dev.vendorrisk.assessor.report.FileResult;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The page for people: {@code GET /} shows a form; sending it ({@code POST /}, a plain form post, so it
 * works with scripts off) assesses the pasted text and the picked files as one batch, with the API's
 * body limit, and answers the page with the report and the diagnostics at their lines. With
 * authentication on, the form asks for the API key (or a gateway sends the X-API-Key header).
 */
@Path("/")
public class PageResource {
    /** The name the pasted text gets in the report and the diagnostics. */
    static final String PASTED = "pasted.yaml";

    @Inject
    Assessments assessments;

    @Inject
    ApiKeys keys;

    /** The empty form. */
    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response form() {
        return page(Response.Status.OK, "", null, List.of(), null, null);
    }

    /** No icon: browsers ask for one, and a 404 would be an error in their console. */
    @GET
    @Path("favicon.ico")
    @Operation(hidden = true)
    public Response icon() {
        return Response.noContent().build();
    }

    /** Assesses what the form sent. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response submit(@RestForm("profile") String pasted, @RestForm("files") List<FileUpload> files,
                           @RestForm("apiKey") String formKey, @RestHeader(ApiKeys.HEADER) String headerKey) {
        String text = pasted == null ? "" : pasted;
        if (keys.enabled()) {
            String key = headerKey != null && !headerKey.isBlank() ? headerKey : formKey;
            if (key == null || key.isBlank()) {
                return page(Response.Status.UNAUTHORIZED, text, "Enter your API key: the service asks every caller"
                        + " for one (vra.auth.api-keys).", List.of(), null, null);
            }
            if (keys.caller(key.trim()).isEmpty()) {
                return page(Response.Status.UNAUTHORIZED, text, "Unknown API key; ask the service's operator for"
                        + " yours.", List.of(), null, null);
            }
        }
        List<Page.Source> sources = new ArrayList<>();
        long total = 0;
        if (!text.isBlank()) {
            sources.add(new Page.Source(PASTED, text));
            total += text.getBytes(StandardCharsets.UTF_8).length;
        }
        for (FileUpload file : files == null ? List.<FileUpload>of() : files) {
            if (file.size() == 0 && (file.fileName() == null || file.fileName().isBlank())) {
                continue; // the file input left empty
            }
            total += file.size();
            if (total > assessments.maxBodyBytes()) {
                break;
            }
            sources.add(new Page.Source(name(file.fileName(), sources.size()), read(file)));
        }
        if (total > assessments.maxBodyBytes()) {
            return page(Response.Status.REQUEST_ENTITY_TOO_LARGE, text, "What you sent is " + total + " bytes or more,"
                    + " over the limit of " + assessments.maxBodyBytes() + " bytes (vra.max-body-bytes); send fewer"
                    + " profiles at a time.", List.of(), null, null);
        }
        if (sources.isEmpty()) {
            return page(Response.Status.BAD_REQUEST, text, "Paste a profile or pick one or more files.", List.of(), null,
                    null);
        }
        List<Assessments.Input> inputs = new ArrayList<>();
        List<FileResult> refused = new ArrayList<>();
        for (Page.Source source : sources) {
            boolean json = source.name().endsWith(".json") || source.text().stripLeading().startsWith("{")
                    || source.text().stripLeading().startsWith("[");
            try {
                List<Batch.Part> parts = json ? (source.text().stripLeading().startsWith("[")
                        ? Batch.json(source.name(), source.text()) : List.of(whole(source)))
                        : Batch.yaml(source.name(), source.text());
                if (parts.size() == 1) {
                    inputs.add(new Assessments.Input(source.name(), parts.get(0).padded(), json));
                } else {
                    parts.forEach(p -> inputs.add(new Assessments.Input(p.name(), p.padded(), json)));
                }
            } catch (InvalidProfileException e) {
                refused.add(FileResult.failed(source.name(), e.diagnostics()));
            }
        }
        Assessments.Outcome outcome;
        try {
            Assessments.Outcome assessed = inputs.isEmpty() ? new Assessments.Outcome(List.of(), null)
                    : assessments.assessNow(inputs);
            List<FileResult> results = new ArrayList<>(assessed.results());
            results.addAll(refused);
            outcome = new Assessments.Outcome(results, assessed.portfolio());
        } catch (TimeLimit.TimedOut e) {
            return page(Response.Status.SERVICE_UNAVAILABLE, text, e.getMessage() + ".", sources, null, null);
        } catch (RulesNotReadyException e) {
            return page(Response.Status.SERVICE_UNAVAILABLE, text, "The rule base is not ready; try again in a"
                    + " minute, or see /q/health/ready.", sources, null, null);
        }
        return page(outcome.invalid() ? Response.Status.BAD_REQUEST : Response.Status.OK, text, null, sources,
                outcome.results(), Reports.html(outcome.results(), outcome.portfolio()));
    }

    /** A JSON object sent whole: one part, at the start of the text. */
    private static Batch.Part whole(Page.Source source) {
        return new Batch.Part(source.name(), source.text(), 0, 0);
    }

    /** The file's own name, without any folder a browser may send; a stand-in when it has none. */
    private static String name(String fileName, int index) {
        String n = fileName == null ? "" : fileName.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1).strip();
        return n.isEmpty() ? "file-" + (index + 1) + ".yaml" : n;
    }

    private static String read(FileUpload file) {
        try {
            return new String(Files.readAllBytes(file.uploadedFile()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Response page(Response.Status status, String pasted, String message, List<Page.Source> sources,
                          List<FileResult> results, String report) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Content-Security-Policy", Page.CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .entity(Page.render(keys.enabled(), pasted, message, sources, results, report, assessments.maxBodyBytes()))
                .build();
    }
}
