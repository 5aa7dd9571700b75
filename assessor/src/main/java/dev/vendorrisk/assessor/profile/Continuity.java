package dev.vendorrisk.assessor.profile;

/**
 * What happens when the service is lost.
 *
 * @param backups                    whether the provider keeps backups
 * @param backupsRestorableElsewhere whether a backup can be restored outside this provider
 * @param lastRestoreTest            the last restore test, or never
 * @param restoreTimeHours           time to restore the service
 * @param fallbackPlan               a documented manual fallback
 * @param exitPlan                   a plan to leave the provider
 * @param dataExport                 whether data can be exported
 * @param alternativeProviders       providers ready to take over
 * @param replacementTimeDays        days needed to move to another provider
 */
public record Continuity(
        Boolean backups,
        Boolean backupsRestorableElsewhere,
        DateOrNever lastRestoreTest,
        Double restoreTimeHours,
        Boolean fallbackPlan,
        Boolean exitPlan,
        Boolean dataExport,
        Integer alternativeProviders,
        Integer replacementTimeDays) {
    public static final Continuity UNKNOWN = new Continuity(null, null, null, null, null, null, null, null, null);
}
