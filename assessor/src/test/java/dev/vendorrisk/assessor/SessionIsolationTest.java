package dev.vendorrisk.assessor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Sessions come from a pool and are reset when disposed: an evaluation must see nothing of the one
 * before it. Assessing the samples in many orders on one assessor gives, for each sample, exactly
 * what a brand-new assessor gives for that sample alone.
 */
class SessionIsolationTest {
    @Test
    void anEvaluationSeesNothingOfThePreviousOne() throws IOException {
        List<Path> samples;
        try (Stream<Path> walk = Files.list(TestRules.ROOT.resolve("samples"))) {
            samples = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        VendorRiskAssessor shared = TestRules.assessor();
        VendorRiskAssessor fresh = VendorRiskAssessor.builder().rules(TestRules.ROOT.resolve("rules"))
                .clock(java.time.Clock.fixed(TestRules.TODAY.atStartOfDay().toInstant(java.time.ZoneOffset.UTC),
                        java.time.ZoneOffset.UTC))
                .build();
        List<Assessment> alone = new ArrayList<>();
        for (Path sample : samples) {
            alone.add(fresh.assess(sample));
        }
        Random random = new Random(42);
        for (int round = 0; round < 20; round++) {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < samples.size(); i++) {
                order.add(i);
            }
            Collections.shuffle(order, random);
            for (int i : order) {
                assertThat(shared.assess(samples.get(i))).as("%s after other samples", samples.get(i))
                        .isEqualTo(alone.get(i));
            }
        }
    }
}
