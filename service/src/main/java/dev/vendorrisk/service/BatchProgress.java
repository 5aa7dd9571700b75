package dev.vendorrisk.service;

import dev.vendorrisk.assessor.Diagnostic;
import java.util.ArrayList;
import java.util.List;

/**
 * What a request stopped by one of its profiles says about the others (a rule that ran past the time
 * limit or failed): which profiles were assessed before it and which were not, so none is lost
 * silently. A request of one profile says nothing more.
 */
final class BatchProgress {
    /** The file the progress diagnostic names, as the library's batch does. */
    static final String FILE = "batch";
    /** Names shown before "and N more". */
    private static final int SHOWN = 10;

    private BatchProgress() {
    }

    /**
     * The diagnostics of the stop, then, for a batch, the progress.
     *
     * @param names every profile of the request, in order
     * @param at    the index of the profile the request stopped on
     */
    static List<Diagnostic> withProgress(List<Diagnostic> diagnostics, List<String> names, int at) {
        List<Diagnostic> out = new ArrayList<>(diagnostics);
        if (names.size() > 1) {
            List<String> done = names.subList(0, at);
            List<String> left = names.subList(at, names.size());
            out.add(new Diagnostic(FILE, 0, 0, "stopped at " + names.get(at) + ": " + done.size() + " of "
                    + names.size() + " profiles " + (done.size() == 1 ? "was" : "were") + " assessed"
                    + (done.isEmpty() ? "" : " (" + list(done) + ")") + ", " + left.size() + " "
                    + (left.size() == 1 ? "was" : "were") + " not (" + list(left) + "); the answer holds none of them:"
                    + " fix the rule, or send the batch again without " + names.get(at)));
        }
        return out;
    }

    private static String list(List<String> names) {
        int shown = Math.min(names.size(), SHOWN);
        return String.join(", ", names.subList(0, shown)) + (names.size() > shown ? ", and " + (names.size() - shown)
                + " more" : "");
    }
}
