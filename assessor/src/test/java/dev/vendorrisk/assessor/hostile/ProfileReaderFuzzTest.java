package dev.vendorrisk.assessor.hostile;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the profile reader with Jazzer. In a normal build ({@code mvn verify})
 * the test replays its corpus, {@code src/test/resources/dev/vendorrisk/assessor/hostile/
 * ProfileReaderFuzzTestInputs/readerReturnsAProfileOrDiagnostics/}: the samples, broken profiles
 * and every input a fuzzing campaign found worth keeping. {@code bench/fuzz.sh SECONDS} fuzzes for
 * real ({@code JAZZER_FUZZ=1}) and adds new findings there.
 */
class ProfileReaderFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void readerReturnsAProfileOrDiagnostics(byte[] content) {
        ReaderContract.holds("fuzz.yaml", content);
    }

    /** The same target for Jazzer's command line, which bench/fuzz.sh runs for a given time. */
    public static void fuzzerTestOneInput(byte[] content) {
        ReaderContract.holds("fuzz.yaml", content);
    }
}
