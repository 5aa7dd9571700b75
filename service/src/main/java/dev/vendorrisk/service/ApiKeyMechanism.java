package dev.vendorrisk.service;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;

/**
 * Quarkus authentication by API key: the {@value ApiKeys#HEADER} header names a caller of
 * {@link ApiKeys}, or the request stays anonymous (no header) or fails (a key that is nobody's). The
 * resources are {@code @Authenticated}; {@link ErrorMappers} answers 401 with a message. With
 * {@code vra.auth.enabled=false} every request is the caller {@value #LOCAL}.
 */
@ApplicationScoped
public class ApiKeyMechanism implements HttpAuthenticationMechanism {
    /** The caller of every request while authentication is off. */
    static final String LOCAL = "local (vra.auth.enabled=false)";
    /** The challenge of a 401: which header to send. */
    static final String CHALLENGE = "ApiKey header=\"" + ApiKeys.HEADER + "\"";

    @Inject
    ApiKeys keys;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        if (!keys.enabled()) {
            return Uni.createFrom().item(identity(LOCAL));
        }
        String presented = context.request().getHeader(ApiKeys.HEADER);
        if (presented == null || presented.isBlank()) {
            return Uni.createFrom().optional(java.util.Optional.empty());
        }
        return keys.caller(presented.trim()).map(caller -> Uni.createFrom().item(identity(caller)))
                .orElseGet(() -> Uni.createFrom().failure(new AuthenticationFailedException("unknown API key")));
    }

    private static SecurityIdentity identity(String caller) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(caller)).addRole("caller").build();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", CHALLENGE));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(); // the mechanism checks the key itself: there is nothing for an IdentityProvider to do
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.OTHER_HEADER, ApiKeys.HEADER));
    }
}
