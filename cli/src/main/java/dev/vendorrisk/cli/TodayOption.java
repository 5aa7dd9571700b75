package dev.vendorrisk.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --today DATE}: the run date of every command that judges dates, for reproducible reports and tests. */
public final class TodayOption {
    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--today", paramLabel = "DATE",
            description = "The run date (ISO, e.g. 2026-11-30) that review dates are judged against, instead of the"
                    + " clock's date; profiles without assessment.assessedOn are assessed as of it.")
    String today;

    /** The given date, or null when {@code --today} was not given. */
    LocalDate date() {
        if (today == null) {
            return null;
        }
        try {
            return LocalDate.parse(today.trim());
        } catch (DateTimeParseException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--today: '" + today
                    + "' is not a date; write it as YYYY-MM-DD, e.g. --today 2026-11-30");
        }
    }

    /** The run date: {@code --today}, else the system clock's date. */
    LocalDate orClock() {
        LocalDate d = date();
        return d != null ? d : LocalDate.now();
    }
}
