package dev.vendorrisk.service;

import dev.vendorrisk.assessor.Diagnostic;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where assessments run, and their time limit. A request's work runs on a pool of its own
 * ({@code vra.assessment-threads}, 2 per core by default), so no event loop and no Quarkus worker
 * thread waits for it; the answer comes back through a {@link CompletionStage}.
 *
 * <p>The library stops a rule that runs past {@code vra.assessment-timeout} (5 s by default) and names
 * it ({@code RuleTimeoutException}, 503). This is the outer bound, for whatever the library's limit does
 * not watch: twice that of processor time, or four times that of wall-clock time (a thread that waits
 * rather than computes). Counting processor time means a busy machine does not make a normal assessment
 * fail here: its thread waits for a processor without using up its limit. Over the bound the request is
 * answered at once with {@link TimedOut} (503) and the assessing thread is interrupted.
 */
@ApplicationScoped
public class TimeLimit {
    /** How often the limits are checked. */
    private static final long CHECK_MILLIS = 50;
    /** The processor-time limit, as a multiple of vra.assessment-timeout: past the library's own limit. */
    private static final int CPU_FACTOR = 2;
    /** The wall-clock limit, as a multiple of vra.assessment-timeout. */
    private static final int WALL_FACTOR = 4;

    @ConfigProperty(name = "vra.assessment-timeout", defaultValue = "5s")
    Duration timeout;

    @ConfigProperty(name = "vra.assessment-threads", defaultValue = "0")
    int threads;

    private ExecutorService pool;
    private ScheduledExecutorService alarms;
    private final ThreadMXBean cpu = ManagementFactory.getThreadMXBean();

    @PostConstruct
    void start() {
        int n = threads > 0 ? threads : Math.max(2, 2 * Runtime.getRuntime().availableProcessors());
        AtomicInteger count = new AtomicInteger();
        pool = Executors.newFixedThreadPool(n, r -> daemon(r, "vra-assess-" + count.incrementAndGet()));
        alarms = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "vra-assess-limit"));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    void stop(@Observes ShutdownEvent event) {
        pool.shutdownNow();
        alarms.shutdownNow();
    }

    /**
     * Runs a request's work on the assessment pool. The work limits each assessment with
     * {@link Limiter#run}; the stage completes with its result, or exceptionally with what it threw,
     * or with {@link TimedOut} as soon as an assessment is over its limit.
     */
    public <T> CompletionStage<T> submit(Function<Limiter, T> work) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        pool.execute(() -> {
            try {
                answer.complete(work.apply(new Limiter(answer, Thread.currentThread())));
            } catch (RuntimeException | Error e) {
                answer.completeExceptionally(e);
            }
        });
        return answer;
    }

    /** Limits the assessments of one request, run one after the other on one thread of the pool. */
    public final class Limiter {
        private final CompletableFuture<?> answer;
        private final Thread worker;

        private Limiter(CompletableFuture<?> answer, Thread worker) {
            this.answer = answer;
            this.worker = worker;
        }

        /**
         * Runs one assessment within the limit.
         *
         * @param names    the names of the request's profiles, for the message
         * @param index    0-based index of this profile in the request
         */
        public <T> T run(List<String> names, int index, Supplier<T> assessment) {
            if (answer.isDone()) {
                throw new CancellationException("the request was answered already"); // an earlier profile ran over
            }
            long cpuStart = cpu.getThreadCpuTime(worker.getId());
            long wallStart = System.nanoTime();
            ScheduledFuture<?> alarm = alarms.scheduleAtFixedRate(() -> {
                long used = cpu.getThreadCpuTime(worker.getId()) - cpuStart;
                long wall = System.nanoTime() - wallStart;
                if (used > CPU_FACTOR * timeout.toNanos() || wall > WALL_FACTOR * timeout.toNanos()) {
                    answer.completeExceptionally(new TimedOut(names, used > CPU_FACTOR * timeout.toNanos()
                            ? "it used more than " + seconds(timeout.multipliedBy(CPU_FACTOR)) + " of processor time ("
                            + CPU_FACTOR + " x vra.assessment-timeout)" : "it ran for more than "
                            + seconds(timeout.multipliedBy(WALL_FACTOR)) + " (" + WALL_FACTOR + " x vra.assessment-timeout)",
                            index));
                    worker.interrupt();
                    throw new IllegalStateException("stop checking"); // ends this alarm's schedule
                }
            }, CHECK_MILLIS, CHECK_MILLIS, TimeUnit.MILLISECONDS);
            try {
                return assessment.get();
            } finally {
                alarm.cancel(false);
                Thread.interrupted(); // an alarm that fired as the assessment ended must not hit the next one
            }
        }
    }

    /** An assessment over the limit: answered with 503, a diagnostic at the profile and, in a batch, how far it got. */
    public static final class TimedOut extends RuntimeException {
        private final transient List<Diagnostic> diagnostics;

        TimedOut(List<String> names, String why, int index) {
            super("the assessment of '" + names.get(index) + "' was stopped: " + why, null, false, false);
            this.diagnostics = BatchProgress.withProgress(List.of(new Diagnostic(names.get(index), 0, 0,
                    "the assessment was stopped: " + why + "; a rule loops or is too slow for this profile: run"
                    + " 'vra assess' on it with the same rules to find which")), names, index);
        }

        public List<Diagnostic> diagnostics() {
            return diagnostics;
        }
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
