package dev.vendorrisk.assessor.profile;

import java.util.List;

/**
 * The customer's software running at the provider.
 *
 * @param customBuilt          compiled or tuned for this particular host
 * @param reproducibleBuild    whether the customer can rebuild it for another target
 * @param requiredCpuFeatures  CPU features the build needs, e.g. {@code avx2}
 */
public record Workload(Boolean customBuilt, Boolean reproducibleBuild, List<String> requiredCpuFeatures) {
    public static final Workload UNKNOWN = new Workload(null, null, null);

    public Workload {
        requiredCpuFeatures = Lists.copy(requiredCpuFeatures);
    }
}
