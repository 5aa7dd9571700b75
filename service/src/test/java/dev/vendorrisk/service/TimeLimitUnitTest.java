package dev.vendorrisk.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The limit counts processor time: waiting is not computing; computing past it is stopped. */
class TimeLimitUnitTest {
    private final TimeLimit limit = new TimeLimit();

    @BeforeEach
    void start() {
        limit.timeout = Duration.ofMillis(1000);
        limit.threads = 2;
        limit.start();
    }

    @AfterEach
    void stop() {
        limit.stop(null);
    }

    @Test
    void anAssessmentThatWaitsLongerThanTheLimitButComputesLittleIsNotStopped() {
        String done = limit.submit(l -> l.run(List.of("waits.yaml"), 0, () -> {
            try {
                Thread.sleep(3000); // past the 2 s of processor time, within the 4 s in all
            } catch (InterruptedException e) {
                throw new IllegalStateException("interrupted", e);
            }
            return "done";
        })).toCompletableFuture().join();

        assertThat(done).isEqualTo("done");
    }

    @Test
    void anAssessmentThatComputesPastTheLimitIsStoppedAndNamed() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> limit.submit(l -> l.run(List.of("first.yaml", "spins.yaml", "last.yaml"), 1, () -> {
            long x = 0;
            while (!Thread.currentThread().isInterrupted()) {
                x++;
            }
            return x;
        })).toCompletableFuture().join())
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(TimeLimit.TimedOut.class)
                .hasMessageStartingWith("the assessment of 'spins.yaml' was stopped: it ")
                .satisfies(e -> assertThat(((TimeLimit.TimedOut) e).diagnostics()).extracting(d -> d.render())
                        .satisfiesExactly(d -> assertThat(d).startsWith("spins.yaml: the assessment was stopped: it ")
                                .endsWith("; a rule loops or is too slow for this profile: run 'vra assess' on it with"
                                        + " the same rules to find which"),
                                d -> assertThat(d).isEqualTo("batch: stopped at spins.yaml: 1 of 3 profiles was"
                                        + " assessed (first.yaml), 2 were not (spins.yaml, last.yaml); the answer holds"
                                        + " none of them: fix the rule, or send the batch again without spins.yaml")));
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(10_000);
    }
}
