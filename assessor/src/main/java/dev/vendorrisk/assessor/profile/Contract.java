package dev.vendorrisk.assessor.profile;

/**
 * The contract with the provider.
 *
 * @param written                   whether there is a written contract
 * @param liabilityForDamages       whether the provider is liable for damages
 * @param serviceLevelPenalties     whether missed service levels carry penalties
 * @param rightToAudit              whether the customer may audit the provider
 * @param incidentNotification      whether the provider must report incidents
 * @param incidentNotificationHours within how many hours
 * @param terminationNoticeDays     notice the provider must give before ending the contract
 * @param confidentiality           whether there is a confidentiality clause
 * @param dataProcessingAgreement   whether there is a data processing agreement
 */
public record Contract(
        Boolean written,
        Boolean liabilityForDamages,
        Boolean serviceLevelPenalties,
        Boolean rightToAudit,
        Boolean incidentNotification,
        Double incidentNotificationHours,
        Integer terminationNoticeDays,
        Boolean confidentiality,
        Boolean dataProcessingAgreement) {
    public static final Contract UNKNOWN = new Contract(null, null, null, null, null, null, null, null, null);
}
