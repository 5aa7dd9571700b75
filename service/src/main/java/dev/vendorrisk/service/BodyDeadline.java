package dev.vendorrisk.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Cuts off clients that send their body too slowly: a request whose body has not fully arrived
 * {@code vra.body-timeout} (30 s by default) after it began is answered 408 and its connection closed.
 * The bodies are read by the event loop without blocking (the resources take them as bytes, whole),
 * so a client dribbling a body byte by byte holds a connection until the deadline, never a worker thread.
 * Quarkus's idle timeout does not catch such a client: it is never idle long.
 */
@ApplicationScoped
public class BodyDeadline {
    private static final Logger LOG = Logger.getLogger(BodyDeadline.class);

    @ConfigProperty(name = "vra.body-timeout", defaultValue = "30s")
    Duration timeout;

    void install(@Observes Router router) {
        String body = body(timeout);
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            HttpServerRequest request = context.request();
            if (!request.isEnded()) {
                long timer = context.vertx().setTimer(timeout.toMillis(), id -> {
                    if (!request.isEnded() && !context.response().ended()) {
                        LOG.debugf("closed a request to %s whose body took longer than %s", request.path(), timeout);
                        if (!context.response().headWritten()) {
                            context.response().setStatusCode(408).putHeader("Content-Type", "application/json;charset=UTF-8")
                                    .putHeader("Connection", "close").end(body);
                        }
                        request.connection().close();
                    }
                });
                context.addEndHandler(done -> context.vertx().cancelTimer(timer));
            }
            context.next();
        });
    }

    private static String body(Duration timeout) {
        try {
            return new ObjectMapper().writeValueAsString(new ErrorBody("the request body did not arrive within "
                    + timeout.toSeconds() + " s (vra.body-timeout); send it at once", List.of()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
