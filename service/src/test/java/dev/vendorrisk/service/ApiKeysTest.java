package dev.vendorrisk.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The configured keys: named callers, and a configuration that would let anyone or nobody in refused. */
class ApiKeysTest {
    private static ApiKeys keys(String... entries) {
        ApiKeys keys = new ApiKeys();
        keys.enabled = true;
        keys.configured = Optional.of(List.of(entries));
        return keys;
    }

    @Test
    void aKeyNamesItsCaller() {
        ApiKeys keys = keys("ci:0123456789abcdef0123", " alice : fedcba9876543210fedc ", "bare-key-without-a-name-1");

        assertThat(keys.caller("0123456789abcdef0123")).contains("ci");
        assertThat(keys.caller("fedcba9876543210fedc")).contains("alice");
        assertThat(keys.caller("bare-key-without-a-name-1")).contains("key-3");
        assertThat(keys.caller("0123456789abcdef012")).isEmpty();
        assertThat(keys.caller("")).isEmpty();
    }

    @Test
    void aShortKeyIsRefused() {
        assertThatThrownBy(() -> keys("ci:short").caller("x")).hasMessage("vra.auth.api-keys: the key of 'ci' has 5"
                + " characters; use at least 16, e.g. from 'openssl rand -hex 32'");
    }

    @Test
    void noKeyWhileAuthenticationIsOnIsRefused() {
        assertThatThrownBy(() -> keys(" ").caller("x")).hasMessageStartingWith("vra.auth.api-keys is empty while"
                + " vra.auth.enabled is true").hasMessageContaining("-Dvra.auth.enabled=false");
    }
}
