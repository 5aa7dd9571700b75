package dev.vendorrisk.assessor.rules;

import dev.vendorrisk.assessor.Diagnostic;
import dev.vendorrisk.assessor.RuleBaseException;
import dev.vendorrisk.assessor.profile.Incident;
import dev.vendorrisk.assessor.profile.VendorProfile;
import dev.vendorrisk.assessor.scoring.Exposure;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;

/**
 * The one place that talks to a Drools session: inserts a profile's facts, fires the rules with
 * a cap, and collects the hits. A fresh session per evaluation; nothing is shared but the rule base.
 */
public final class RuleEngine {
    private RuleEngine() {
    }

    /**
     * Fires the rules over one profile.
     *
     * @return the hits, in firing order
     * @throws RuleBaseException when a rule fails or the firing cap is reached; names the rule
     */
    public static List<Hit> fire(RuleBase rules, String file, VendorProfile profile, Context context, Exposure exposure) {
        KieSession session = rules.kieBase().newKieSession();
        FiringCounter counter = new FiringCounter();
        session.addEventListener(counter);
        try {
            session.insert(context);
            session.insert(exposure);
            session.insert(profile.service());
            session.insert(profile.company());
            session.insert(profile.support());
            session.insert(profile.sla());
            session.insert(profile.operations());
            session.insert(profile.continuity());
            session.insert(profile.contract());
            session.insert(profile.security());
            session.insert(profile);
            if (profile.incidents() != null) {
                for (Incident incident : profile.incidents()) {
                    session.insert(incident);
                }
            }
            int cap = rules.policy().maxFirings();
            int fired;
            try {
                fired = session.fireAllRules(cap);
            } catch (ConsequenceException e) {
                RuleMeta meta = rules.meta(e.getRule().getPackageName(), e.getRule().getName());
                throw new RuleBaseException(List.of(new Diagnostic(meta != null ? meta.file() : "rules",
                        meta != null ? meta.line() : 0, 0, "rule '" + e.getRule().getName() + "' failed on " + file
                        + ": " + rootMessage(e))));
            }
            if (fired >= cap) {
                String loudest = counter.loudest();
                RuleMeta meta = findByName(rules, loudest);
                throw new RuleBaseException(List.of(new Diagnostic(meta != null ? meta.file() : "rules",
                        meta != null ? meta.line() : 0, 0, "rule '" + loudest + "' fired " + counter.count(loudest)
                        + " times on " + file + " and the evaluation was stopped at the cap of " + cap
                        + " firings; make sure its action does not re-trigger it (or raise maxFirings in scoring.yaml)")));
            }
            List<Hit> hits = new ArrayList<>();
            for (Object o : session.getObjects(o -> o instanceof Hit)) {
                hits.add((Hit) o);
            }
            return hits;
        } finally {
            session.dispose();
        }
    }

    private static RuleMeta findByName(RuleBase rules, String ruleName) {
        return rules.rules().stream().filter(r -> r.ruleName().equals(ruleName)).findFirst().orElse(null);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
    }

    /** Counts firings per rule, to name the rule that hit the cap. */
    private static final class FiringCounter extends DefaultAgendaEventListener {
        private final Map<String, Integer> counts = new HashMap<>();

        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
            counts.merge(event.getMatch().getRule().getName(), 1, Integer::sum);
        }

        String loudest() {
            return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("?");
        }

        int count(String rule) {
            return counts.getOrDefault(rule, 0);
        }
    }
}
