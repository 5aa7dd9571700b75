package dev.vendorrisk.assessor.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vendorrisk.assessor.Diagnostic;
import dev.vendorrisk.assessor.InvalidProfileException;
import dev.vendorrisk.assessor.profile.ParsedProfile;
import dev.vendorrisk.assessor.profile.ProfileReader;
import java.nio.charset.StandardCharsets;

/**
 * What the profile reader promises for any bytes at all: a profile, or diagnostics that name the
 * file and point inside it (line 0 only for a problem of the whole file, then with column 0). Any
 * other exception escapes and fails the caller: a property, or the fuzzer.
 */
final class ReaderContract {
    static final ProfileReader READER = new ProfileReader();

    private ReaderContract() {
    }

    /** Reads {@code content} and checks the outcome; returns the profile, or null when it was refused. */
    static ParsedProfile holds(String file, byte[] content) {
        try {
            ParsedProfile parsed = READER.read(file, content);
            assertNotNull(parsed.profile(), "a profile or diagnostics");
            return parsed;
        } catch (InvalidProfileException e) {
            assertFalse(e.diagnostics().isEmpty(), "a refused profile carries diagnostics");
            String[] lines = new String(content, StandardCharsets.UTF_8).split("\r\n|[\r\n\u0085\u2028\u2029]", -1);
            for (Diagnostic d : e.diagnostics()) {
                String shown = d.render();
                assertEquals(file, d.file(), shown);
                assertFalse(d.message().isBlank(), shown);
                assertTrue(d.line() >= 0 && d.line() <= lines.length + 1, "line inside the file: " + shown);
                if (d.line() == 0) {
                    assertEquals(0, d.column(), "a whole-file problem has no column: " + shown);
                } else {
                    int length = d.line() <= lines.length ? lines[d.line() - 1].length() : 0;
                    assertTrue(d.column() >= 0 && d.column() <= length + 2, "column inside line " + d.line()
                            + " (" + length + " chars): " + shown);
                }
            }
            return null;
        }
    }
}
