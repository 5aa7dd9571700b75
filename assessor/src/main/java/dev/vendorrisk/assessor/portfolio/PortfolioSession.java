package dev.vendorrisk.assessor.portfolio;

import dev.vendorrisk.assessor.Diagnostic;
import dev.vendorrisk.assessor.RuleBaseException;
import dev.vendorrisk.assessor.rules.Evidence;
import dev.vendorrisk.assessor.rules.Hit;
import dev.vendorrisk.assessor.rules.RuleBase;
import dev.vendorrisk.assessor.rules.RuleMeta;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;

/**
 * Evaluates the portfolio rules ({@code rules/portfolio.drl}) over a batch: one
 * {@link PortfolioEntry} per assessed service goes into a fresh session of the same rule base as
 * it arrives, and {@link #evaluate} fires the rules once at the end. The per-vendor rules never
 * match these facts. Not thread-safe: feed it from one thread, in report order.
 */
public final class PortfolioSession {
    /** The area of the portfolio rules: the rule file's name. */
    public static final String AREA = "portfolio";

    private final RuleBase rules;
    private final KieSession session;
    private int services;
    private int unknownExposure;
    private final Map<String, Integer> currencies = new TreeMap<>();

    /** A session over {@code rules}; without portfolio rules it only counts. */
    public PortfolioSession(RuleBase rules) {
        this.rules = rules;
        boolean any = rules.rules().stream().anyMatch(r -> AREA.equals(r.area()));
        this.session = any ? rules.kieBase().newKieSession() : null;
        if (session != null) {
            session.insert(new PortfolioLimits(rules.policy().flatLimits()));
        }
    }

    /** Adds one assessed service. */
    public void add(PortfolioEntry entry) {
        services++;
        if (entry.exposure() == null || entry.currency() == null) {
            unknownExposure++;
        } else {
            currencies.merge(entry.currency(), 1, Integer::sum);
        }
        if (session != null) {
            session.insert(entry);
        }
    }

    /**
     * Fires the portfolio rules and disposes of the session.
     *
     * @param warnings the batch's warnings about the waivers file, carried into the result
     * @throws RuleBaseException when a portfolio rule fails
     */
    public PortfolioResult evaluate(List<Diagnostic> warnings) {
        List<PortfolioFinding> findings = new ArrayList<>();
        if (session != null) {
            try {
                session.fireAllRules(Math.max(rules.policy().maxFirings(), 10 * services + 100));
                for (Object o : session.getObjects(o -> o instanceof Hit)) {
                    PortfolioFinding f = finding((Hit) o);
                    if (f != null) {
                        findings.add(f);
                    }
                }
            } catch (ConsequenceException e) {
                RuleMeta meta = rules.meta(e.getRule().getPackageName(), e.getRule().getName());
                throw new RuleBaseException(List.of(new Diagnostic(meta != null ? meta.file() : "rules",
                        meta != null ? meta.line() : 0, 0, "portfolio rule '" + e.getRule().getName() + "' failed: "
                        + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()))));
            } finally {
                session.dispose();
            }
        }
        findings.sort(Comparator.comparing(PortfolioFinding::id).thenComparing(PortfolioFinding::message));
        return new PortfolioResult(services, findings, notes(), warnings);
    }

    private List<String> notes() {
        List<String> notes = new ArrayList<>();
        if (unknownExposure > 0 && services > 0) {
            notes.add(String.format(Locale.ROOT, "the outage exposure of %d of %d services is unknown; the exposure"
                    + " comparison (PORT-002) covers only the services whose exposure is known", unknownExposure, services));
        }
        if (currencies.size() > 1) {
            StringBuilder b = new StringBuilder();
            currencies.forEach((c, n) -> b.append(b.length() == 0 ? "" : ", ").append(c).append(' ').append(n));
            notes.add("exposures are in " + currencies.size() + " currencies (" + b + " services); the exposure"
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
