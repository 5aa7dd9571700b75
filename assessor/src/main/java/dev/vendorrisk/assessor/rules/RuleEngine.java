package dev.vendorrisk.assessor.rules;

import dev.vendorrisk.assessor.Diagnostic;
import dev.vendorrisk.assessor.RuleBaseException;
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
 * a cap, and collects the hits. Each evaluation starts from an empty working memory: sessions come
 * from the rule base's pool and are reset when disposed, which skips the cost of building one per
 * profile; nothing but the rule base is shared between evaluations.
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
        int cap = rules.policy().maxFirings();
        KieSession session = rules.sessions().newKieSession();
        try {
            insertFacts(session, profile, context, exposure);
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
                throw runaway(rules, file, profile, context, exposure, cap);
            }
            List<Hit> hits = new ArrayList<>();
            for (Object o : session.getObjects(o -> o instanceof Hit)) {
                hits.add((Hit) o);
            }
            return hits;
        } finally {
            session.dispose(); // resets the session and returns it to the pool
        }
    }

    private static void insertFacts(KieSession session, VendorProfile profile, Context context, Exposure exposure) {
        FactTypes.vendorFacts(profile, context, exposure, session::insert);
    }

    /**
     * The evaluation hit the firing cap: runs it again on a fresh session that counts firings per
     * rule (the rare path, so the common one carries no listener), to name the rule that loops.
     */
    private static RuleBaseException runaway(RuleBase rules, String file, VendorProfile profile, Context context,
                                             Exposure exposure, int cap) {
        KieSession session = rules.kieBase().newKieSession();
        FiringCounter counter = new FiringCounter();
        session.addEventListener(counter);
        try {
            insertFacts(session, profile, context, exposure);
            session.fireAllRules(cap);
        } catch (ConsequenceException e) {
            // the count so far names the rule well enough
        } finally {
            session.dispose();
        }
        String loudest = counter.loudest();
        RuleMeta meta = findByName(rules, loudest);
        return new RuleBaseException(List.of(new Diagnostic(meta != null ? meta.file() : "rules",
                meta != null ? meta.line() : 0, 0, "rule '" + loudest + "' fired " + counter.count(loudest)
                + " times on " + file + " and the evaluation was stopped at the cap of " + cap
                + " firings; make sure its action does not re-trigger it (or raise maxFirings in scoring.yaml)")));
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
