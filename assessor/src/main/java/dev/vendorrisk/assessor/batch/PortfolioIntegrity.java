package dev.vendorrisk.assessor.batch;

import dev.vendorrisk.assessor.Assessment;
import dev.vendorrisk.assessor.Diagnostic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a portfolio must hold for its services to be told apart over time (baselines match by vendor id
 * and service name): one file per service, one name per vendor id. Fed in input order; the later file of
 * a conflicting pair is the one in error, and its message names the earlier one. Not thread-safe.
 */
final class PortfolioIntegrity {
    private final Map<String, String> serviceFiles = new HashMap<>();
    private final Map<String, String[]> vendorNames = new HashMap<>();

    /** The problems of one assessed file against the ones before it; empty when none (it is then recorded). */
    List<Diagnostic> check(Assessment a) {
        List<Diagnostic> out = new ArrayList<>();
        String service = a.service() == null ? "" : a.service();
        String earlier = serviceFiles.get(a.vendorId() + "\u0000" + service);
        if (earlier != null) {
            out.add(new Diagnostic(a.file(), 0, 0, "service '" + service + "' of vendor '" + a.vendorId()
                    + "' is already described by " + earlier + "; one file per service: merge the two files, or give"
                    + " this service its own name"));
        }
        String[] named = vendorNames.get(a.vendorId());
        if (named != null && !Objects.equals(named[0], a.vendorName())) {
            out.add(new Diagnostic(a.file(), 0, 0, "vendor id '" + a.vendorId() + "' is named '" + a.vendorName()
                    + "' here but '" + named[0] + "' in " + named[1] + "; use one name per vendor id, or give this"
                    + " vendor its own id"));
        }
        if (out.isEmpty()) {
            serviceFiles.put(a.vendorId() + "\u0000" + service, a.file());
            vendorNames.putIfAbsent(a.vendorId(), new String[] {a.vendorName(), a.file()});
        }
        return out;
    }
}
