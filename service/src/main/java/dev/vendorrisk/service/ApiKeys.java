package dev.vendorrisk.service;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Who may call the service: the API keys of {@code vra.auth.api-keys}, each {@code caller:key} (or a bare
 * key, named {@code key-<n>}). Authentication is on unless {@code vra.auth.enabled=false}, which is for
 * local use only; with it on and no key configured the service refuses to start, rather than run open
 * or closed to everyone by mistake.
 */
@ApplicationScoped
public class ApiKeys {
    /** The request header that carries the key. */
    public static final String HEADER = "X-API-Key";
    /** Keys shorter than this are refused at start-up: they can be guessed. */
    static final int MIN_LENGTH = 16;

    private static final Logger LOG = Logger.getLogger(ApiKeys.class);

    /** One caller: its name (in logs) and the SHA-256 digest of its key. */
    private record Caller(String name, byte[] digest) {
    }

    @ConfigProperty(name = "vra.auth.enabled", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "vra.auth.api-keys")
    Optional<List<String>> configured;

    private volatile List<Caller> callers;

    void onStart(@Observes StartupEvent event) {
        if (!enabled) {
            LOG.warn("authentication is off (vra.auth.enabled=false): anyone who reaches the port can call the"
                    + " service; use this for local use only, bound to localhost");
            return;
        }
        List<Caller> parsed = callers();
        LOG.infof("authentication is on: %d API key(s), for %s; send the key in the %s header", parsed.size(),
                String.join(", ", parsed.stream().map(Caller::name).toList()), HEADER);
    }

    /** True unless {@code vra.auth.enabled=false}. */
    public boolean enabled() {
        return enabled;
    }

    /**
     * The caller whose key this is; empty when it is nobody's. Compares with every key in constant time,
     * so the answer's timing tells nothing about how much of a key was right.
     */
    public Optional<String> caller(String presented) {
        byte[] digest = sha256(presented);
        String found = null;
        for (Caller c : callers()) {
            if (MessageDigest.isEqual(c.digest(), digest) && found == null) {
                found = c.name();
            }
        }
        return Optional.ofNullable(found);
    }

    private List<Caller> callers() {
        List<Caller> c = callers;
        if (c == null) {
            c = parse(configured.orElse(List.of()));
            callers = c;
        }
        return c;
    }

    /** The configured entries as callers; a configuration that would let anyone in or nobody in is refused. */
    static List<Caller> parse(List<String> entries) {
        List<Caller> out = new ArrayList<>();
        for (String entry : entries) {
            String e = entry.trim();
            if (e.isEmpty()) {
                continue;
            }
            int colon = e.indexOf(':');
            String name = colon > 0 ? e.substring(0, colon).trim() : "key-" + (out.size() + 1);
            String key = colon > 0 ? e.substring(colon + 1).trim() : e;
            if (key.length() < MIN_LENGTH) {
                throw new IllegalStateException("vra.auth.api-keys: the key of '" + name + "' has " + key.length()
                        + " characters; use at least " + MIN_LENGTH + ", e.g. from 'openssl rand -hex 32'");
            }
            out.add(new Caller(name, sha256(key)));
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("vra.auth.api-keys is empty while vra.auth.enabled is true: set the keys"
                    + " of the callers as 'caller:key,...' (e.g. VRA_AUTH_API_KEYS=ci:$(openssl rand -hex 32)), or, for"
                    + " local use only, start with -Dvra.auth.enabled=false");
        }
        return List.copyOf(out);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
