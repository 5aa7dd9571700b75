package dev.vendorrisk.assessor.batch;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Latencies in microseconds, in a fixed number of buckets (exact to 256 µs, then 2 % wide), so
 * percentiles of millions of measurements take a few kilobytes. Thread-safe.
 */
public final class LatencyHistogram {
    private static final int LINEAR = 256;
    private static final double GROWTH = 1.02;
    private static final int BUCKETS = LINEAR + 700; // up to ~256 µs x 1.02^700, far beyond any profile
    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);

    /** Records one latency. */
    public void record(long nanos) {
        long micros = Math.max(0, nanos / 1000);
        counts.incrementAndGet(bucket(micros));
    }

    /** How many latencies were recorded. */
    public long count() {
        long n = 0;
        for (int i = 0; i < BUCKETS; i++) {
            n += counts.get(i);
        }
        return n;
    }

    /** The {@code p}-th percentile (0 < p <= 100) in microseconds; 0 when nothing was recorded. */
    public double percentile(double p) {
        long total = count();
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(total * p / 100.0));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts.get(i);
            if (seen >= rank) {
                return upper(i);
            }
        }
        return upper(BUCKETS - 1);
    }

    private static int bucket(long micros) {
        if (micros < LINEAR) {
            return (int) micros;
        }
        int i = LINEAR + (int) (Math.log((double) micros / LINEAR) / Math.log(GROWTH));
        return Math.min(i, BUCKETS - 1);
    }

    private static double upper(int bucket) {
        if (bucket < LINEAR) {
            return bucket;
        }
        return Math.round(LINEAR * Math.pow(GROWTH, bucket - LINEAR + 1));
    }
}
