package dev.vendorrisk.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
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
        String done = limit.submit(l -> l.run("waits.yaml", 0, 1, () -> {
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
        assertThatThrownBy(() -> limit.submit(l -> l.run("spins.yaml", 1, 3, () -> {
            long x = 0;
            while (!Thread.currentThread().isInterrupted()) {
                x++;
            }
            return x;
        })).toCompletableFuture().join())
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(TimeLimit.TimedOut.class)
                .hasMessageStartingWith("the assessment of 'spins.yaml' was stopped: it ")
                .hasMessageContaining("1 of the batch's 3 profiles were assessed before it");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(10_000);
    }
}
