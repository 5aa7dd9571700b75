package dev.vendorrisk.service;

import dev.vendorrisk.assessor.InvalidProfileException;
import dev.vendorrisk.assessor.VendorRiskAssessor;
import dev.vendorrisk.assessor.profile.ParsedProfile;
import dev.vendorrisk.assessor.report.FileResult;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** The library as the command line uses it: the project's rules folder compiled at run time. */
final class Library {
    /** The repository root, seen from the module folder. */
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    /** "Today" for profiles without assessment.assessedOn, in the tests that fix the clock. */
    static final LocalDate TODAY = LocalDate.of(2026, 11, 1);
    static final Clock CLOCK = Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

    private static VendorRiskAssessor assessor;

    private Library() {
    }

    static synchronized VendorRiskAssessor assessor() {
        if (assessor == null) {
            assessor = VendorRiskAssessor.builder().rules(ROOT.resolve("rules")).clock(CLOCK).build();
        }
        return assessor;
    }

    /** What {@code vra assess --format json} prints for one profile named {@code name}. */
    static String render(String name, byte[] content, boolean json) {
        FileResult result;
        try {
            ParsedProfile parsed = json ? assessor().reader().readJson(name, content) : assessor().reader().read(name, content);
            result = FileResult.of(assessor().assess(parsed, List.of()));
        } catch (InvalidProfileException e) {
            result = FileResult.failed(name, e.diagnostics());
        }
        return Reports.json(List.of(result));
    }
}
