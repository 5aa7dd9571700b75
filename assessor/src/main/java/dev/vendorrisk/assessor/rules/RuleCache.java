package dev.vendorrisk.assessor.rules;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.kie.api.definition.KiePackage;

/**
 * A disk cache of compiled rules, so a run whose rules did not change skips the Drools compiler
 * (seconds) and only deserializes the compiled packages.
 *
 * <p>An entry is the Drools packages of one set of rule files (Drools' own
 * {@link DroolsObjectOutputStream} serialization of {@code KnowledgePackageImpl}, including the
 * bytecode of the rules' generated classes), keyed by a SHA-256 over the content and name of every
 * rule and scoring file, the tool's version and build, and the Java version. Any change to any
 * input gives a new key, so entries never go stale. Only the {@value #KEEP} most recently used
 * entries are kept (a load marks an entry used): a rule author who saves a file a thousand times
 * does not fill the disk. Temporary files that a killed run left behind are removed after an hour.
 *
 * <p>Safe under concurrency and damage: an entry is written to a temporary file in the same folder
 * and atomically renamed into place, so a reader sees a whole entry or none; each entry carries the
 * SHA-256 and length of its payload, and an entry that does not match (truncated, corrupt, or
 * unreadable by this version) is deleted and rebuilt, never trusted. Failing to write the cache
 * never fails a run. Thread-safe.
 */
public final class RuleCache {
    private static final byte[] MAGIC = "VRA-RULES-CACHE\n".getBytes(StandardCharsets.US_ASCII);
    private static final int FORMAT = 1;
    private static final String SUFFIX = ".rules";
    private static final String TEMP_SUFFIX = ".tmp";
    /** Entries kept: the most recently used. */
    static final int KEEP = 16;
    private static final Duration ABANDONED = Duration.ofHours(1);

    private final Path dir;

    /** A cache in {@code dir} (created when needed). */
    public RuleCache(Path dir) {
        this.dir = dir;
    }

    /** The cache folder. */
    public Path dir() {
        return dir;
    }

    /**
     * The default folder: {@code $VRA_CACHE_DIR}, else {@code $XDG_CACHE_HOME/vra}, else
     * {@code ~/.cache/vra}.
     */
    public static Path defaultDir(Map<String, String> env) {
        String explicit = env.get("VRA_CACHE_DIR");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "vra");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "vra");
    }

    /** The key of these exact inputs, for this build of the tool on this Java, compiled as trusted rules. */
    public String key(List<RuleSource> drl, List<RuleSource> scoring) {
        return key(drl, scoring, "trusted");
    }

    /**
     * The key of these exact inputs, for this build of the tool on this Java.
     *
     * @param mode how the rules were admitted, e.g. {@code "safe 1"} (passed the safe rule language
     *             check, version 1) or {@code "trusted"}: an entry is only ever found by a run that
     *             admits rules the same way, so a cached entry means the rules passed that check
     */
    public String key(List<RuleSource> drl, List<RuleSource> scoring, String mode) {
        MessageDigest sha = sha256();
        update(sha, "format " + FORMAT);
        update(sha, "mode " + mode);
        update(sha, "tool " + toolStamp());
        update(sha, "java " + System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.version"));
        for (RuleSource s : drl) {
            update(sha, "drl " + s.file());
            update(sha, s.content());
        }
        for (RuleSource s : scoring) {
            update(sha, "scoring " + s.file());
            update(sha, s.content());
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** The packages stored under {@code key}, or null when there is no sound entry (a bad one is deleted). */
    @SuppressWarnings("unchecked")
    public Collection<KiePackage> load(String key) {
        Path file = dir.resolve(key + SUFFIX);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return null; // no entry
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC) || in.readInt() != FORMAT) {
                throw new IOException("not a cache entry of this format");
            }
            byte[] checksum = in.readNBytes(32);
            long length = in.readLong();
            byte[] payload = in.readAllBytes();
            if (payload.length != length || !Arrays.equals(checksum, sha256().digest(payload))) {
                throw new IOException("truncated or corrupt");
            }
            try (ObjectInputStream objects = new DroolsObjectInputStream(new ByteArrayInputStream(payload),
                    RuleCache.class.getClassLoader())) {
                Collection<KiePackage> packages = (Collection<KiePackage>) objects.readObject();
                markUsed(file);
                return packages;
            }
        } catch (IOException | ClassNotFoundException | RuntimeException | LinkageError e) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // the next store replaces it anyway
            }
            return null;
        }
    }

    /** Stores packages under {@code key}: write a temporary file, then rename it into place atomically. */
    public void store(String key, Collection<KiePackage> packages) {
        Path tmp = null;
        try {
            ByteArrayOutputStream payload = new ByteArrayOutputStream(1 << 20);
            try (ObjectOutputStream out = new DroolsObjectOutputStream(payload)) {
                out.writeObject(new ArrayList<>(packages));
            }
            byte[] body = payload.toByteArray();
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, key, TEMP_SUFFIX);
            try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(tmp))) {
                out.write(MAGIC);
                out.writeInt(FORMAT);
                out.write(sha256().digest(body));
                out.writeLong(body.length);
                out.write(body);
            }
            Path target = dir.resolve(key + SUFFIX);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
            prune(target);
        } catch (IOException | RuntimeException e) {
            // best effort: a run without a cache is only slower
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // nothing more to do
                }
            }
        }
    }

    /** Marks an entry as just used, so pruning keeps it; best effort. */
    private static void markUsed(Path entry) {
        try {
            Files.setLastModifiedTime(entry, FileTime.from(Instant.now()));
        } catch (IOException | RuntimeException ignored) {
            // a read-only cache still serves; the entry may only be pruned sooner
        }
    }

    /**
     * Deletes all but the {@value #KEEP} most recently used entries (never {@code keep}, the one
     * just stored) and temporary files older than an hour. Another run that is reading an entry
     * being deleted either has its bytes already or finds none and compiles: never a wrong result.
     */
    private void prune(Path keep) throws IOException {
        List<Path> entries = new ArrayList<>();
        Instant abandoned = Instant.now().minus(ABANDONED);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String name = f.getFileName().toString();
                if (name.endsWith(SUFFIX) && !f.equals(keep)) {
                    entries.add(f);
                } else if (name.endsWith(TEMP_SUFFIX) && modified(f).isBefore(abandoned)) {
                    Files.deleteIfExists(f);
                }
            }
        }
        if (entries.size() < KEEP) {
            return;
        }
        entries.sort(Comparator.comparing(RuleCache::modified).reversed());
        for (Path old : entries.subList(KEEP - 1, entries.size())) {
            Files.deleteIfExists(old);
        }
    }

    private static Instant modified(Path f) {
        try {
            return Files.getLastModifiedTime(f).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH; // gone or unreadable: first to go
        }
    }

    /** The tool's version plus a stamp of its code (jar size and time, or the newest class file). */
    static String toolStamp() {
        String version = RuleCache.class.getPackage().getImplementationVersion();
        StringBuilder out = new StringBuilder(version == null ? "development" : version);
        try {
            CodeSource code = RuleCache.class.getProtectionDomain().getCodeSource();
            if (code != null) {
                Path location = Path.of(code.getLocation().toURI());
                out.append(' ').append(location);
                if (Files.isDirectory(location)) {
                    try (Stream<Path> files = Files.walk(location)) {
                        out.append(' ').append(files.filter(Files::isRegularFile).mapToLong(p -> {
                            try {
                                return Files.getLastModifiedTime(p).toMillis();
                            } catch (IOException e) {
                                return 0;
                            }
                        }).max().orElse(0));
                    }
                } else {
                    out.append(' ').append(Files.size(location)).append(' ')
                            .append(Files.getLastModifiedTime(location).toMillis());
                }
            }
        } catch (URISyntaxException | IOException | RuntimeException e) {
            out.append(" unknown-build");
        }
        return out.toString();
    }

    private static void update(MessageDigest sha, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        sha.update((byte) ':');
        sha.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
