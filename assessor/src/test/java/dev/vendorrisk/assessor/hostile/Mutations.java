package dev.vendorrisk.assessor.hostile;

import dev.vendorrisk.assessor.TestRules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Hostile variants of the sample profiles, reproducible from a seed: byte-level damage (flips,
 * inserted YAML punctuation, cuts, invalid UTF-8) and structural damage (keys dropped, duplicated
 * or retyped, deep nesting, huge numbers, alias bombs, tags).
 */
final class Mutations {
    /** How many cases each property tries; raise it for a longer run (bench/fuzz.sh does). */
    static final int TRIES = Integer.getInteger("vra.props.tries", 150);
    /** The first seed; a failure names the seed of its case, which reproduces it. */
    static final long SEED = Long.getLong("vra.props.seed", 20261130L);

    private static final byte[] PUNCTUATION = ":-\n \t{}[],&*!\"'#|>%@`?\u0000".getBytes(StandardCharsets.UTF_8);
    private static final String[] VALUES = {"[]", "{}", "\"text\"", "''", "~", "null", "yes", "no", "1e400",
        "-1e400", "99999999999999999999999999999999999999", "-9223372036854775809", "0x7FFFFFFF", "0o777",
        ".nan", ".inf", "-.inf", "2026-13-45", "2026-02-29", "0000-00-00", "1.5", "-1", "0", "*missing",
        "!!binary AAAA", "!!python/object:os.system x", "!custom {a: 1}", "&anchor x", "|\n  block", "[1, [2, [3]]]",
        "{a: {b: {c: d}}}", "\"\\u0000\"", "\"\\uD800\"", "'''", "\"unterminated", "- a\n- b"};

    private Mutations() {
    }

    /** The sample profiles (valid and invalid), the seeds of every mutation. */
    static List<byte[]> samples() {
        try (Stream<Path> files = Stream.concat(Files.list(TestRules.ROOT.resolve("samples")),
                Files.list(TestRules.ROOT.resolve("examples/invalid")))) {
            List<byte[]> out = new ArrayList<>();
            for (Path p : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                out.add(Files.readAllBytes(p));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One to eight byte-level changes. */
    static byte[] bytes(byte[] in, Random random) {
        List<Byte> b = new ArrayList<>(in.length + 16);
        for (byte x : in) {
            b.add(x);
        }
        int changes = 1 + random.nextInt(8);
        for (int i = 0; i < changes && !b.isEmpty(); i++) {
            int at = random.nextInt(b.size());
            switch (random.nextInt(6)) {
                case 0 -> b.set(at, (byte) (b.get(at) ^ (1 << random.nextInt(8))));
                case 1 -> b.add(at, PUNCTUATION[random.nextInt(PUNCTUATION.length)]);
                case 2 -> b.subList(at, Math.min(b.size(), at + 1 + random.nextInt(40))).clear();
                case 3 -> b.add(at, (byte) (0x80 + random.nextInt(0x80))); // a stray UTF-8 continuation or lead byte
                case 4 -> b.subList(at, b.size()).clear(); // cut short
                default -> b.set(at, (byte) random.nextInt(256));
            }
        }
        byte[] out = new byte[b.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.get(i);
        }
        return out;
    }

    /** One to four line-level changes of the YAML's structure. */
    static byte[] structure(byte[] in, Random random) {
        List<String> lines = new ArrayList<>(List.of(new String(in, StandardCharsets.UTF_8).split("\n", -1)));
        int changes = 1 + random.nextInt(4);
        for (int i = 0; i < changes && !lines.isEmpty(); i++) {
            int at = random.nextInt(lines.size());
            String line = lines.get(at);
            int colon = line.indexOf(": ");
            switch (random.nextInt(8)) {
                case 0 -> lines.remove(at); // drop a key
                case 1 -> lines.add(at, line); // duplicate a key
                case 2 -> { // retype a value
                    if (colon > 0) {
                        lines.set(at, line.substring(0, colon + 2) + VALUES[random.nextInt(VALUES.length)]);
                    }
                }
                case 3 -> { // nest deeply
                    int depth = 1 + random.nextInt(random.nextBoolean() ? 60 : 20_000);
                    String open = random.nextBoolean() ? "[" : "{a: ";
                    String close = open.equals("[") ? "]" : "}";
                    if (colon > 0) {
                        lines.set(at, line.substring(0, colon + 2) + open.repeat(depth) + "1" + close.repeat(depth));
                    }
                }
                case 4 -> { // a huge number
                    if (colon > 0) {
                        lines.set(at, line.substring(0, colon + 2) + (random.nextBoolean() ? "-" : "")
                                + "9".repeat(1 + random.nextInt(5000)) + (random.nextBoolean() ? ".5e99999" : ""));
                    }
                }
                case 5 -> { // an alias bomb in front of the document
                    StringBuilder bomb = new StringBuilder("x0: &a0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
                    for (int k = 1; k < 2 + random.nextInt(12); k++) {
                        bomb.append("x").append(k).append(": &a").append(k).append(" [");
                        bomb.append(String.join(", ", java.util.Collections.nCopies(8, "*a" + (k - 1)))).append("]\n");
                    }
                    lines.add(0, bomb.toString());
                }
                case 6 -> { // an alias or anchor on a value
                    if (colon > 0) {
                        lines.set(at, line.substring(0, colon + 2) + (random.nextBoolean() ? "*nowhere" : "&a " + line.substring(colon + 2)));
                    }
                }
                default -> { // re-indent a key
                    lines.set(at, " ".repeat(random.nextInt(7)) + line.strip());
                }
            }
        }
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }
}
