package dev.vendorrisk.assessor.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vendorrisk.assessor.TestRules;
import dev.vendorrisk.assessor.batch.BatchAssessor;
import dev.vendorrisk.assessor.batch.BatchInput;
import dev.vendorrisk.assessor.report.FileResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A batch of samples and damaged samples (valid and invalid) gives every file the same result in
 * any order and on any number of threads, and the portfolio the same findings. Each input is its own
 * vendor, so no two files describe the same service (that is an integrity error of the later file).
 */
class BatchPropertiesTest {
    @Test
    void resultsAreTheSameInAnyOrderOnAnyNumberOfThreads() throws IOException {
        List<byte[]> samples = Mutations.samples();
        int rounds = Math.max(1, Mutations.TRIES / 50);
        for (int round = 0; round < rounds; round++) {
            long seed = Mutations.SEED + round;
            Random random = new Random(seed);
            List<BatchInput> inputs = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                // each input its own vendor: two files of one service are an integrity error of the later
                // one in input order, which would make the outcome depend on the order by design
                byte[] base = new String(samples.get(random.nextInt(samples.size())), StandardCharsets.UTF_8)
                        .replaceFirst("\n  id: ", "\n  id: p" + i + "-").getBytes(StandardCharsets.UTF_8);
                byte[] content = random.nextInt(3) == 0 ? base : random.nextBoolean()
                        ? Mutations.structure(base, random) : Mutations.bytes(base, random);
                inputs.add(BatchInput.bytes("p" + i + ".yaml", content));
            }
            Map<String, String> expected = run(1, inputs);
            for (int jobs : new int[] {1, 2, 4}) {
                List<BatchInput> shuffled = new ArrayList<>(inputs);
                Collections.shuffle(shuffled, random);
                assertThat(run(jobs, shuffled)).as("seed " + seed + ", " + jobs + " jobs, shuffled").isEqualTo(expected);
            }
        }
    }

    /** Each file's outcome, and the portfolio's findings, by name. */
    private static Map<String, String> run(int jobs, List<BatchInput> inputs) throws IOException {
        Map<String, String> out = new TreeMap<>();
        var result = BatchAssessor.builder(TestRules.assessor()).jobs(jobs).window(4).build()
                .assess(inputs, r -> out.put(r.file(), describe(r)));
        assertThat(out).hasSize(inputs.size());
        out.put("<portfolio>", String.valueOf(result.portfolio().findings()));
        return out;
    }

    private static String describe(FileResult r) {
        return r.ok() ? r.assessment().rating() + " " + r.assessment().score() + " " + r.assessment().findings()
                : String.valueOf(r.errors());
    }
}
