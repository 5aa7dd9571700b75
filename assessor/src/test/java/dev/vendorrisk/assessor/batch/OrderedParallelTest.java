package dev.vendorrisk.assessor.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OrderedParallelTest {

    @Test
    void resultsArriveInInputOrderWhateverTheThreadsDo() throws Exception {
        List<Integer> inputs = IntStream.range(0, 500).boxed().toList();
        for (int jobs : new int[] {1, 2, 4}) {
            List<Integer> seen = new ArrayList<>();
            OrderedParallel.run(inputs.iterator(), i -> {
                if (i % 7 == 0) {
                    sleep(1); // some inputs are slow, so later ones finish first
                }
                return i * 2;
            }, jobs, 16, seen::add);
            assertThat(seen).as("jobs %d", jobs).isEqualTo(inputs.stream().map(i -> i * 2).toList());
        }
    }

    @Test
    void noMoreThanTheWindowIsInFlight() throws Exception {
        AtomicInteger started = new AtomicInteger();
        AtomicInteger handed = new AtomicInteger();
        AtomicInteger maxAhead = new AtomicInteger();
        OrderedParallel.run(IntStream.range(0, 2000).boxed().iterator(), i -> {
            int ahead = started.incrementAndGet() - handed.get();
            maxAhead.accumulateAndGet(ahead, Math::max);
            return i;
        }, 4, 8, i -> handed.incrementAndGet());
        assertThat(handed.get()).isEqualTo(2000);
        assertThat(maxAhead.get()).isLessThanOrEqualTo(8);
    }

    @Test
    void aFailingInputStopsTheRunWithItsException() {
        assertThatThrownBy(() -> OrderedParallel.run(IntStream.range(0, 100).boxed().iterator(), i -> {
            if (i == 42) {
                throw new IllegalStateException("input 42 is broken");
            }
            return i;
        }, 3, 10, i -> { })).isInstanceOf(IllegalStateException.class).hasMessage("input 42 is broken");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
