package dev.vendorrisk.assessor.history;

import dev.vendorrisk.assessor.Rating;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A baseline report held compactly for comparing a run with it: per service (vendor id + service name,
 * whatever file it came from, so moving or renaming files changes nothing) its file, rating, score and
 * findings, the findings shared between services. Built with the streaming {@link ReportReader}, never
 * the report's whole tree.
 *
 * <p>Not thread-safe: compare services one at a time (a batch hands results over in order on one thread).
 */
public final class BaselineIndex {
    private final String file;
    private final LocalDate runDate;
    private final Map<String, Entry> services;

    /** One service of the baseline, and whether the run has seen it. */
    private static final class Entry {
        final String file;
        final String vendorId;
        final String service;
        final Rating rating;
        final double score;
        final FindingRef[] findings;
        boolean seen;

        Entry(Snapshot s) {
            file = s.file();
            vendorId = s.vendorId();
            service = s.service();
            rating = s.rating();
            score = s.score();
            findings = s.findings().toArray(new FindingRef[0]);
        }
    }

    /** A service of the baseline the run did not have. */
    public record Removed(String file, String vendorId, String service, Rating rating, double score,
                          List<FindingRef> findings) {
        public Removed {
            findings = List.copyOf(findings);
        }

        /** {@code vendor-id / service name}. */
        public String label() {
            return service == null ? vendorId : vendorId + " / " + service;
        }
    }

    private BaselineIndex(String file, LocalDate runDate, Map<String, Entry> services) {
        this.file = file;
        this.runDate = runDate;
        this.services = services;
    }

    /**
     * Reads a baseline report.
     *
     * @throws dev.vendorrisk.assessor.AssessorException naming the file when it is not a complete JSON report
     *                                                   of this tool's schema version
     */
    public static BaselineIndex read(Path report) {
        Map<String, Entry> services = new HashMap<>();
        ReportReader.Header header = ReportReader.read(report, s -> services.putIfAbsent(s.key(), new Entry(s)));
        return new BaselineIndex(report.toString(), header.runDate(), services);
    }

    /** The baseline's file, as given. */
    public String file() {
        return file;
    }

    /** The run date of the baseline's run; null when the report does not say (older reports). */
    public LocalDate runDate() {
        return runDate;
    }

    /** How many services the baseline has. */
    public int size() {
        return services.size();
    }

    /**
     * Compares a service of this run with the baseline and marks it seen.
     *
     * @param now     the service as this run assessed it
     * @param ruleIds the rule ids of this run's rule base, to note resolved findings whose rule is gone;
     *                null when not known (comparing two saved reports)
     */
    public ServiceChange compare(Snapshot now, Set<String> ruleIds) {
        Entry old = services.get(now.key());
        if (old == null) {
            List<Change> changes = new ArrayList<>(now.findings().size());
            now.findings().forEach(f -> changes.add(Change.NEW));
            return new ServiceChange(true, null, null, Double.NaN, changes, List.of());
        }
        old.seen = true;
        return compare(old.file, old.rating, old.score, List.of(old.findings), now.findings(), ruleIds);
    }

    /** The comparison of an earlier and a later list of findings of one service (contract section 6). */
    static ServiceChange compare(String oldFile, Rating oldRating, double oldScore, List<FindingRef> before,
                                 List<FindingRef> after, Set<String> ruleIds) {
        Map<String, Integer> remaining = new HashMap<>();
        for (FindingRef f : before) {
            remaining.merge(f.key(), 1, Integer::sum);
        }
        List<Change> changes = new ArrayList<>(after.size());
        for (FindingRef f : after) {
            Integer n = remaining.get(f.key());
            if (n != null && n > 0) {
                remaining.put(f.key(), n - 1);
                changes.add(Change.UNCHANGED);
            } else {
                changes.add(Change.NEW);
            }
        }
        List<Resolved> resolved = new ArrayList<>();
        for (FindingRef f : before) {
            Integer n = remaining.get(f.key());
            if (n != null && n > 0) {
                remaining.put(f.key(), n - 1);
                boolean gone = ruleIds != null && !ruleIds.contains(f.id());
                resolved.add(new Resolved(f, gone ? "rule '" + f.id() + "' is no longer in the rule base" : null));
            }
        }
        return new ServiceChange(false, oldFile, oldRating, oldScore, changes, resolved);
    }

    /** The baseline's services this run has not compared, in file order: the removed ones. */
    public List<Removed> unseen() {
        List<Removed> out = new ArrayList<>();
        for (Entry e : services.values()) {
            if (!e.seen) {
                out.add(new Removed(e.file, e.vendorId, e.service, e.rating, e.score, List.of(e.findings)));
            }
        }
        out.sort(java.util.Comparator.comparing((Removed r) -> String.valueOf(r.file())).thenComparing(Removed::label));
        return out;
    }
}
