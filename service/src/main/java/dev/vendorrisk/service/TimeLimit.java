package dev.vendorrisk.service;

import dev.vendorrisk.assessor.Diagnostic;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The time limit of one assessment ({@code vra.assessment-timeout}, 5 s by default): the assessment runs
 * on a thread of its own, and the request waits at most that long from the moment it starts (time spent
 * waiting for a free thread under load does not count). An assessment over the limit is interrupted and
 * the request answered 503, so one runaway rule cannot hold a request forever.
 *
 * <p>The library's own limit, once it has one, stops the rule itself and names it; this limit is the
 * service's guard and stays as the outer bound.
 */
@ApplicationScoped
public class TimeLimit {
    @ConfigProperty(name = "vra.assessment-timeout", defaultValue = "5s")
    Duration timeout;

    @ConfigProperty(name = "vra.assessment-threads", defaultValue = "0")
    int threads;

    private ExecutorService pool;

    @PostConstruct
    void start() {
        int n = threads > 0 ? threads : Math.max(2, 2 * Runtime.getRuntime().availableProcessors());
        AtomicInteger count = new AtomicInteger();
        pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "vra-assess-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    void stop(@Observes ShutdownEvent event) {
        pool.shutdownNow();
    }

    /** The limit of one assessment. */
    public Duration timeout() {
        return timeout;
    }

    /**
     * Runs one assessment within the limit.
     *
     * @param name       the profile's name, for the message
     * @param assessment the work
     * @throws TimedOut when it runs longer than the limit
     */
    public <T> T run(String name, Supplier<T> assessment) {
        CountDownLatch begun = new CountDownLatch(1);
        AtomicLong started = new AtomicLong();
        Future<T> result = pool.submit(() -> {
            started.set(System.nanoTime());
            begun.countDown();
            return assessment.get();
        });
        try {
            begun.await();
            long left = timeout.toNanos() - (System.nanoTime() - started.get());
            return result.get(Math.max(0, left), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            throw new TimedOut(name, timeout, "");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result.cancel(true);
            throw new TimedOut(name, timeout, "");
        }
    }

    /** An assessment over the limit: answered with 503 and a diagnostic at the profile. */
    public static final class TimedOut extends RuntimeException {
        private final transient List<Diagnostic> diagnostics;

        private final String name;
        private final Duration limit;

        TimedOut(String name, Duration limit, String note) {
            super("the assessment of '" + name + "' took longer than " + seconds(limit) + " (vra.assessment-timeout)"
                    + " and was stopped" + note, null, false, false);
            this.name = name;
            this.limit = limit;
            this.diagnostics = List.of(new Diagnostic(name, 0, 0, "took longer than " + seconds(limit) + "; a rule loops"
                    + " or is too slow for this profile: run 'vra assess' on it with the same rules to find which"));
        }

        /** The same, saying how much of a batch was assessed: the request's answer holds none of it. */
        TimedOut inBatch(int assessed, int total) {
            return total <= 1 ? this : new TimedOut(name, limit, "; " + assessed + " of the batch's " + total
                    + " profiles were assessed before it and none after; the answer holds none of them: send the"
                    + " others again without it");
        }

        public List<Diagnostic> diagnostics() {
            return diagnostics;
        }
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
