package dev.vendorrisk.cli;

/** The exit codes of every {@code vra} command. When several apply, the highest-priority one wins: 2, 3, 1, 0. */
public final class ExitCodes {
    /** Everything was assessed (or checked) and no threshold was reached. */
    public static final int OK = 0;
    /** A {@code --fail-on} or {@code --fail-on-score} threshold was reached, or a rule test failed. */
    public static final int THRESHOLD = 1;
    /** Bad usage, or the rules or scoring file are broken. */
    public static final int USAGE_OR_RULES = 2;
    /** At least one input file was invalid; the valid ones were still assessed and reported. */
    public static final int INVALID_INPUT = 3;

    /** The lines {@code --help} shows. */
    public static final String HELP = "%nExit codes:%n"
            + "  0  assessed; no threshold reached%n"
            + "  1  a --fail-on, --fail-on-score, --fail-on-new or --fail-on-overdue threshold was reached (or a rule test failed)%n"
            + "  2  usage error, or broken rules or scoring file%n"
            + "  3  at least one input file was invalid (the valid ones are still reported)%n";

    private ExitCodes() {
    }
}
