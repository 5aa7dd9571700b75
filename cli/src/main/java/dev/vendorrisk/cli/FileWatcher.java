package dev.vendorrisk.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Watches folders and their subfolders (new ones too) for saved files, and hands over each burst of
 * changes once it has settled: an editor's save is often several events (write a temporary file,
 * rename it over the old one, touch it), which must start one run, not three. Only files a watch
 * cares about count: {@code .drl}, {@code .yaml}, {@code .yml} and {@code .json}; editors' swap and
 * backup files are ignored.
 */
final class FileWatcher implements AutoCloseable {
    /** How long the folders must stay quiet after a change before it is handed over. */
    static final long QUIET_MILLIS = 25;

    private final WatchService service;
    private final Map<WatchKey, Path> keys = new HashMap<>();

    /** Watches every folder in {@code roots} with its subfolders. */
    FileWatcher(Collection<Path> roots) {
        try {
            service = FileSystems.getDefault().newWatchService();
            for (Path root : roots) {
                registerTree(root);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch " + roots + ": " + e.getMessage(), e);
        }
    }

    /** How many folders are watched. */
    int folders() {
        return keys.size();
    }

    private void registerTree(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> dirs = Files.walk(root)) {
            for (Path dir : (Iterable<Path>) dirs.filter(Files::isDirectory)::iterator) {
                keys.put(dir.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE), dir);
            }
        }
    }

    /**
     * Waits for the next burst of relevant changes and returns the files changed, once no event came
     * for {@value #QUIET_MILLIS} ms.
     *
     * @throws InterruptedException when the waiting thread is interrupted: the watch is over
     */
    Set<Path> next() throws InterruptedException {
        Set<Path> changed = new LinkedHashSet<>();
        while (changed.isEmpty()) {
            drain(take(), changed);
            WatchKey more;
            while ((more = poll()) != null) {
                drain(more, changed);
            }
        }
        return changed;
    }

    private WatchKey take() throws InterruptedException {
        try {
            return service.take();
        } catch (ClosedWatchServiceException e) {
            throw new InterruptedException("the watch was closed");
        }
    }

    private WatchKey poll() throws InterruptedException {
        try {
            return service.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS);
        } catch (ClosedWatchServiceException e) {
            throw new InterruptedException("the watch was closed");
        }
    }

    private void drain(WatchKey key, Set<Path> changed) {
        Path dir = keys.get(key);
        for (WatchEvent<?> event : key.pollEvents()) {
            if (dir == null || event.kind() == StandardWatchEventKinds.OVERFLOW) {
                continue;
            }
            Path file = dir.resolve((Path) event.context());
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(file)) {
                try {
                    registerTree(file);
                    try (Stream<Path> files = Files.walk(file)) {
                        files.filter(FileWatcher::relevant).forEach(changed::add);
                    }
                } catch (IOException e) {
                    // gone again, or unreadable: nothing to watch there
                }
            } else if (relevant(file)) {
                changed.add(file);
            }
        }
        if (!key.reset()) {
            keys.remove(key);
        }
    }

    /** A rule, scoring, test or profile file; not an editor's swap or backup file. */
    static boolean relevant(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.startsWith(".") || name.startsWith("#") || name.endsWith("~")) {
            return false;
        }
        return name.endsWith(".drl") || name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }
}
