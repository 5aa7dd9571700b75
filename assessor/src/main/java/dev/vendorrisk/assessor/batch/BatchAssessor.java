package dev.vendorrisk.assessor.batch;

import dev.vendorrisk.assessor.Assessment;
import dev.vendorrisk.assessor.Diagnostic;
import dev.vendorrisk.assessor.AssessorException;
import dev.vendorrisk.assessor.InvalidProfileException;
import dev.vendorrisk.assessor.RuleBaseException;
import dev.vendorrisk.assessor.RuleTimeoutException;
import dev.vendorrisk.assessor.VendorRiskAssessor;
import dev.vendorrisk.assessor.portfolio.PortfolioEntry;
import dev.vendorrisk.assessor.portfolio.PortfolioResult;
import dev.vendorrisk.assessor.portfolio.PortfolioSession;
import dev.vendorrisk.assessor.profile.ParsedProfile;
import dev.vendorrisk.assessor.profile.ProfileReader;
import dev.vendorrisk.assessor.report.FileResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;

/**
 * Assesses many profiles: read and assessed in parallel on {@code jobs} threads (half of them
 * read, the others assess what was read), handed to a sink one by one in input order (give the
 * inputs sorted, and the output is the same whatever {@code jobs} is), with a bounded number in
 * flight so memory stays flat however many there are.
 * After the last profile the portfolio rules run over small per-service facts, and the waivers
 * file reports the waivers that never applied.
 *
 * <pre>{@code
 * BatchAssessor batch = BatchAssessor.builder(assessor).jobs(4).build();
 * BatchResult r = batch.assess(inputs, result -> report.file(out, result));
 * }</pre>
 *
 * <p>Immutable; one instance may run several batches, one at a time per call.
 */
public final class BatchAssessor {
    private final VendorRiskAssessor assessor;
    private final ProfileReader reader;
    private final int jobs;
    private final int window;
    private final PortfolioWaivers waivers;
    private final boolean timings;

    private BatchAssessor(Builder b) {
        this.assessor = b.assessor;
        this.reader = b.reader != null ? b.reader : b.assessor.reader();
        this.jobs = b.jobs;
        this.window = b.window > 0 ? b.window : b.jobs * 64;
        this.waivers = b.waivers;
        this.timings = b.timings;
    }

    public static Builder builder(VendorRiskAssessor assessor) {
        return new Builder(Objects.requireNonNull(assessor), null);
    }

    /**
     * A batch that can only {@link #validate}: no rules are compiled, so it measures reading alone.
     */
    public static BatchAssessor reading(ProfileReader reader, int jobs, boolean timings) {
        return new Builder(null, Objects.requireNonNull(reader)).jobs(jobs).timings(timings).build();
    }

    /** Receives results in input order, on the calling thread. */
    @FunctionalInterface
    public interface ResultSink {
        void accept(FileResult result) throws IOException;
    }

    /** What a worker produced for one input. */
    private record Done(FileResult result, PortfolioEntry entry) {
    }

    /**
     * Reads and assesses every input, streaming the results to {@code sink} in input order.
     *
     * @throws IOException what the sink threw
     * @throws dev.vendorrisk.assessor.RuleBaseException when a rule fails
     */
    public BatchResult assess(List<BatchInput> inputs, ResultSink sink) throws IOException {
        if (assessor == null) {
            throw new IllegalStateException("this batch was built for reading only; build it with builder(assessor)");
        }
        Clock clock = timings ? new Clock() : null;
        PortfolioSession portfolio = new PortfolioSession(assessor.rules(), assessor.timeLimit());
        int[] valid = {0};
        int[] delivered = {0};
        PortfolioIntegrity integrity = new PortfolioIntegrity();
        OrderedParallel.Sink<Done> collect = done -> {
            FileResult result = done.result();
            if (result.ok()) {
                List<Diagnostic> problems = integrity.check(result.assessment());
                if (!problems.isEmpty()) { // in input order: the later of two files is the one in error
                    sink.accept(FileResult.failed(result.file(), problems));
                    return;
                }
            }
            if (done.entry() != null) {
                valid[0]++;
                portfolio.add(done.entry());
            }
            sink.accept(result);
            delivered[0]++;
        };
        try {
            if (jobs == 1) {
                OrderedParallel.run(inputs.iterator(), input -> assessOne(input, clock), 1, window, 1, collect);
            } else {
                // half of the threads read, the others assess: a thread that does one kind of work keeps
                // its code and data in its core's caches: 100,000 profiles on 2 cores took 17.1 s
                // instead of 18.4 s with every thread doing both (docs/cli.md, "Batch runs")
                int readers = jobs / 2;
                OrderedParallel.run(inputs.iterator(), input -> readOne(input, clock), readers,
                        read -> assessRead(read, clock), jobs - readers, window, chunk(inputs.size()), collect);
            }
        } catch (RuleTimeoutException e) {
            throw new RuleTimeoutException(withProgress(e, inputs, delivered[0]));
        } catch (RuleBaseException e) {
            throw new RuleBaseException(withProgress(e, inputs, delivered[0]));
        }
        long before = System.nanoTime();
        PortfolioResult result = portfolio.evaluate(waivers.warnings(assessor.rules().ids()));
        if (clock != null) {
            clock.portfolio(System.nanoTime() - before);
        }
        return new BatchResult(inputs.size(), valid[0], result, clock == null ? null : clock.timings());
    }

    /**
     * A rule stopped the batch: its diagnostics, then which inputs were assessed and reported (in
     * input order, before the one that failed) and which were not, so none is lost silently.
     */
    private static List<Diagnostic> withProgress(AssessorException e, List<BatchInput> inputs, int delivered) {
        List<Diagnostic> out = new ArrayList<>(e.diagnostics());
        if (inputs.size() < 2) {
            return out;
        }
        List<String> done = inputs.subList(0, Math.min(delivered, inputs.size())).stream().map(BatchInput::name).toList();
        List<String> left = inputs.subList(Math.min(delivered, inputs.size()), inputs.size()).stream()
                .map(BatchInput::name).toList();
        out.add(new Diagnostic("batch", 0, 0, "stopped: " + done.size() + " of " + inputs.size()
                + " files were assessed and reported" + (done.isEmpty() ? "" : " (" + names(done) + ")") + ", "
                + left.size() + (left.size() == 1 ? " was" : " were") + " not (" + names(left) + "); fix the rule, or run again without the file it"
                + " stopped on"));
        return out;
    }

    private static String names(List<String> names) {
        int shown = Math.min(names.size(), 10);
        return String.join(", ", names.subList(0, shown)) + (names.size() > shown ? ", and " + (names.size() - shown)
                + " more" : "");
    }

    /**
     * Only reads and validates every input (no rules), streaming each file's result to {@code sink}
     * in input order: a valid file gives a result with no assessment and no errors. The baseline the
     * benchmark compares a full run with.
     */
    public BatchResult validate(List<BatchInput> inputs, ResultSink sink) throws IOException {
        Clock clock = timings ? new Clock() : null;
        int[] valid = {0};
        OrderedParallel.Sink<FileResult> counting = result -> {
            if (result.errors().isEmpty()) {
                valid[0]++;
            }
            sink.accept(result);
        };
        OrderedParallel.run(inputs.iterator(), input -> validateOne(input, clock), jobs, window, chunk(inputs.size()),
                counting);
        return new BatchResult(inputs.size(), valid[0], null, clock == null ? null : clock.timings());
    }

    /**
     * Profiles per task: up to 8 in a large batch, so the threads meet an eighth as often; one in a
     * small batch, so every worker gets a share.
     */
    private int chunk(int inputs) {
        return Math.max(1, Math.min(8, Math.min(window / jobs / 4, inputs / (jobs * 64))));
    }

    /** A read profile, or the result of a file that could not be read. */
    private record Read(ParsedProfile parsed, FileResult failed, long readNanos) {
    }

    private Read readOne(BatchInput input, Clock clock) {
        long start = System.nanoTime();
        try {
            ParsedProfile parsed = read(input);
            return new Read(parsed, null, System.nanoTime() - start);
        } catch (InvalidProfileException e) {
            if (clock != null) {
                clock.read(System.nanoTime() - start, true);
            }
            return new Read(null, FileResult.failed(input.name(), e.diagnostics()), 0);
        }
    }

    private Done assessRead(Read read, Clock clock) {
        if (read.failed() != null) {
            return new Done(read.failed(), null);
        }
        long start = System.nanoTime();
        Assessment a;
        try {
            a = assessor.assess(read.parsed(), waivers);
        } catch (InvalidProfileException e) { // a fact that is impossible on the run date, e.g. assessed in the future
            return new Done(FileResult.failed(read.parsed().file(), e.diagnostics()), null);
        }
        if (clock != null) {
            long end = System.nanoTime();
            clock.read(read.readNanos(), false);
            clock.assessed(end - start, end - start + read.readNanos());
        }
        return new Done(FileResult.of(a), PortfolioEntry.of(a, read.parsed().profile().service().kind()));
    }

    private Done assessOne(BatchInput input, Clock clock) {
        return assessRead(readOne(input, clock), clock);
    }

    private FileResult validateOne(BatchInput input, Clock clock) {
        long start = System.nanoTime();
        FileResult result;
        try {
            read(input);
            result = new FileResult(input.name(), null, List.of());
        } catch (InvalidProfileException e) {
            result = FileResult.failed(input.name(), e.diagnostics());
        }
        if (clock != null) {
            clock.read(System.nanoTime() - start, true);
        }
        return result;
    }

    private ParsedProfile read(BatchInput input) {
        if (input.content() != null) {
            return reader.read(input.name(), input.content());
        }
        try {
            return reader.read(input.path());
        } catch (InvalidProfileException e) {
            throw renamed(e, input);
        }
    }

    /** The reader names a file by its path; reports name it as the user did. */
    private static InvalidProfileException renamed(InvalidProfileException e, BatchInput input) {
        String shown = input.path().toString();
        if (shown.equals(input.name())) {
            return e;
        }
        return new InvalidProfileException(e.diagnostics().stream()
                .map(d -> d.file().equals(shown) ? new Diagnostic(input.name(), d.line(), d.column(), d.message()) : d)
                .toList());
    }

    /** Latencies of one run. */
    private static final class Clock {
        private final LatencyHistogram total = new LatencyHistogram();
        private final LongAdder readNanos = new LongAdder();
        private final LongAdder reads = new LongAdder();
        private final LongAdder assessNanos = new LongAdder();
        private final LongAdder assessments = new LongAdder();
        private long portfolioNanos;

        void portfolio(long nanos) {
            portfolioNanos = nanos;
        }

        void read(long nanos, boolean last) {
            readNanos.add(nanos);
            reads.increment();
            if (last) {
                total.record(nanos);
            }
        }

        void assessed(long nanos, long totalNanos) {
            assessNanos.add(nanos);
            assessments.increment();
            total.record(totalNanos);
        }

        Timings timings() {
            long r = reads.sum();
            long a = assessments.sum();
            return new Timings(total.count(), total.percentile(50), total.percentile(95), total.percentile(99),
                    r == 0 ? 0 : readNanos.sum() / 1000.0 / r, a == 0 ? 0 : assessNanos.sum() / 1000.0 / a,
                    portfolioNanos / 1e6);
        }
    }

    /** Configures a batch. */
    public static final class Builder {
        private final VendorRiskAssessor assessor;
        private final ProfileReader reader;
        private int jobs = Runtime.getRuntime().availableProcessors();
        private int window;
        private PortfolioWaivers waivers = PortfolioWaivers.none();
        private boolean timings;

        private Builder(VendorRiskAssessor assessor, ProfileReader reader) {
            this.assessor = assessor;
            this.reader = reader;
        }

        /** Worker threads; default: the number of processors. */
        public Builder jobs(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("jobs must be 1 or more, was " + n);
            }
            this.jobs = n;
            return this;
        }

        /** Profiles in flight at most; default 64 per job. */
        public Builder window(int n) {
            this.window = n;
            return this;
        }

        /** The portfolio waivers file's waivers. */
        public Builder waivers(PortfolioWaivers w) {
            this.waivers = Objects.requireNonNull(w);
            return this;
        }

        /** Measure per-profile latencies (see {@link BatchResult#timings()}). */
        public Builder timings(boolean on) {
            this.timings = on;
            return this;
        }

        public BatchAssessor build() {
            return new BatchAssessor(this);
        }
    }
}
