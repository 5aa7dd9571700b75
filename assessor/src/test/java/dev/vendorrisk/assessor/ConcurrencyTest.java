package dev.vendorrisk.assessor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** One assessor shared by many threads gives exactly the results of a sequential run. */
class ConcurrencyTest {
    private static final int THREADS = 12;
    private static final int ROUNDS = 5;

    @Test
    void manyThreadsAssessingAllSamplesAtOnceGiveTheSequentialResults() throws Exception {
        VendorRiskAssessor assessor = TestRules.assessor();
        List<Path> samples = SamplesGoldenTest.samples().toList();
        Map<Path, String> sequential = new LinkedHashMap<>();
        for (Path sample : samples) {
            sequential.put(sample, SamplesGoldenTest.render(assessor, sample));
        }

        CyclicBarrier start = new CyclicBarrier(THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Map<Path, List<String>>>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                long seed = t;
                futures.add(pool.submit(() -> {
                    List<Path> order = new ArrayList<>(samples);
                    Map<Path, List<String>> seen = new LinkedHashMap<>();
                    start.await(30, TimeUnit.SECONDS); // all threads begin together
                    for (int round = 0; round < ROUNDS; round++) {
                        Collections.shuffle(order, new Random(seed * 31 + round));
                        for (Path sample : order) {
                            seen.computeIfAbsent(sample, s -> new ArrayList<>()).add(SamplesGoldenTest.render(assessor, sample));
                        }
                    }
                    return seen;
                }));
            }
            for (Future<Map<Path, List<String>>> future : futures) {
                Map<Path, List<String>> seen = future.get(5, TimeUnit.MINUTES);
                for (Path sample : samples) {
                    assertThat(seen.get(sample)).as("concurrent results of %s", sample).hasSize(ROUNDS)
                            .allSatisfy(json -> assertThat(json).isEqualTo(sequential.get(sample)));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
