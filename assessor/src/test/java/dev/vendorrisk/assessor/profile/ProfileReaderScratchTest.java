package dev.vendorrisk.assessor.profile;

import dev.vendorrisk.assessor.InvalidProfileException;
import org.junit.jupiter.api.Test;
import java.nio.file.*;

class ProfileReaderScratchTest {
    @Test
    void print() throws Exception {
        ProfileReader r = new ProfileReader();
        byte[] b = Files.readAllBytes(Path.of("src/test/resources/profiles/full.yaml"));
        byte[] j = Files.readAllBytes(Path.of("src/test/resources/profiles/full.json"));
        for (int round = 0; round < 3; round++) {
            long t = System.nanoTime();
            for (int i = 0; i < 20000; i++) r.read("x", b);
            System.out.println("yaml per file us: " + (System.nanoTime() - t) / 20000 / 1000.0);
            t = System.nanoTime();
            for (int i = 0; i < 20000; i++) r.readJson("x", j);
            System.out.println("json per file us: " + (System.nanoTime() - t) / 20000 / 1000.0);
        }
        String[] cases = {"a: 1\na: 2\n", "schemaVersion: 1\n---\nb: 2\n", "schemaVersion: 1\nvendor:\n\tid: x\n", "[".repeat(200) + "]".repeat(200), "schemaVersion: 1\nvendor: {id: x}\nsla: {availabilityPercent: .inf}\n", "schemaVersion: 99999999999\nvendor: {id: x}\n", "schemaVersion: 1\nvendor: {id: x}\ncompany: {formerParent: none, ownershipChangedOn: never}\n" , "schemaVersion: 1\nvendor: {id: x}\nservice:\n  name: true\n", "schemaVersion: '1'\nvendor:\n  id: [x]\n", "schemaVersion: 1\nvendor:\n  id: x\n  name: a: b\n", "x: \"unterminated\n"};
        for (String c : cases) {
            try { r.read("t.yaml", c.getBytes()); System.out.println("OK " + c); }
            catch (InvalidProfileException e) { System.out.println(e.getMessage()); }
        }
        String[] jcases = {"{\"schemaVersion\": 1, \"vendor\": {\"id\": \"x\"},\n \"suport\": {}}", "{\"schemaVersion\": 1,\n \"vendor\": {\"id\": \"x\",}}", "", "{\"schemaVersion\": 1, \"vendor\": {\"id\": \"x\"}} {}", "[" .repeat(100)};
        for (String c : jcases) {
            try { r.readJson("t.json", c.getBytes()); System.out.println("OK " + c); }
            catch (InvalidProfileException e) { System.out.println(e.getMessage()); }
        }
    }
}
