package dev.vendorrisk.service;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The media types the service reads and writes, and the choice of the answer's type from the request's
 * {@code Accept} header: the first acceptable type (by quality) that the operation offers, or a
 * {@link NotAcceptable} that names what it offers.
 */
final class MediaTypes {
    /** The registered YAML media type. */
    static final String YAML = "application/yaml";
    /** YAML as older clients send it. */
    static final String X_YAML = "application/x-yaml";
    /** YAML as some editors and tools send it. */
    static final String TEXT_YAML = "text/yaml";
    /** Every type an assessment body may have, in the order messages list them. */
    static final List<String> BODY = List.of(YAML, X_YAML, TEXT_YAML, MediaType.APPLICATION_JSON);

    private MediaTypes() {
    }

    /** True when the body is JSON ({@code application/json}), false for the YAML types. */
    static boolean isJson(HttpHeaders headers) {
        MediaType type = headers.getMediaType();
        return type != null && type.isCompatible(MediaType.APPLICATION_JSON_TYPE);
    }

    /**
     * The type to answer with: the first of the request's acceptable types, by quality, that one of
     * {@code offered} matches; the first offered when the request accepts anything.
     *
     * @throws NotAcceptable when none of the acceptable types is offered
     */
    static MediaType negotiate(HttpHeaders headers, List<MediaType> offered) {
        for (MediaType acceptable : headers.getAcceptableMediaTypes()) {
            for (MediaType o : offered) {
                if (acceptable.isCompatible(o)) {
                    return o;
                }
            }
        }
        throw new NotAcceptable(headers.getHeaderString(HttpHeaders.ACCEPT), offered);
    }

    /** No acceptable type is offered: answered with 406 and an {@link ErrorBody} naming the offered types. */
    static final class NotAcceptable extends RuntimeException {
        private final transient List<MediaType> offered;

        NotAcceptable(String accept, List<MediaType> offered) {
            super("cannot answer with '" + accept + "'; accept one of: "
                    + String.join(", ", offered.stream().map(MediaTypes::plain).toList()), null, false, false);
            this.offered = List.copyOf(offered);
        }

        List<MediaType> offered() {
            return offered;
        }
    }

    /** The type without parameters, as messages name it. */
    static String plain(MediaType type) {
        return type.getType() + "/" + type.getSubtype();
    }
}
