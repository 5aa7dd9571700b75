package dev.vendorrisk.assessor.compare;

import dev.vendorrisk.assessor.Assessment;
import dev.vendorrisk.assessor.Finding;
import dev.vendorrisk.assessor.scoring.Scorer;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** The order of the candidates, lowest risk first, and the sentence that says why each is where it is. */
final class Ranking {
    /**
     * Rating, then score (as reported: one decimal), then exposure per incident when both are known in the
     * same currency (a known exposure before an unknown one), then the file name.
     */
    static final Comparator<Comparison.Input> ORDER = (x, y) -> {
        Assessment a = x.assessment();
        Assessment b = y.assessment();
        int c = a.rating().compareTo(b.rating());
        if (c != 0) {
            return c;
        }
        c = Double.compare(Scorer.round(a.score()), Scorer.round(b.score()));
        if (c != 0) {
            return c;
        }
        c = exposure(a, b);
        return c != 0 ? c : a.file().compareTo(b.file());
    };

    private Ranking() {
    }

    private static int exposure(Assessment a, Assessment b) {
        Double ea = a.exposure().perIncident();
        Double eb = b.exposure().perIncident();
        if (ea == null || eb == null) {
            return ea == null && eb == null ? 0 : ea == null ? 1 : -1;
        }
        if (!Objects.equals(a.exposure().currency(), b.exposure().currency())) {
            return 0;
        }
        return Double.compare(ea, eb);
    }

    static String reason(int rank, Assessment a, Assessment next, int total) {
        StringBuilder b = new StringBuilder();
        b.append("rated ").append(a.rating()).append(", score ").append(number(a.score()));
        if (next == null) {
            b.append(total > 1 ? "; the highest risk of the " + total + " candidates" : "; the only candidate");
        } else {
            String other = "#" + (rank + 1);
            if (a.rating() != next.rating()) {
                b.append("; a lower rating than ").append(other).append(" (").append(next.rating()).append(')');
            } else if (Scorer.round(a.score()) != Scorer.round(next.score())) {
                b.append("; the same rating as ").append(other).append(" but a score ")
                        .append(number(next.score() - a.score())).append(" points lower (")
                        .append(number(next.score())).append(')');
            } else {
                b.append("; the same rating and score as ").append(other).append(", ").append(exposureReason(a, next, other));
            }
        }
        List<Finding> drivers = a.activeFindings().stream().filter(f -> !f.id().startsWith("GAP-"))
                .sorted(Comparator.comparingDouble(Finding::share).reversed().thenComparing(Finding::id)).limit(3).toList();
        long gaps = a.activeFindings().stream().filter(f -> f.id().startsWith("GAP-")).count();
        if (drivers.isEmpty()) {
            b.append("; no active findings");
        } else {
            b.append("; main risks: ");
            for (int i = 0; i < drivers.size(); i++) {
                Finding f = drivers.get(i);
                b.append(i == 0 ? "" : ", ").append(f.id()).append(' ').append(f.title()).append(" (")
                        .append(f.severity()).append(')');
            }
        }
        if (gaps > 0) {
            b.append("; ").append(gaps).append(gaps == 1 ? " unknown fact" : " unknown facts");
        }
        return b.toString();
    }

    private static String exposureReason(Assessment a, Assessment next, String other) {
        Double ea = a.exposure().perIncident();
        Double eb = next.exposure().perIncident();
        if (ea != null && eb == null) {
            return "and its outage exposure is known (" + other + "'s is not)";
        }
        if (ea == null) {
            return "neither outage exposure is known; ordered by file name";
        }
        if (!Objects.equals(a.exposure().currency(), next.exposure().currency())) {
            return "exposures in different currencies (" + a.exposure().currency() + ", " + next.exposure().currency()
                    + ") are not compared; ordered by file name";
        }
        if (ea.doubleValue() == eb.doubleValue()) {
            return "and the same outage exposure; ordered by file name";
        }
        return "and a lower outage exposure per incident (" + money(ea) + " vs " + money(eb) + " "
                + a.exposure().currency() + ")";
    }

    static String number(double v) {
        String s = BigDecimal.valueOf(Scorer.round(v)).stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }

    static String money(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%,.2f", v);
    }
}
