package dev.vendorrisk.assessor.rules;

import dev.vendorrisk.assessor.Diagnostic;
import dev.vendorrisk.assessor.RuleBaseException;
import dev.vendorrisk.assessor.RuleTimeoutException;
import dev.vendorrisk.assessor.profile.VendorProfile;
import dev.vendorrisk.assessor.scoring.Exposure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.kie.api.definition.rule.Rule;
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

    /** The default time limit of one evaluation. */
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(5);

    /**
     * Fires the rules over one profile within the {@linkplain #DEFAULT_TIME_LIMIT default time limit}.
     *
     * @return the hits, in firing order
     * @throws RuleBaseException when a rule fails or the firing cap is reached; names the rule
     * @throws RuleTimeoutException when the evaluation runs past the time limit; names the rule
     */
    public static List<Hit> fire(RuleBase rules, String file, VendorProfile profile, Context context, Exposure exposure) {
        return fire(rules, file, profile, context, exposure, DEFAULT_TIME_LIMIT);
    }

    /**
     * Fires the rules over one profile, stopping them at {@code limit} (see {@link RuleWatchdog}):
     * a session stopped that way is dropped, never returned to the pool.
     *
     * @return the hits, in firing order
     * @throws RuleBaseException when a rule fails or the firing cap is reached; names the rule
     * @throws RuleTimeoutException when the evaluation runs past the time limit; names the rule
     */
    public static List<Hit> fire(RuleBase rules, String file, VendorProfile profile, Context context, Exposure exposure,
                                 Duration limit) {
        int cap = rules.policy().maxFirings();
        return watched(rules, file, limit, session -> evaluate(rules, file, profile, context, exposure, session, cap));
    }

    /**
     * Runs {@code evaluation} on a session from the rule base's pool, stopping it at {@code limit} (see
     * {@link RuleWatchdog}): every firing of rules goes through here, the profile's rules and the
     * portfolio's alike. A session that finished in time goes back to the pool; one the watchdog halted
     * or stopped is dropped, so the next evaluation never gets a session left half-way.
     *
     * @param what what the rules run on, for the diagnostic: a profile's file, or "the portfolio"
     * @throws RuleTimeoutException when the evaluation runs past the time limit; names the rule
     */
    public static <T> T watched(RuleBase rules, String what, Duration limit, Function<KieSession, T> evaluation) {
        KieSession session = rules.sessions().newKieSession();
        RuleWatchdog.Run run = RuleWatchdog.start(session, limit);
        boolean reusable = false;
        try {
            T result;
            try {
                result = evaluation.apply(session);
            } catch (RuntimeException e) {
                if (run.state.get() == RuleWatchdog.Run.STOPPED || !finish(run)) {
                    throw timeout(rules, what, run, limit);
                }
                reusable = true;
                throw e;
            }
            if (!finish(run)) {
                throw timeout(rules, what, run, limit);
            }
            reusable = true;
            return result;
        } catch (ThreadDeath stopped) {
            if (run.state.get() != RuleWatchdog.Run.STOPPED) {
                throw stopped;
            }
            throw timeout(rules, what, run, limit);
        } finally {
            if (reusable) {
                session.dispose(); // resets the session and returns it to the pool
            } else {
                Thread.interrupted(); // the watchdog's interrupt is not for the caller
            }
        }
    }

    /** Ends the watch; false when the evaluation was halted or stopped. */
    private static boolean finish(RuleWatchdog.Run run) {
        try {
            return RuleWatchdog.end(run);
        } catch (ThreadDeath stopped) {
            return false;
        }
    }

    private static List<Hit> evaluate(RuleBase rules, String file, VendorProfile profile, Context context,
                                      Exposure exposure, KieSession session, int cap) {
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
    }

    /** The diagnostic of an evaluation the watchdog ended: the rule that was running, else the last to fire. */
    private static RuleTimeoutException timeout(RuleBase rules, String file, RuleWatchdog.Run run, Duration limit) {
        Rule current = run.current;
        Rule last = run.last;
        String seconds = limit.toMillis() % 1000 == 0 ? limit.toSeconds() + " s" : limit.toMillis() + " ms";
        String how = "; make sure it ends (no loop), or raise the limit (--time-limit, builder().timeLimit(...))";
        Diagnostic d;
        if (current != null) {
            RuleBase.Place at = rules.place(current.getPackageName(), current.getName());
            d = new Diagnostic(at.file(), at.line(), 0, "rule '" + current.getName() + "' was still running after the"
                    + " time limit of " + seconds + " on " + file + " and was stopped" + how);
        } else if (run.state.get() == RuleWatchdog.Run.STOPPED) {
            RuleBase.Place at = last == null ? new RuleBase.Place("rules", 0)
                    : rules.place(last.getPackageName(), last.getName());
            d = new Diagnostic(at.file(), at.line(), 0, "a rule's condition was still being evaluated after the time"
                    + " limit of " + seconds + " on " + file + " and was stopped ("
                    + (last == null ? "no rule had fired yet" : "the last rule to fire was '" + last.getName() + "'")
                    + ")" + how);
        } else {
            RuleBase.Place at = last == null ? new RuleBase.Place("rules", 0)
                    : rules.place(last.getPackageName(), last.getName());
            d = new Diagnostic(at.file(), at.line(), 0, "the rules were still firing after the time limit of " + seconds
                    + " on " + file + " (" + run.firings + " firings" + (last == null ? "" : ", the last of rule '"
                    + last.getName() + "'") + ") and were stopped" + how);
        }
        return new RuleTimeoutException(List.of(d));
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
