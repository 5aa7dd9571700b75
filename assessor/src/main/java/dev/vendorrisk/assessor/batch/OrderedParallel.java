package dev.vendorrisk.assessor.batch;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Maps inputs to results on {@code jobs} threads and hands the results to a sink in input order,
 * as soon as each is next in line. At most {@code window} inputs are in flight (submitted but not
 * yet handed over), so memory does not grow with the number of inputs, and the order of the
 * results never depends on how the threads were scheduled.
 */
public final class OrderedParallel {
    private OrderedParallel() {
    }

    /** Receives results in input order, on the calling thread. */
    @FunctionalInterface
    public interface Sink<R> {
        void accept(R result) throws IOException;
    }

    /**
     * Runs {@code work} over every input.
     *
     * @param jobs   worker threads; 1 runs everything on the calling thread
     * @param window inputs in flight at most (at least {@code jobs})
     * @throws IOException      what the sink threw
     * @throws RuntimeException what {@code work} threw, for the first input (in order) that failed
     */
    public static <T, R> void run(Iterator<T> inputs, Function<T, R> work, int jobs, int window, Sink<R> sink)
            throws IOException {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be 1 or more, was " + jobs);
        }
        if (jobs == 1) {
            while (inputs.hasNext()) {
                sink.accept(work.apply(inputs.next()));
            }
            return;
        }
        int limit = Math.max(window, jobs);
        ExecutorService pool = Executors.newFixedThreadPool(jobs, new Workers());
        ArrayDeque<Future<R>> inFlight = new ArrayDeque<>(limit);
        try {
            while (inputs.hasNext() || !inFlight.isEmpty()) {
                while (inFlight.size() < limit && inputs.hasNext()) {
                    T input = inputs.next();
                    inFlight.add(pool.submit(() -> work.apply(input)));
                }
                sink.accept(take(inFlight.poll()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static <R> R take(Future<R> next) throws InterruptedIOException {
        try {
            return next.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a result");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** Daemon threads, so a failing run never keeps the JVM alive. */
    private static final class Workers implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "vra-worker-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}
