package dev.vendorrisk.assessor.hostile;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * Properties of the profile reader over damaged samples: it returns a profile or diagnostics inside
 * the file, never another exception, and never takes long (each case has a generous time bound;
 * the reader's limits on size, depth and aliases keep memory small, so a case that blew the heap
 * would fail with OutOfMemoryError here). {@code -Dvra.props.tries=N} sets the budget per property,
 * {@code -Dvra.props.seed=S} replays a run.
 */
class HostileProfilesTest {
    private static final Duration BOUND = Duration.ofSeconds(20);
    private static final List<byte[]> SAMPLES = Mutations.samples();

    @Test
    void byteDamageGivesAProfileOrDiagnosticsInsideTheFile() {
        check("bytes", Mutations::bytes);
    }

    @Test
    void structuralDamageGivesAProfileOrDiagnosticsInsideTheFile() {
        check("structure", Mutations::structure);
    }

    @Test
    void bothKindsOfDamageTogether() {
        check("both", (in, random) -> Mutations.bytes(Mutations.structure(in, random), random));
    }

    private static void check(String kind, BiFunction<byte[], Random, byte[]> mutate) {
        for (int i = 0; i < Mutations.TRIES; i++) {
            long seed = Mutations.SEED + i;
            Random random = new Random(seed);
            byte[] content = mutate.apply(SAMPLES.get(random.nextInt(SAMPLES.size())), random);
            String file = kind + "-" + seed + ".yaml";
            try {
                assertTimeoutPreemptively(BOUND, () -> ReaderContract.holds(file, content),
                        () -> file + " took longer than " + BOUND);
            } catch (AssertionError | RuntimeException e) {
                String text = new String(content, StandardCharsets.UTF_8);
                throw new AssertionError("seed " + seed + " (-Dvra.props.seed=" + seed + " -Dvra.props.tries=1 replays it): "
                        + e.getMessage() + "\n--- input (" + content.length + " bytes) ---\n"
                        + (text.length() > 2000 ? text.substring(0, 2000) + "..." : text), e);
            }
        }
    }
}
