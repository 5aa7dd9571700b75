package dev.vendorrisk.service;

import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** RestAssured that sends YAML bodies as text (it knows no YAML media type of its own) and the test API key. */
final class Http {
    /** The key of {@code %test.vra.auth.api-keys}. */
    static final String KEY = "test-key-0123456789abcdef";

    private static final RestAssuredConfig CONFIG = RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
            .defaultContentCharset("UTF-8")
            .encodeContentTypeAs("application/yaml", ContentType.TEXT)
            .encodeContentTypeAs("application/x-yaml", ContentType.TEXT)
            .encodeContentTypeAs("text/yaml", ContentType.TEXT));

    private Http() {
    }

    static RequestSpecification given() {
        return anonymous().header(ApiKeys.HEADER, KEY);
    }

    /** A request without an API key. */
    static RequestSpecification anonymous() {
        return RestAssured.given().config(CONFIG);
    }
}
