package dev.vendorrisk.assessor.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void percentilesAreExactForSmallValuesAndWithinTwoPercentAbove() {
        LatencyHistogram h = new LatencyHistogram();
        for (int i = 1; i <= 100; i++) {
            h.record(i * 1000L); // 1..100 µs
        }
        assertThat(h.count()).isEqualTo(100);
        assertThat(h.percentile(50)).isEqualTo(50);
        assertThat(h.percentile(99)).isEqualTo(99);
        LatencyHistogram slow = new LatencyHistogram();
        slow.record(10_000_000L); // 10 ms
        assertThat(slow.percentile(50)).isCloseTo(10_000, within(10_000 * 0.021));
        assertThat(new LatencyHistogram().percentile(50)).isZero();
    }
}
