package dev.vendorrisk.assessor.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
    void chunksKeepTheOrderAndTheFailureComesAfterTheResultsBeforeIt() throws Exception {
        List<Integer> inputs = IntStream.range(0, 1000).boxed().toList();
        for (int chunk : new int[] {1, 3, 16, 2000}) {
            List<Integer> seen = new ArrayList<>();
            OrderedParallel.run(inputs.iterator(), i -> {
                if (i % 11 == 0) {
                    sleep(1);
                }
                return i + 1;
            }, 3, 64, chunk, seen::add);
            assertThat(seen).as("chunk %d", chunk).isEqualTo(inputs.stream().map(i -> i + 1).toList());

            List<Integer> before = new ArrayList<>();
            assertThatThrownBy(() -> OrderedParallel.run(inputs.iterator(), i -> {
                if (i == 500) {
                    throw new IllegalStateException("input 500 is broken");
                }
                return i;
            }, 2, 64, chunk, before::add)).hasMessage("input 500 is broken");
            assertThat(before).as("chunk %d", chunk).isEqualTo(inputs.subList(0, 500));
        }
    }

    @Test
    void twoStepsOnTheirOwnThreadsKeepTheOrder() throws Exception {
        List<Integer> inputs = IntStream.range(0, 1000).boxed().toList();
        for (int chunk : new int[] {1, 7, 2000}) {
            List<String> seen = new ArrayList<>();
            Set<String> firstThreads = ConcurrentHashMap.newKeySet();
            Set<String> secondThreads = ConcurrentHashMap.newKeySet();
            OrderedParallel.run(inputs.iterator(), i -> {
                firstThreads.add(Thread.currentThread().getName());
                if (i % 13 == 0) {
                    sleep(1);
                }
                return i * 3;
            }, 2, i -> {
                secondThreads.add(Thread.currentThread().getName());
                if (i % 17 == 0) {
                    sleep(1);
                }
                return "#" + i;
            }, 1, 64, chunk, seen::add);
            assertThat(seen).as("chunk %d", chunk).isEqualTo(inputs.stream().map(i -> "#" + i * 3).toList());
            assertThat(firstThreads).as("each step has its own threads").doesNotContainAnyElementsOf(secondThreads);
        }
    }

    @Test
    void inTwoStepsTheFirstFailureInInputOrderWins() {
        List<Integer> inputs = IntStream.range(0, 300).boxed().toList();
        for (int chunk : new int[] {1, 8, 500}) {
            List<Integer> before = new ArrayList<>();
            // the second step fails at 120, the first at 200: 120 comes first in input order
            assertThatThrownBy(() -> OrderedParallel.run(inputs.iterator(), i -> {
                if (i == 200) {
                    throw new IllegalStateException("read 200 failed");
                }
                return i;
            }, 1, i -> {
                if (i == 120) {
                    throw new IllegalArgumentException("assess 120 failed");
                }
                return i;
            }, 1, 32, chunk, before::add)).hasMessage("assess 120 failed");
            assertThat(before).as("chunk %d", chunk).isEqualTo(inputs.subList(0, 120));

            List<Integer> upTo = new ArrayList<>();
            assertThatThrownBy(() -> OrderedParallel.run(inputs.iterator(), i -> {
                if (i == 50) {
                    throw new IllegalStateException("read 50 failed");
                }
                return i;
            }, 2, i -> i, 1, 32, chunk, upTo::add)).hasMessage("read 50 failed");
            assertThat(upTo).as("chunk %d", chunk).isEqualTo(inputs.subList(0, 50));
        }
    }

    @Test
    void noMoreThanTheWindowIsInFlight() throws Exception {
        // jobs, window, chunk: one input per task, and chunks of 8
        for (int[] run : new int[][] {{4, 8, 1}, {2, 64, 8}}) {
            AtomicInteger started = new AtomicInteger();
            AtomicInteger handed = new AtomicInteger();
            AtomicInteger maxAhead = new AtomicInteger();
            OrderedParallel.run(IntStream.range(0, 2000).boxed().iterator(), i -> {
                int ahead = started.incrementAndGet() - handed.get();
                maxAhead.accumulateAndGet(ahead, Math::max);
                return i;
            }, run[0], run[1], run[2], i -> handed.incrementAndGet());
            assertThat(handed.get()).isEqualTo(2000);
            assertThat(maxAhead.get()).as("window %d", run[1]).isLessThanOrEqualTo(run[1]);
        }
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
