package dev.vendorrisk.assessor.profile;

import java.util.List;

/**
 * How the provider changes the service.
 *
 * @param maintenanceNoticeDays           days of notice before maintenance
 * @param notifiesBeforeHardwareMigration whether moves to other hardware are announced
 * @param guaranteedCpuFeatures           CPU features the provider guarantees
 * @param rollbackPlan                    whether changes can be rolled back
 * @param workload                        the customer's software on the service
 */
public record Operations(
        Integer maintenanceNoticeDays,
        Boolean notifiesBeforeHardwareMigration,
        List<String> guaranteedCpuFeatures,
        Boolean rollbackPlan,
        Workload workload) {
    public static final Operations UNKNOWN = new Operations(null, null, null, null, Workload.UNKNOWN);

    public Operations {
        guaranteedCpuFeatures = Lists.copy(guaranteedCpuFeatures);
        workload = workload == null ? Workload.UNKNOWN : workload;
    }
}
