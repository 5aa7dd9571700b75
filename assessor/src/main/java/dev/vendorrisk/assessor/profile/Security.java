package dev.vendorrisk.assessor.profile;

import java.util.List;

/**
 * Assurance about the provider's security.
 *
 * @param certifications          e.g. {@code iso27001}, {@code soc2-type2}
 * @param subcontractorsDisclosed whether the provider names its subcontractors
 */
public record Security(List<String> certifications, Boolean subcontractorsDisclosed) {
    public static final Security UNKNOWN = new Security(null, null);

    public Security {
        certifications = Lists.copy(certifications);
    }
}
