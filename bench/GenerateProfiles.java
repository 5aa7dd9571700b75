import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Generates N realistic, varied vendor profiles for the benchmark: deterministic for a seed.
 * About 2 % of the files are invalid (a misspelt key, a wrong type, a YAML syntax error), some facts
 * are left out (unknowns), vendors sometimes supply several services, and files sit in folders of 1,000.
 *
 * <p>Run: {@code java bench/GenerateProfiles.java N OUT_DIR [SEED]}
 */
public final class GenerateProfiles {
    private static final String[] KINDS = {"hosting", "saas", "telephony", "network", "msp", "other"};
    private static final String[] TIERS = {"low", "medium", "high", "critical"};
    private static final String[] COVERAGE = {"business", "extended", "24x7"};
    private static final String[] CHANNELS = {"phone", "email", "ticket", "chat", "forum"};
    private static final String[] HEALTH = {"strong", "adequate", "weak", "distressed"};
    private static final String[] CURRENCIES = {"EUR", "EUR", "EUR", "CZK", "USD"};
    private static final String[] COUNTRIES = {"CZ", "DE", "AT", "SK", "PL", "NL", "US", "SE"};
    private static final String[] CPU = {"sse4_2", "avx", "avx2", "avx512f", "aes"};
    private static final String[] CERTS = {"iso27001", "soc2-type2", "iso27018", "csa-star"};

    private GenerateProfiles() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: java GenerateProfiles.java N OUT_DIR [SEED]");
            System.exit(2);
        }
        int n = Integer.parseInt(args[0]);
        Path out = Path.of(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42L;
        Random random = new Random(seed);
        int vendors = Math.max(1, (int) (n * 0.8));
        int invalid = 0;
        for (int i = 0; i < n; i++) {
            Path dir = out.resolve(String.format(Locale.ROOT, "batch-%03d", i / 1000));
            if (i % 1000 == 0) {
                Files.createDirectories(dir);
            }
            int vendor = random.nextInt(vendors);
            String text = profile(random, vendor, i);
            double roll = random.nextDouble();
            if (roll < 0.007) {
                text = text.replace("support:", "suport:");
                invalid++;
            } else if (roll < 0.014) {
                text = text.replace("  usersAffected: ", "  usersAffected: many ");
                invalid++;
            } else if (roll < 0.02) {
                text = text.replace("company:\n", "company:\n\tbroken: [\n");
                invalid++;
            }
            Path file = dir.resolve(String.format(Locale.ROOT, "vendor-%06d.yaml", i));
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                w.write(text);
            }
        }
        System.out.println("generated " + n + " profiles (" + invalid + " invalid) in " + out);
    }

    private static String profile(Random r, int vendor, int index) {
        StringBuilder b = new StringBuilder(2500);
        b.append("# generated profile for the benchmark\nschemaVersion: 1\nvendor:\n");
        b.append("  id: vendor-").append(vendor).append('\n');
        b.append("  name: Vendor ").append(vendor).append(" Ltd.\n");
        b.append("  country: ").append(pick(r, COUNTRIES)).append('\n');
        int staff = r.nextDouble() < 0.15 ? 1 : 2 + r.nextInt(r.nextBoolean() ? 20 : 3000);
        String kind = pick(r, KINDS);
        b.append("service:\n  name: ").append(kind).append(" service ").append(r.nextInt(1000))
                .append('-').append(index).append('\n'); // one file per service: a portfolio has no duplicates
        b.append("  kind: ").append(kind).append('\n');
        maybe(r, b, "  criticality: ", pick(r, TIERS));
        maybe(r, b, "  usersAffected: ", 1 + r.nextInt(500));
        maybe(r, b, "  hourlyCostPerUser: ", 20 + r.nextInt(80));
        if (r.nextBoolean()) {
            b.append("  revenueLossPerHour: ").append(r.nextInt(5000)).append('\n');
        }
        b.append("  currency: ").append(pick(r, CURRENCIES)).append('\n');
        maybe(r, b, "  monthlyFee: ", 50 + r.nextInt(20000));
        maybe(r, b, "  maxTolerableDowntimeHours: ", 1 + r.nextInt(96));
        maybe(r, b, "  operatingHours: ", pick(r, COVERAGE));
        maybe(r, b, "  handlesPersonalData: ", r.nextBoolean());
        b.append("company:\n");
        maybe(r, b, "  staffCount: ", staff);
        maybe(r, b, "  technicalStaffCount: ", staff == 1 ? 1 : 1 + r.nextInt(Math.max(1, staff / 2)));
        maybe(r, b, "  foundedYear: ", 1990 + r.nextInt(36));
        maybe(r, b, "  servicesOffered: ", 1 + r.nextInt(60));
        maybe(r, b, "  financialHealth: ", pick(r, HEALTH));
        maybe(r, b, "  ownershipChangedOn: ", r.nextBoolean() ? "never" : date(r, 2015, 2026));
        if (r.nextDouble() < 0.3) {
            b.append("  formerParent:\n    name: Parent ").append(r.nextInt(100)).append(" a.s.\n");
            b.append("    separatedOn: ").append(date(r, 2010, 2026)).append('\n');
            b.append("    providedSupport: ").append(r.nextBoolean()).append('\n');
        } else {
            maybe(r, b, "  formerParent: ", "none");
        }
        b.append("support:\n");
        maybe(r, b, "  channels: ", list(r, CHANNELS, 0, 3));
        maybe(r, b, "  discontinuedChannels: ", list(r, CHANNELS, 0, 1));
        maybe(r, b, "  hours: ", r.nextDouble() < 0.05 ? "none" : pick(r, COVERAGE));
        maybe(r, b, "  responseTimeHours: ", 1 + r.nextInt(48));
        maybe(r, b, "  escalationContact: ", r.nextBoolean());
        maybe(r, b, "  statusPage: ", r.nextBoolean());
        boolean offered = r.nextBoolean();
        b.append("sla:\n  offered: ").append(offered).append('\n');
        maybe(r, b, "  purchasable: ", r.nextBoolean());
        if (offered) {
            maybe(r, b, "  availabilityPercent: ", pick(r, new String[] {"99", "99.5", "99.9", "99.95"}));
            maybe(r, b, "  responseTimeHours: ", 1 + r.nextInt(24));
            maybe(r, b, "  serviceCredits: ", r.nextBoolean());
        }
        b.append("operations:\n");
        maybe(r, b, "  maintenanceNoticeDays: ", r.nextInt(14));
        maybe(r, b, "  notifiesBeforeHardwareMigration: ", r.nextBoolean());
        maybe(r, b, "  guaranteedCpuFeatures: ", list(r, CPU, 0, 3));
        maybe(r, b, "  rollbackPlan: ", r.nextBoolean());
        b.append("  workload:\n");
        maybe(r, b, "    customBuilt: ", r.nextBoolean());
        maybe(r, b, "    reproducibleBuild: ", r.nextBoolean());
        maybe(r, b, "    requiredCpuFeatures: ", list(r, CPU, 0, 2));
        b.append("continuity:\n");
        maybe(r, b, "  backups: ", r.nextDouble() < 0.9);
        maybe(r, b, "  backupsRestorableElsewhere: ", r.nextBoolean());
        maybe(r, b, "  lastRestoreTest: ", r.nextDouble() < 0.1 ? "never" : date(r, 2018, 2026));
        maybe(r, b, "  restoreTimeHours: ", 1 + r.nextInt(48));
        maybe(r, b, "  fallbackPlan: ", r.nextBoolean());
        maybe(r, b, "  exitPlan: ", r.nextBoolean());
        maybe(r, b, "  dataExport: ", r.nextBoolean());
        maybe(r, b, "  alternativeProviders: ", r.nextInt(3));
        maybe(r, b, "  replacementTimeDays: ", 7 + r.nextInt(180));
        b.append("contract:\n");
        maybe(r, b, "  written: ", r.nextDouble() < 0.9);
        maybe(r, b, "  liabilityForDamages: ", r.nextBoolean());
        maybe(r, b, "  serviceLevelPenalties: ", r.nextBoolean());
        maybe(r, b, "  rightToAudit: ", r.nextBoolean());
        boolean notify = r.nextBoolean();
        maybe(r, b, "  incidentNotification: ", notify);
        if (notify) {
            maybe(r, b, "  incidentNotificationHours: ", 1 + r.nextInt(96));
        }
        maybe(r, b, "  terminationNoticeDays: ", 14 + r.nextInt(180));
        maybe(r, b, "  confidentiality: ", r.nextBoolean());
        maybe(r, b, "  dataProcessingAgreement: ", r.nextBoolean());
        b.append("security:\n");
        maybe(r, b, "  certifications: ", list(r, CERTS, 0, 2));
        maybe(r, b, "  subcontractorsDisclosed: ", r.nextBoolean());
        if (r.nextDouble() < 0.9) {
            int incidents = r.nextInt(4);
            b.append(incidents == 0 ? "incidents: []\n" : "incidents:\n");
            for (int i = 0; i < incidents; i++) {
                b.append("  - date: ").append(date(r, 2023, 2026)).append('\n');
                b.append("    durationHours: ").append(1 + r.nextInt(40)).append('\n');
                b.append("    causedByProvider: ").append(r.nextBoolean()).append('\n');
                b.append("    notifiedProactively: ").append(r.nextBoolean()).append('\n');
                b.append("    summary: outage number ").append(i + 1).append('\n');
            }
        }
        b.append("assessment:\n  assessedOn: 2026-11-01\n  assessor: bench\n");
        return b.toString();
    }

    private static void maybe(Random r, StringBuilder b, String key, Object value) {
        if (r.nextDouble() < 0.93) {
            b.append(key).append(value).append('\n');
        }
    }

    private static String pick(Random r, String[] values) {
        return values[r.nextInt(values.length)];
    }

    private static String list(Random r, String[] values, int min, int max) {
        int n = min + r.nextInt(max - min + 1);
        List<String> out = new ArrayList<>();
        for (String v : values) {
            if (out.size() < n && r.nextInt(values.length) < n + 1) {
                out.add(v);
            }
        }
        return "[" + String.join(", ", out) + "]";
    }

    private static String date(Random r, int fromYear, int toYear) {
        return String.format(Locale.ROOT, "%04d-%02d-%02d", fromYear + r.nextInt(toYear - fromYear),
                1 + r.nextInt(12), 1 + r.nextInt(28));
    }
}
