package dev.vendorrisk.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The progress of a batch on stderr: a bar with rate and ETA, only on an interactive terminal, only
 * once the run has taken a second, never in CI ({@code CI} set) or with {@code --no-progress}.
 */
abstract class Progress implements AutoCloseable {
    private static final long DELAY_NANOS = Duration.ofSeconds(1).toNanos();

    /** One more file done. */
    abstract void step();

    @Override
    public abstract void close();

    /** The progress display this run gets. */
    static Progress of(int total, boolean disabled) {
        if (disabled || total < 2 || !interactive()) {
            return new Progress() {
                @Override
                void step() {
                }

                @Override
                public void close() {
                }
            };
        }
        return new Bar(total);
    }

    /** A terminal on both stdout and stderr, and not CI. */
    static boolean interactive() {
        if (System.console() == null || System.getenv("CI") != null) {
            return false;
        }
        try {
            Path stderr = Path.of("/proc/self/fd/2");
            if (Files.exists(stderr)) {
                String target = Files.readSymbolicLink(stderr).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return true; // cannot tell: trust System.console()
        }
        return true;
    }

    /** The bar, created lazily after the first second. */
    private static final class Bar extends Progress {
        private final int total;
        private final long start = System.nanoTime();
        private int done;
        private ProgressBar bar;

        Bar(int total) {
            this.total = total;
        }

        @Override
        void step() {
            done++;
            if (bar == null) {
                if (System.nanoTime() - start < DELAY_NANOS) {
                    return;
                }
                bar = new ProgressBarBuilder().setTaskName("assess").setInitialMax(total)
                        .setStyle(ProgressBarStyle.ASCII).showSpeed().setUnit(" files", 1)
                        .setUpdateIntervalMillis(250)
                        .setConsumer(new ConsoleProgressBarConsumer(System.err))
                        .startsFrom(0, Duration.ofNanos(System.nanoTime() - start))
                        .build();
            }
            bar.stepTo(done);
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }
}
