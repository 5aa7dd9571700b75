package dev.vendorrisk.assessor.batch;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
     * Runs {@code work} over every input, one input per task.
     *
     * @see #run(Iterator, Function, int, int, int, Sink)
     */
    public static <T, R> void run(Iterator<T> inputs, Function<T, R> work, int jobs, int window, Sink<R> sink)
            throws IOException {
        run(inputs, work, jobs, window, 1, sink);
    }

    /**
     * Runs {@code work} over every input. A task takes {@code chunk} consecutive inputs, so the
     * threads meet once per chunk rather than once per input: with inputs that take a tenth of a
     * millisecond each, handing each over alone costs a noticeable share of the run.
     *
     * @param jobs   worker threads; 1 runs everything on the calling thread
     * @param window inputs in flight at most (at least {@code jobs} chunks)
     * @param chunk  inputs per task, at least 1
     * @throws IOException      what the sink threw
     * @throws RuntimeException what {@code work} threw, for the first input (in order) that failed,
     *                          after the sink has had the results of every input before it
     */
    public static <T, R> void run(Iterator<T> inputs, Function<T, R> work, int jobs, int window, int chunk,
                                  Sink<R> sink) throws IOException {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be 1 or more, was " + jobs);
        }
        if (chunk < 1) {
            throw new IllegalArgumentException("chunk must be 1 or more, was " + chunk);
        }
        if (jobs == 1) {
            while (inputs.hasNext()) {
                sink.accept(work.apply(inputs.next()));
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(jobs, new Workers("vra-worker-"));
        try {
            drain(inputs, Math.max(window / chunk, jobs), chunk, next -> pool.submit(() -> Chunk.of(next, work)), sink);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Runs two steps over every input, each on its own threads: {@code first} on
     * {@code firstJobs} threads, then {@code second} on its result on {@code secondJobs} others,
     * with results handed to the sink in input order. Each thread runs one step only, so it keeps
     * that step's code and data in its processor's caches.
     *
     * @throws IOException      what the sink threw
     * @throws RuntimeException what a step threw, for the first input (in order) that failed,
     *                          after the sink has had the results of every input before it
     */
    public static <T, M, R> void run(Iterator<T> inputs, Function<T, M> first, int firstJobs, Function<M, R> second,
                                     int secondJobs, int window, int chunk, Sink<R> sink) throws IOException {
        if (firstJobs < 1 || secondJobs < 1 || chunk < 1) {
            throw new IllegalArgumentException("jobs and chunk must be 1 or more");
        }
        ExecutorService firstPool = Executors.newFixedThreadPool(firstJobs, new Workers("vra-worker-a-"));
        ExecutorService secondPool = Executors.newFixedThreadPool(secondJobs, new Workers("vra-worker-b-"));
        try {
            drain(inputs, Math.max(window / chunk, firstJobs + secondJobs), chunk,
                    next -> CompletableFuture.supplyAsync(() -> Chunk.of(next, first), firstPool)
                            .thenApplyAsync(done -> done.then(second), secondPool), sink);
        } finally {
            firstPool.shutdownNow();
            secondPool.shutdownNow();
        }
    }

    /**
     * Submits chunks of inputs while fewer than {@code limit} are in flight, and hands the oldest
     * chunk's results to the sink as soon as it is done, then throws its failure if it has one.
     */
    private static <T, R> void drain(Iterator<T> inputs, int limit, int chunk,
                                     Function<List<T>, Future<Chunk<R>>> submit, Sink<R> sink) throws IOException {
        ArrayDeque<Future<Chunk<R>>> inFlight = new ArrayDeque<>(limit);
        while (inputs.hasNext() || !inFlight.isEmpty()) {
            while (inFlight.size() < limit && inputs.hasNext()) {
                List<T> next = new ArrayList<>(chunk);
                while (next.size() < chunk && inputs.hasNext()) {
                    next.add(inputs.next());
                }
                inFlight.add(submit.apply(next));
            }
            Chunk<R> done = take(inFlight.poll());
            for (R result : done.results()) {
                sink.accept(result);
            }
            if (done.failure() != null) {
                throw done.failure();
            }
        }
    }

    /** The results of a chunk's inputs, up to the first that failed, and its failure. */
    private record Chunk<R>(List<R> results, RuntimeException failure) {
        static <T, R> Chunk<R> of(List<T> inputs, Function<T, R> work) {
            List<R> results = new ArrayList<>(inputs.size());
            for (T input : inputs) {
                try {
                    results.add(work.apply(input));
                } catch (RuntimeException e) {
                    return new Chunk<>(results, e);
                }
            }
            return new Chunk<>(results, null);
        }

        /** The second step over this chunk's results; a failure of the first step stays last. */
        <S> Chunk<S> then(Function<R, S> step) {
            Chunk<S> next = Chunk.of(results, step);
            return next.failure() != null ? next : new Chunk<>(next.results(), failure);
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
        private final String prefix;
        private final AtomicInteger count = new AtomicInteger();

        Workers(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, prefix + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}
