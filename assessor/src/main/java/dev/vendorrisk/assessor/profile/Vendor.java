package dev.vendorrisk.assessor.profile;

/**
 * Who provides the service.
 *
 * @param id      unique in a portfolio; {@code [a-z0-9][a-z0-9-]*}
 * @param name    the provider's legal or trading name
 * @param country ISO 3166-1 alpha-2 code
 */
public record Vendor(String id, String name, String country) {
}
