package dev.vendorrisk.assessor.portfolio;

import dev.vendorrisk.assessor.Diagnostic;
import dev.vendorrisk.assessor.RuleBaseException;
import dev.vendorrisk.assessor.RuleTimeoutException;
import dev.vendorrisk.assessor.rules.Evidence;
import dev.vendorrisk.assessor.rules.Hit;
import dev.vendorrisk.assessor.rules.RuleBase;
import dev.vendorrisk.assessor.rules.RuleEngine;
import dev.vendorrisk.assessor.rules.RuleMeta;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import dev.vendorrisk.assessor.profile.ServiceKind;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.kie.api.runtime.rule.ConsequenceException;

/**
 * Evaluates the portfolio rules ({@code rules/portfolio.drl}) over a batch. One small
 * {@link PortfolioEntry} per assessed service is kept as it arrives, together with the batch-wide
 * sums the rules compare against ({@link Derived.CurrencyExposure}, {@link Derived.KindAlternatives}).
 * {@link #evaluate} then runs the rules over the entries vendor group by vendor group, a few
 * thousand services per session, so the rule engine's memory stays small however large the batch;
 * every rule's decision concerns one vendor's services, so no finding depends on the grouping, and
 * the groups are fired in parallel.
 * The per-vendor rules never match these facts. Not thread-safe: feed it from one thread.
 */
public final class PortfolioSession {
    /** The area of the portfolio rules: the rule file's name. */
    public static final String AREA = "portfolio";
    /** Services per session, at most, unless one vendor has more (a vendor's services always share one). */
    static final int DEFAULT_GROUP = 4096;

    /** How {@link RuleTimeoutException}s name what the portfolio rules ran on. */
    static final String WHAT = "the portfolio";

    private final RuleBase rules;
    private final Duration limit;
    private final boolean enabled;
    private final int group;
    /** The entries by vendor, so that grouping them at the end needs no sort of every entry. */
    private final Map<String, List<PortfolioEntry>> byVendor = new HashMap<>();
    private int services;
    private int unknownExposure;
    /** Per currency: the sum of the known exposures, and how many services have one. */
    private final Map<String, double[]> exposureByCurrency = new TreeMap<>();
    private final Map<String, Set<String>> vendorsByCurrency = new HashMap<>();
    private final Map<ServiceKind, List<String>> cleanByKind = new EnumMap<>(ServiceKind.class);

    /**
     * A session over {@code rules}, their firings stopped at the {@linkplain RuleEngine#DEFAULT_TIME_LIMIT
     * default time limit}; without portfolio rules it only counts.
     */
    public PortfolioSession(RuleBase rules) {
        this(rules, RuleEngine.DEFAULT_TIME_LIMIT);
    }

    /** A session over {@code rules} whose firings are stopped at {@code limit} per group, as a profile's are. */
    public PortfolioSession(RuleBase rules, Duration limit) {
        this(rules, limit, DEFAULT_GROUP);
    }

    PortfolioSession(RuleBase rules, Duration limit, int group) {
        this.rules = rules;
        this.limit = limit;
        this.enabled = rules.rules().stream().anyMatch(r -> AREA.equals(r.area()));
        this.group = group;
    }

    /** Adds one assessed service. */
    public void add(PortfolioEntry entry) {
        services++;
        if (entry.exposure() == null || entry.currency() == null) {
            unknownExposure++;
        } else {
            double[] sum = exposureByCurrency.computeIfAbsent(entry.currency(), c -> new double[2]);
            sum[0] += entry.exposure();
            sum[1]++;
            vendorsByCurrency.computeIfAbsent(entry.currency(), c -> new HashSet<>()).add(entry.vendorId());
        }
        if (entry.kind() != null && entry.noCriticalFindings()) {
            List<String> clean = cleanByKind.computeIfAbsent(entry.kind(), k -> new ArrayList<>(2));
            if (clean.size() < 2 && !clean.contains(entry.vendorId())) {
                clean.add(entry.vendorId());
            }
        }
        if (enabled) {
            byVendor.computeIfAbsent(entry.vendorId(), v -> new ArrayList<>(2)).add(entry);
        }
    }

    /**
     * Fires the portfolio rules, group by group.
     *
     * @param warnings the batch's warnings about the waivers file, carried into the result
     * @throws RuleBaseException when a portfolio rule fails
     * @throws RuleTimeoutException when the portfolio rules run past the time limit; names the rule
     */
    public PortfolioResult evaluate(List<Diagnostic> warnings) {
        List<PortfolioFinding> findings = new ArrayList<>();
        if (enabled && !byVendor.isEmpty()) {
            List<Object> context = context();
            List<List<PortfolioEntry>> groups = new ArrayList<>();
            List<PortfolioEntry> current = new ArrayList<>();
            for (String vendor : new TreeSet<>(byVendor.keySet())) {
                List<PortfolioEntry> services = byVendor.get(vendor);
                services.sort(Comparator.comparing(PortfolioEntry::file)); // a vendor's services stay together
                if (!current.isEmpty() && current.size() + services.size() > group) {
                    groups.add(current);
                    current = new ArrayList<>();
                }
                current.addAll(services);
            }
            groups.add(current);
            // the groups share nothing but the rule base: fired side by side, then taken in order,
            // so the findings and the first failure are the same however the threads ran
            List<Outcome> outcomes = (groups.size() > 1 ? groups.parallelStream() : groups.stream())
                    .map(g -> outcome(context, g)).toList();
            for (Outcome outcome : outcomes) {
                if (outcome.failure() != null) {
                    throw outcome.failure();
                }
                findings.addAll(outcome.found());
            }
        }
        findings.sort(Comparator.comparing(PortfolioFinding::id).thenComparing(PortfolioFinding::message));
        return new PortfolioResult(services, findings, notes(services), warnings);
    }

    /** A group's findings, or the failure that stopped it (returned, so it crosses threads unchanged). */
    private record Outcome(List<PortfolioFinding> found, RuntimeException failure) {
    }

    private Outcome outcome(List<Object> context, List<PortfolioEntry> group) {
        List<PortfolioFinding> found = new ArrayList<>();
        try {
            fire(context, group, found);
            return new Outcome(found, null);
        } catch (RuntimeException e) {
            return new Outcome(List.of(), e);
        }
    }

    /** The facts every group's session starts with. */
    private List<Object> context() {
        List<Object> facts = new ArrayList<>();
        facts.add(new PortfolioLimits(rules.policy().flatLimits()));
        exposureByCurrency.forEach((currency, sum) -> facts.add(
                new Derived.CurrencyExposure(currency, sum[0], vendorsByCurrency.get(currency).size())));
        cleanByKind.forEach((kind, vendors) -> facts.add(new Derived.KindAlternatives(kind, vendors)));
        return facts;
    }

    private void fire(List<Object> context, List<PortfolioEntry> group, List<PortfolioFinding> findings) {
        RuleEngine.watched(rules, WHAT, limit, session -> {
            try {
                context.forEach(session::insert);
                group.forEach(session::insert);
                session.fireAllRules(Math.max(rules.policy().maxFirings(), 10 * group.size() + 100));
            } catch (ConsequenceException e) {
                RuleMeta meta = rules.meta(e.getRule().getPackageName(), e.getRule().getName());
                throw new RuleBaseException(List.of(new Diagnostic(meta != null ? meta.file() : "rules",
                        meta != null ? meta.line() : 0, 0, "portfolio rule '" + e.getRule().getName() + "' failed: "
                        + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()))));
            }
            for (Object o : session.getObjects(o -> o instanceof Hit)) {
                PortfolioFinding f = finding((Hit) o);
                if (f != null) {
                    findings.add(f);
                }
            }
            return null;
        });
    }

    private List<String> notes(int services) {
        List<String> notes = new ArrayList<>();
        if (unknownExposure > 0 && services > 0) {
            notes.add(String.format(Locale.ROOT, "the outage exposure of %d of %d services is unknown; the exposure"
                    + " comparison (PORT-002) covers only the services whose exposure is known", unknownExposure, services));
        }
        if (exposureByCurrency.size() > 1) {
            StringBuilder b = new StringBuilder();
            exposureByCurrency.forEach((c, sum) -> b.append(b.length() == 0 ? "" : ", ").append(c).append(' ')
                    .append((long) sum[1]));
            notes.add("exposures are in " + exposureByCurrency.size() + " currencies (" + b + " services); the exposure"
                    + " comparison (PORT-002) compares vendors within one currency only, never across currencies");
        }
        return notes;
    }
    private PortfolioFinding finding(Hit hit) {
        RuleMeta meta = rules.meta(hit.packageName(), hit.ruleName());
        if (meta == null) {
            return null;
        }
        List<Evidence> evidence = hit.evidence();
        StringBuilder message = new StringBuilder(meta.title());
        if (!evidence.isEmpty()) {
            message.append(" (");
            for (int i = 0; i < evidence.size(); i++) {
                message.append(i == 0 ? "" : ", ").append(evidence.get(i).path()).append(": ")
                        .append(evidence.get(i).text());
            }
            message.append(')');
        }
        return new PortfolioFinding(meta.id(), meta.title(), meta.severity(), meta.weight(), meta.recommendation(),
                rules.policy().recommendations().getOrDefault(meta.recommendation(), meta.recommendation()),
                message.toString(), evidence);
    }
}
