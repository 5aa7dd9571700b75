package dev.vendorrisk.assessor.rules;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;

/**
 * Stops evaluations that run past their time limit. One daemon thread for the whole JVM looks at
 * the evaluations in flight every {@value #TICK_MILLIS} ms, so an evaluation only registers and
 * unregisters itself (no thread, no timer task per assessment).
 *
 * <p>The limit is on the processor time of the evaluation's thread (measured from the watchdog's
 * first look at it), so a busy machine does not fail healthy evaluations; a thread that waits
 * instead of working is stopped after {@value #WALL_FACTOR} times the limit of wall time.
 *
 * <p>At the limit the session is halted: Drools stops between two firings, which ends a run of
 * rules that keep re-triggering each other. A condition or action that never returns to the
 * engine (a loop in Java) cannot be halted; after a grace period its thread is stopped
 * ({@link Thread#stop()}: the only way to end code that does not cooperate; its session is
 * destroyed, never returned to the pool).
 */
final class RuleWatchdog {
    static final long TICK_MILLIS = 20;
    /** A thread that uses no processor time (it waits) is stopped after this many times the limit of wall time. */
    static final int WALL_FACTOR = 10;
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
    private static final boolean CPU = cpuTimeAvailable();
    private static final Map<Run, Boolean> RUNS = new ConcurrentHashMap<>();
    private static volatile ScheduledExecutorService ticker;

    private RuleWatchdog() {
    }

    /** One evaluation in flight. */
    static final class Run extends DefaultAgendaEventListener {
        static final int RUNNING = 0;
        static final int HALTED = 1;
        static final int STOPPED = 2;
        static final int DONE = 3;

        final Thread thread = Thread.currentThread();
        final KieSession session;
        final long start;
        final long limit;
        final long grace;
        /** The thread's processor time when the watchdog first saw this run, and when that was (watchdog only). */
        private long cpuSeen = -1;
        private long wallSeen;
        final AtomicInteger state = new AtomicInteger(RUNNING);
        volatile Rule current;
        volatile Rule last;
        volatile int firings;

        Run(KieSession session, Duration limit) {
            this.session = session;
            this.start = System.nanoTime();
            this.limit = limit.toNanos();
            this.grace = Math.max(TimeUnit.MILLISECONDS.toNanos(200), this.limit / 4);
        }

        /**
         * The time this evaluation has used: wall time until the watchdog first saw it (one tick),
         * then the processor time of its thread, so a machine that is busy with other work does not
         * make a healthy evaluation look slow. Without per-thread processor times, wall time.
         */
        long used(long now) {
            if (!CPU) {
                return now - start;
            }
            long cpu = THREADS.getThreadCpuTime(thread.getId());
            if (cpu < 0) {
                return now - start;
            }
            if (cpuSeen < 0) {
                cpuSeen = cpu;
                wallSeen = now;
            }
            return (wallSeen - start) + (cpu - cpuSeen);
        }

        @Override
        public void beforeMatchFired(BeforeMatchFiredEvent event) {
            current = event.getMatch().getRule();
        }

        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
            last = event.getMatch().getRule();
            current = null;
            firings++;
        }

        /** True when the watchdog halted or stopped this evaluation. */
        boolean timedOut() {
            int s = state.get();
            return s == HALTED || s == STOPPED;
        }
    }

    /** Registers an evaluation on this thread; call {@link #end} in a finally block. */
    static Run start(KieSession session, Duration limit) {
        Run run = new Run(session, limit);
        session.addEventListener(run);
        RUNS.put(run, Boolean.TRUE);
        ensureTicking();
        return run;
    }

    /**
     * Unregisters an evaluation. When the watchdog has already decided to stop the thread, waits
     * for that to happen, so the stop cannot land later in code that is not the evaluation's.
     *
     * @return true when the evaluation finished in time (its session may go back to the pool)
     */
    @SuppressWarnings("BusyWait")
    static boolean end(Run run) {
        RUNS.remove(run);
        if (run.state.compareAndSet(Run.RUNNING, Run.DONE)) {
            run.session.removeEventListener(run);
            return true;
        }
        if (run.state.compareAndSet(Run.HALTED, Run.DONE)) {
            return false;
        }
        // STOPPED: the stop is on its way to this thread
        while (true) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                // the watchdog interrupts before it stops
            }
        }
    }

    private static boolean cpuTimeAvailable() {
        try {
            if (!THREADS.isThreadCpuTimeSupported()) {
                return false;
            }
            if (!THREADS.isThreadCpuTimeEnabled()) {
                THREADS.setThreadCpuTimeEnabled(true);
            }
            return true;
        } catch (UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    private static void ensureTicking() {
        if (ticker == null) {
            synchronized (RuleWatchdog.class) {
                if (ticker == null) {
                    ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(r -> {
                        Thread t = new Thread(r, "vra-rule-watchdog");
                        t.setDaemon(true);
                        return t;
                    });
                    s.scheduleWithFixedDelay(RuleWatchdog::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
                    ticker = s;
                }
            }
        }
    }

    @SuppressWarnings({"removal", "deprecation"})
    private static void tick() {
        if (RUNS.isEmpty()) {
            return;
        }
        long now = System.nanoTime();
        for (Run run : RUNS.keySet()) {
            try {
                long used = run.used(now);
                long wall = now - run.start;
                boolean over = used > run.limit || wall > WALL_FACTOR * run.limit;
                boolean farOver = used > run.limit + run.grace || wall > WALL_FACTOR * run.limit + run.grace;
                if (over && run.state.compareAndSet(Run.RUNNING, Run.HALTED)) {
                    run.session.halt(); // ends the evaluation at the next firing
                } else if (farOver && run.state.compareAndSet(Run.HALTED, Run.STOPPED)) {
                    RUNS.remove(run);
                    run.thread.interrupt(); // ends a wait or a sleep at once
                    run.thread.stop(); // code that never returns to the engine
                }
            } catch (RuntimeException e) {
                // a watchdog that fails must not stop watching the others
            }
        }
    }
}
