package dev.vendorrisk.assessor.profile;

/**
 * The provider as an organisation.
 *
 * @param staffCount          people employed by the provider
 * @param technicalStaffCount people who can operate the service
 * @param foundedYear         year the company was founded
 * @param servicesOffered     size of the provider's service catalogue
 * @param financialHealth     strong, adequate, weak or distressed
 * @param ownershipChangedOn  when the owner last changed, or never
 * @param formerParent        the company it separated from, or none
 */
public record Company(
        Integer staffCount,
        Integer technicalStaffCount,
        Integer foundedYear,
        Integer servicesOffered,
        FinancialHealth financialHealth,
        DateOrNever ownershipChangedOn,
        FormerParent formerParent) {
    public static final Company UNKNOWN = new Company(null, null, null, null, null, null, null);
}
