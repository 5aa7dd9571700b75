package dev.vendorrisk.assessor.report;

import dev.vendorrisk.assessor.Assessment;
import dev.vendorrisk.assessor.Diagnostic;
import dev.vendorrisk.assessor.Finding;
import dev.vendorrisk.assessor.Recommendation;
import dev.vendorrisk.assessor.WayDown;
import dev.vendorrisk.assessor.portfolio.PortfolioFinding;
import dev.vendorrisk.assessor.portfolio.PortfolioResult;
import dev.vendorrisk.assessor.rules.Evidence;
import dev.vendorrisk.assessor.rules.Severity;
import dev.vendorrisk.assessor.scoring.Scorer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Small renderings the tabular formats share, so csv, markdown and junit say things the same way. */
final class Cells {
    private Cells() {
    }

    /** A score-like number as the JSON report rounds it (one decimal), without a trailing {@code .0}. */
    static String number(double value) {
        return plain(BigDecimal.valueOf(Scorer.round(value)));
    }

    /** A number rounded to {@code decimals}, without trailing zeros. */
    static String number(double value, int decimals) {
        return plain(BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP));
    }

    private static String plain(BigDecimal d) {
        String s = d.stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }

    /** {@code path=value (line N)} per evidence, joined with {@code "; "}. */
    static String evidence(Finding f) {
        return evidence(f.evidence());
    }

    static String evidence(List<Evidence> evidence) {
        return evidence.stream().map(Cells::evidence).collect(Collectors.joining("; "));
    }

    /** True when a portfolio has something for a human-readable section: findings, notes or warnings. */
    static boolean hasContent(PortfolioResult p) {
        return p != null && (!p.findings().isEmpty() || !p.notes().isEmpty() || !p.warnings().isEmpty());
    }

    /** The vendor a portfolio finding concerns (its {@code vendor.id} evidence); null when it names none. */
    static String vendorId(PortfolioFinding f) {
        for (Evidence e : f.evidence()) {
            if (e.path().equals("vendor.id") && e.value() != null) {
                return e.text();
            }
        }
        return null;
    }

    /** The profile files a portfolio finding names (its {@code services} evidence, one or a list); may be empty. */
    static List<String> services(PortfolioFinding f) {
        List<String> out = new ArrayList<>();
        for (Evidence e : f.evidence()) {
            if (e.path().equals("services")) {
                if (e.value() instanceof List<?> list) {
                    list.forEach(v -> out.add(String.valueOf(v)));
                } else if (e.value() != null) {
                    out.add(e.text());
                }
            }
        }
        return out;
    }

    static String evidence(Evidence e) {
        return e.path() + "=" + e.text() + (e.line() > 0 ? " (line " + e.line() + ")" : "");
    }

    /**
     * What a recommendation is worth, e.g. {@code -0.3 points now; resolves 21 % of the risk}; a reduction
     * that rounds to 0 reads {@code under 0.1 points now}.
     */
    static String impact(Recommendation r) {
        double p = r.resolvesPercent();
        String percent = p > 0 && p < 0.5 ? "under 1" : String.format(Locale.ROOT, "%.0f", p);
        String points = r.scoreReduction() == 0 ? "under 0.1" : "-" + number(r.scoreReduction());
        return points + " points now; resolves " + percent + " % of the risk";
    }

    /**
     * The way down as lines, one per rating band reached: {@code act on sla, fallback -> 62 HIGH},
     * then {@code then act on phone-line -> 38.2 MEDIUM}; empty when the vendor is rated LOW.
     */
    static List<String> wayDown(WayDown w) {
        List<String> out = new ArrayList<>();
        for (WayDown.Milestone m : w.milestones()) {
            out.add((out.isEmpty() ? "act on " : "then act on ") + String.join(", ", m.recommendations()) + " -> "
                    + number(m.score()) + " " + m.rating());
        }
        return out;
    }

    /** The recommendation's text for a finding's key, or the key when the assessment has none for it. */
    static String recommendationText(Assessment a, String key) {
        Recommendation r = recommendation(a, key);
        return r == null ? key : r.text();
    }

    /** The assessment's recommendation with this key, or null. */
    static Recommendation recommendation(Assessment a, String key) {
        for (Recommendation r : a.recommendations()) {
            if (r.key().equals(key)) {
                return r;
            }
        }
        return null;
    }

    /** Active findings by severity, every severity present. */
    static Map<Severity, Integer> activeBySeverity(Assessment a) {
        Map<Severity, Integer> out = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            out.put(s, 0);
        }
        for (Finding f : a.findings()) {
            if (!f.waived()) {
                out.merge(f.severity(), 1, Integer::sum);
            }
        }
        return out;
    }

    /** {@code line:column: message} (or less when the position is unknown), without the file. */
    static String position(Diagnostic d) {
        if (d.line() <= 0) {
            return d.message();
        }
        return d.line() + (d.column() > 0 ? ":" + d.column() : "") + ": " + d.message();
    }
}
