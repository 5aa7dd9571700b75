package dev.vendorrisk.assessor.batch;

import dev.vendorrisk.assessor.Diagnostic;
import dev.vendorrisk.assessor.profile.SourcePosition;
import dev.vendorrisk.assessor.profile.Waiver;
import dev.vendorrisk.assessor.profile.WaiverFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The waivers of a portfolio waivers file, looked up by vendor, and what became of each over a
 * batch: whether its vendor was assessed, whether its rule fired, whether it had expired. A waiver
 * that never applied is reported once for the whole batch ({@link #warnings()}), not per vendor.
 * Thread-safe: assessments on several threads record into it; memory is proportional to the
 * number of waivers, not of profiles.
 */
public final class PortfolioWaivers {
    private static final int VENDOR_SEEN = 1;
    private static final int RULE_FIRED = 2;
    private static final int EXPIRED_WHEN_FIRED = 4;

    private final WaiverFile file;
    private final Map<String, List<Waiver>> byVendor = new HashMap<>();
    private final Map<Waiver, AtomicInteger> states = new IdentityHashMap<>();

    private PortfolioWaivers(WaiverFile file) {
        this.file = file;
        for (Waiver w : file.waivers()) {
            byVendor.computeIfAbsent(w.vendor(), v -> new ArrayList<>()).add(w);
            states.put(w, new AtomicInteger());
        }
        byVendor.replaceAll((vendor, list) -> List.copyOf(list));
    }

    /** Tracks the waivers of a waivers file. */
    public static PortfolioWaivers of(WaiverFile file) {
        return new PortfolioWaivers(file);
    }

    /** No portfolio waivers. */
    public static PortfolioWaivers none() {
        return new PortfolioWaivers(WaiverFile.empty());
    }

    /** The waivers for one vendor, in file order; empty when none. */
    public List<Waiver> forVendor(String vendorId) {
        return byVendor.getOrDefault(vendorId, List.of());
    }

    /** True when {@code waiver} came from this file (it is then reported here, not per assessment). */
    public boolean tracks(Waiver waiver) {
        return states.containsKey(waiver);
    }

    /**
     * Records that {@code waiver}'s vendor was assessed once.
     *
     * @param fired   whether its rule fired for that vendor
     * @param expired whether it had expired on that assessment's date
     */
    public void record(Waiver waiver, boolean fired, boolean expired) {
        AtomicInteger state = states.get(waiver);
        if (state == null) {
            return;
        }
        int bits = VENDOR_SEEN | (fired ? RULE_FIRED : 0) | (fired && expired ? EXPIRED_WHEN_FIRED : 0);
        state.getAndUpdate(s -> s | bits);
    }

    /**
     * One warning per waiver that did not simply apply, in file order: its vendor was not in the
     * batch, its rule never fired for that vendor, or it had expired where its rule fired.
     * Independent of the order in which the assessments ran.
     */
    public List<Diagnostic> warnings() {
        return warnings(null);
    }

    /**
     * The warnings of {@link #warnings()}; a waiver whose rule is not among {@code ruleIds} says so instead
     * ({@code no such rule 'SEC-099'}). Null: the rule ids are not known.
     */
    public List<Diagnostic> warnings(java.util.Set<String> ruleIds) {
        List<Diagnostic> out = new ArrayList<>();
        for (int i = 0; i < file.waivers().size(); i++) {
            Waiver w = file.waivers().get(i);
            SourcePosition at = file.positions().get(i);
            int state = states.get(w).get();
            String which = "waiver for " + w.rule() + " of vendor '" + w.vendor() + "' (owner " + w.owner() + ")";
            String message = null;
            if (ruleIds != null && !ruleIds.contains(w.rule())) {
                message = which + ": no such rule '" + w.rule() + "'; correct the id (vra rules list shows them)";
            } else if ((state & VENDOR_SEEN) == 0) {
                message = which + " is unused: no profile of vendor '" + w.vendor()
                        + "' was assessed in this run; remove it or correct the vendor id";
            } else if ((state & RULE_FIRED) == 0) {
                message = which + " is unused: " + w.rule() + " did not fire for vendor '" + w.vendor()
                        + "'; remove it";
            } else if ((state & EXPIRED_WHEN_FIRED) != 0) {
                message = which + " expired on " + w.expires()
                        + "; the finding counts again until the waiver is renewed";
            }
            if (message != null) {
                out.add(new Diagnostic(file.file(), at == null ? 0 : at.line(), at == null ? 0 : at.column(), message));
            }
        }
        return out;
    }
}
