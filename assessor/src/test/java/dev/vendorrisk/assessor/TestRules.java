package dev.vendorrisk.assessor;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** The project's rules, compiled once for all tests of the module. */
public final class TestRules {
    /** The repository root, seen from a module folder. */
    public static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    /** "Today" for tests: profiles without assessment.assessedOn are judged on this day. */
    public static final LocalDate TODAY = LocalDate.of(2026, 11, 1);

    /** A clock fixed at {@link #TODAY}. */
    public static final Clock CLOCK = Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

    private static VendorRiskAssessor assessor;

    private TestRules() {
    }

    /** An assessor over the project's rules folder with a fixed clock. */
    public static synchronized VendorRiskAssessor assessor() {
        if (assessor == null) {
            assessor = VendorRiskAssessor.builder()
                    .rules(ROOT.resolve("rules"))
                    .clock(CLOCK)
                    .build();
        }
        return assessor;
    }
}
