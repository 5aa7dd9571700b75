package dev.vendorrisk.service;

import dev.vendorrisk.assessor.RuleBaseException;
import dev.vendorrisk.assessor.RuleTimeoutException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Maps the failures that are not the client's to responses with an {@link ErrorBody}. */
public class ErrorMappers {
    /** 503 while the rule base is not built (or is broken), with its diagnostics. */
    @ServerExceptionMapper
    public Response notReady(RulesNotReadyException e) {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(MediaType.APPLICATION_JSON)
                .entity(new ErrorBody("the rule base is not ready; see /q/health/ready", e.diagnostics())).build();
    }

    /** 500 when a rule fails on a profile or loops: a problem of the rules, named with file and line. */
    @ServerExceptionMapper
    public Response ruleFailed(RuleBaseException e) {
        return Response.status(Response.Status.INTERNAL_SERVER_ERROR).type(MediaType.APPLICATION_JSON)
                .entity(new ErrorBody("a rule failed on this profile; fix the rule", e.diagnostics())).build();
    }

    /** 503 when the rules ran past the time limit on a profile: named with file and line; the service stays up. */
    @ServerExceptionMapper
    public Response ruleTimedOut(RuleTimeoutException e) {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(MediaType.APPLICATION_JSON)
                .entity(new ErrorBody("the rules ran past the time limit on this profile and were stopped",
                        e.diagnostics())).build();
    }
}
