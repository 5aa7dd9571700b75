package dev.vendorrisk.assessor.profile;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean ...?" for misspelt keys, values, rule ids and names. */
public final class Suggestions {
    private Suggestions() {
    }

    /**
     * The candidate closest to {@code word}, ignoring case, when it is close enough to be a likely
     * typo (edit distance at most a third of the word, 1 to 3), or when the word is a clear prefix of
     * exactly one candidate; otherwise null.
     */
    public static String closest(String word, Collection<String> candidates) {
        String lower = word.toLowerCase(Locale.ROOT);
        int limit = Math.max(1, Math.min(3, word.length() / 3));
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String prefixOf = null;
        int prefixMatches = 0;
        for (String candidate : candidates) {
            String other = candidate.toLowerCase(Locale.ROOT);
            int distance = distance(lower, other, bestDistance);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
            if (lower.length() >= 4 && other.startsWith(lower)) {
                prefixOf = candidate;
                prefixMatches++;
            }
        }
        if (best != null && bestDistance <= limit) {
            return best;
        }
        return prefixMatches == 1 ? prefixOf : null;
    }

    /** Optimal string alignment distance (Levenshtein plus adjacent transpositions), capped early. */
    static int distance(String a, String b, int cap) {
        if (Math.abs(a.length() - b.length()) >= cap) {
            return cap;
        }
        int[] before = new int[b.length() + 1];
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int value = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    value = Math.min(value, before[j - 2] + 1);
                }
                current[j] = value;
            }
            int[] recycled = before;
            before = previous;
            previous = current;
            current = recycled;
        }
        return previous[b.length()];
    }
}
