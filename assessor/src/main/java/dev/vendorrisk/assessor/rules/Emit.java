package dev.vendorrisk.assessor.rules;

import java.util.List;
import org.kie.api.runtime.rule.RuleContext;

/**
 * The functions rule files call, imported with {@code import static dev.vendorrisk.assessor.rules.Emit.*;}.
 * They keep every right-hand side to one line.
 */
public final class Emit {
    private Emit() {
    }

    /** A hit of the rule that is firing, based on the given evidence. */
    public static Hit hit(RuleContext kcontext, Evidence... evidence) {
        return new Hit(kcontext.getRule().getPackageName(), kcontext.getRule().getName(), List.of(evidence));
    }

    /** Evidence: the fact at {@code path} had {@code value}. */
    public static Evidence ev(String path, Object value) {
        return Evidence.of(path, value);
    }

    /** The items sorted by their text, so evidence never depends on the order facts were matched in. */
    public static List<String> sorted(java.util.Collection<?> items) {
        return items.stream().map(String::valueOf).sorted().toList();
    }

    /**
     * The unknown facts the history rules need, given the known incidents and MTD (see {@link HistoryNeeds}):
     * paths such as {@code incidents[0].date}, each to be reported as an information gap.
     */
    public static java.util.List<String> historyGaps(java.util.List<dev.vendorrisk.assessor.profile.Incident> incidents,
                                                     Double mtd, Context context) {
        return HistoryNeeds.unknownFacts(incidents, mtd, context);
    }

    /** A needed fact that is not known. */
    public static Unknown unknown(String path) {
        return new Unknown(path);
    }
}
