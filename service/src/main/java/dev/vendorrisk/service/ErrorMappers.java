package dev.vendorrisk.service;

import dev.vendorrisk.assessor.RuleBaseException;
import dev.vendorrisk.assessor.RuleTimeoutException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Maps the failures that are not about the posted profile to responses with an {@link ErrorBody}, so
 * every answer of the service has a body that says what went wrong and what to do.
 */
public class ErrorMappers {
    /** 503 while the rule base is not built (or is broken), with its diagnostics. */
    @ServerExceptionMapper
    public Response notReady(RulesNotReadyException e) {
        return error(Response.Status.SERVICE_UNAVAILABLE, new ErrorBody("the rule base is not ready; see /q/health/ready",
                e.diagnostics()));
    }

    /** 500 when a rule fails on a profile or loops: a problem of the rules, named with file and line. */
    @ServerExceptionMapper
    public Response ruleFailed(RuleBaseException e) {
        return error(Response.Status.INTERNAL_SERVER_ERROR, new ErrorBody("a rule failed on this profile; fix the rule",
                e.diagnostics()));
    }

    /**
     * 503 when the library stopped the rules at the time limit (vra.assessment-timeout): errors name the rule
     * that was running (file and line) and, in a batch, which profiles were assessed; the service goes on.
     */
    @ServerExceptionMapper
    public Response ruleTimedOut(RuleTimeoutException e) {
        return error(Response.Status.SERVICE_UNAVAILABLE, new ErrorBody("the rules ran past the time limit"
                + " (vra.assessment-timeout) and were stopped; fix the rule that errors names", e.diagnostics()));
    }

    /** 503 when an assessment ran over the service's outer bound: the service stays up for the other requests. */
    @ServerExceptionMapper
    public Response timedOut(TimeLimit.TimedOut e) {
        return error(Response.Status.SERVICE_UNAVAILABLE, new ErrorBody(e.getMessage(), e.diagnostics()));
    }

    /** 415 naming the body's type and the types the service reads. */
    @ServerExceptionMapper
    public Response unsupported(NotSupportedException e, HttpHeaders headers) {
        MediaType sent = headers.getMediaType();
        String what = sent == null ? "the body has no Content-Type"
                : "the body's media type '" + MediaTypes.plain(sent) + "' is not accepted";
        return error(Response.Status.UNSUPPORTED_MEDIA_TYPE, new ErrorBody(what + "; send one of: "
                + String.join(", ", MediaTypes.BODY), List.of()));
    }

    /** 406 naming the types an assessment can answer with. */
    @ServerExceptionMapper
    public Response notAcceptable(MediaTypes.NotAcceptable e) {
        return error(Response.Status.NOT_ACCEPTABLE, new ErrorBody(e.getMessage(), List.of()));
    }

    /** 406 from the framework's own matching (the operations that answer JSON only). */
    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException e, HttpHeaders headers) {
        return notAcceptable(new MediaTypes.NotAcceptable(headers.getHeaderString(HttpHeaders.ACCEPT),
                List.of(MediaType.APPLICATION_JSON_TYPE)));
    }

    /** 401 when the request has no API key (the framework's challenge, with a message). */
    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return unauthorized("missing API key; send it in the " + ApiKeys.HEADER + " header");
    }

    /** 401 when the API key is nobody's. */
    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return unauthorized("unknown API key in the " + ApiKeys.HEADER + " header; ask the service's operator for"
                + " yours (vra.auth.api-keys)");
    }

    private static Response unauthorized(String message) {
        return Response.fromResponse(error(Response.Status.UNAUTHORIZED, new ErrorBody(message, List.of())))
                .header("WWW-Authenticate", ApiKeyMechanism.CHALLENGE).build();
    }

    /** An error answer: JSON, whatever the request accepted, since no other type carries the message. */
    static Response error(Response.Status status, ErrorBody body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).entity(body).build();
    }
}
