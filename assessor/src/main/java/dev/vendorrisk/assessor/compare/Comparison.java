package dev.vendorrisk.assessor.compare;

import dev.vendorrisk.assessor.Assessment;
import dev.vendorrisk.assessor.Diagnostic;
import dev.vendorrisk.assessor.profile.ParsedProfile;
import dev.vendorrisk.assessor.rules.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Candidate vendors for the same need, side by side: ranked lowest risk first (rating, then score,
 * then outage exposure per incident when the currencies agree, then file), with the reason for each
 * place, which candidate has which finding, and the facts in which they differ. Every list is in
 * rank order; {@link #compare} is deterministic.
 *
 * @param candidates the assessed candidates, best first
 * @param findings   one row per finding (per missing fact for information gaps), most severe first
 * @param facts      the profile facts whose values are not the same for every candidate
 * @param errors     the diagnostics of the files that could not be assessed
 */
public record Comparison(List<Candidate> candidates, List<FindingRow> findings, List<FactRow> facts,
                         List<Diagnostic> errors) {
    public Comparison {
        candidates = List.copyOf(candidates);
        findings = List.copyOf(findings);
        facts = List.copyOf(facts);
        errors = List.copyOf(errors);
    }

    /** The most candidates one comparison takes: a page and a terminal must still hold them side by side. */
    public static final int MAX_CANDIDATES = 10;

    /**
     * One candidate and its place.
     *
     * @param rank       1 is the lowest risk
     * @param assessment the candidate's assessment
     * @param reason     why it is in this place, compared with the next one, and its main risks
     */
    public record Candidate(int rank, Assessment assessment, String reason) {
        public Candidate {
            Objects.requireNonNull(assessment, "assessment");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Whether a candidate has a finding. */
    public enum Presence {
        ACTIVE, WAIVED, ABSENT;

        /** {@code active}, {@code waived}, {@code absent}: the JSON value. */
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One finding across the candidates.
     *
     * @param id         rule id
     * @param fact       for an information gap, the unknown fact's path; otherwise null
     * @param title      the rule's title
     * @param severity   its severity
     * @param area       its risk area
     * @param presence   per candidate, in rank order
     */
    public record FindingRow(String id, String fact, String title, Severity severity, String area,
                             List<Presence> presence) {
        public FindingRow {
            presence = List.copyOf(presence);
        }
    }

    /**
     * A fact that differs.
     *
     * @param path   dotted path in the profile
     * @param values per candidate, in rank order, as a profile writes it; {@code unknown} when not known,
     *               {@code -} when the candidate's profile has no such entry (e.g. fewer incidents)
     */
    public record FactRow(String path, List<String> values) {
        public FactRow {
            values = List.copyOf(values);
        }
    }

    /** A profile and its assessment: what {@link #compare} needs of each candidate. */
    public record Input(ParsedProfile profile, Assessment assessment) {
        public Input {
            Objects.requireNonNull(profile, "profile");
            Objects.requireNonNull(assessment, "assessment");
        }
    }

    /**
     * Compares the candidates.
     *
     * @param inputs the assessed candidates, in any order
     * @param errors diagnostics of candidate files that could not be assessed
     */
    public static Comparison compare(List<Input> inputs, List<Diagnostic> errors) {
        List<Input> ranked = new ArrayList<>(inputs);
        ranked.sort(Ranking.ORDER);
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            Assessment a = ranked.get(i).assessment();
            Assessment next = i + 1 < ranked.size() ? ranked.get(i + 1).assessment() : null;
            candidates.add(new Candidate(i + 1, a, Ranking.reason(i + 1, a, next, ranked.size())));
        }
        return new Comparison(candidates, findings(ranked), facts(ranked), errors);
    }

    private static List<FindingRow> findings(List<Input> ranked) {
        record Key(String id, String fact) {
        }
        Map<Key, FindingRow> rows = new LinkedHashMap<>();
        Map<Key, Presence[]> presence = new LinkedHashMap<>();
        for (int i = 0; i < ranked.size(); i++) {
            for (var f : ranked.get(i).assessment().findings()) {
                boolean gap = f.id().startsWith("GAP-");
                String fact = gap && !f.evidence().isEmpty() ? f.evidence().get(0).path() : null;
                Key key = new Key(f.id(), fact);
                rows.putIfAbsent(key, new FindingRow(f.id(), fact, f.title(), f.severity(), f.area(), List.of()));
                Presence[] p = presence.computeIfAbsent(key, k -> {
                    Presence[] none = new Presence[ranked.size()];
                    java.util.Arrays.fill(none, Presence.ABSENT);
                    return none;
                });
                if (p[i] != Presence.ACTIVE) {
                    p[i] = f.waived() ? Presence.WAIVED : Presence.ACTIVE;
                }
            }
        }
        List<FindingRow> out = new ArrayList<>();
        rows.forEach((k, r) -> out.add(new FindingRow(r.id(), r.fact(), r.title(), r.severity(), r.area(),
                List.of(presence.get(k)))));
        out.sort(Comparator.comparing(FindingRow::severity, Comparator.reverseOrder()).thenComparing(FindingRow::id)
                .thenComparing(r -> r.fact() == null ? "" : r.fact()));
        return out;
    }

    private static List<FactRow> facts(List<Input> ranked) {
        List<Map<String, String>> all = new ArrayList<>();
        Set<String> paths = new LinkedHashSet<>();
        for (Input in : ranked) {
            Map<String, String> f = ProfileFacts.of(in.profile().profile());
            all.add(f);
            paths.addAll(f.keySet());
        }
        List<FactRow> out = new ArrayList<>();
        for (String path : paths) {
            List<String> values = new ArrayList<>();
            for (Map<String, String> f : all) {
                values.add(f.getOrDefault(path, "-"));
            }
            if (values.stream().distinct().count() > 1) {
                out.add(new FactRow(path, values));
            }
        }
        return out;
    }
}
