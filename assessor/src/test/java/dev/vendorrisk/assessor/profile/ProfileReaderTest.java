package dev.vendorrisk.assessor.profile;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Profiles that are valid: what the reader makes of them, and where it says each value stands. */
class ProfileReaderTest {
    private final ProfileReader reader = new ProfileReader();

    @Test
    void readsTheRiskModelExample() {
        ParsedProfile parsed = reader.read("full.yaml", fixture("full.yaml"));
        VendorProfile profile = parsed.profile();

        assertThat(parsed.file()).isEqualTo("full.yaml");
        assertThat(profile.schemaVersion()).isEqualTo(1);
        assertThat(profile.vendor()).isEqualTo(new Vendor("pbx-hosting-example", "Example PBX Hosting s.r.o.", "CZ"));
        assertThat(profile.service().kind()).isEqualTo(ServiceKind.TELEPHONY);
        assertThat(profile.service().criticality()).isEqualTo(Criticality.CRITICAL);
        assertThat(profile.service().usersAffected()).isEqualTo(25);
        assertThat(profile.service().hourlyCostPerUser()).isEqualTo(450.0);
        assertThat(profile.service().revenueLossPerHour()).isEqualTo(0.0);
        assertThat(profile.service().currency()).isEqualTo("CZK");
        assertThat(profile.service().maxTolerableDowntimeHours()).isEqualTo(4.0);
        assertThat(profile.service().operatingHours()).isEqualTo(Coverage.BUSINESS);
        assertThat(profile.service().handlesPersonalData()).isFalse();

        assertThat(profile.company().staffCount()).isEqualTo(1);
        assertThat(profile.company().financialHealth()).isEqualTo(FinancialHealth.ADEQUATE);
        assertThat(profile.company().ownershipChangedOn()).isSameAs(DateOrNever.NEVER);
        assertThat(profile.company().formerParent())
                .isEqualTo(new FormerParent(false, "Example Hosting a.s.", LocalDate.of(2016, 3, 1), true));

        assertThat(profile.support().channels()).containsExactly(Channel.EMAIL);
        assertThat(profile.support().discontinuedChannels()).containsExactly(Channel.FORUM);
        assertThat(profile.support().hours()).isEqualTo(Coverage.BUSINESS);
        assertThat(profile.sla().offered()).isFalse();
        assertThat(profile.sla().availabilityPercent()).isNull();
        assertThat(profile.operations().guaranteedCpuFeatures()).isEmpty();
        assertThat(profile.operations().workload().requiredCpuFeatures()).containsExactly("avx2");
        assertThat(profile.continuity().lastRestoreTest()).isEqualTo(new DateOrNever(LocalDate.of(2017, 6, 1)));
        assertThat(profile.continuity().alternativeProviders()).isZero();
        assertThat(profile.contract().incidentNotificationHours()).isNull();
        assertThat(profile.security().certifications()).isEmpty();
        assertThat(profile.incidents()).containsExactly(new Incident(0, LocalDate.of(2018, 2, 12), 30.0, true, false,
                "VM migrated to older hardware lacking a CPU extension the PBX build needs"));
        assertThat(profile.assessment().assessedOn()).isEqualTo(LocalDate.of(2018, 2, 19));
        assertThat(profile.assessment().assessor()).isEqualTo("it-operations");
        assertThat(profile.assessment().waivers()).isEmpty();
    }

    @Test
    void recordsThePositionOfEveryValue() {
        ParsedProfile parsed = reader.read("full.yaml", fixture("full.yaml"));

        assertThat(parsed.positions())
                .containsEntry("schemaVersion", new SourcePosition(2, 16))
                .containsEntry("company", new SourcePosition(20, 3))               // a block mapping starts at its first key
                .containsEntry("company.staffCount", new SourcePosition(20, 15))
                .containsEntry("company.formerParent", new SourcePosition(27, 5))
                .containsEntry("company.formerParent.separatedOn", new SourcePosition(28, 18))
                .containsEntry("support.channels", new SourcePosition(31, 13))     // a flow list starts at '['
                .containsEntry("support.channels[0]", new SourcePosition(31, 14))
                .containsEntry("sla.availabilityPercent", new SourcePosition(40, 24)) // null values have positions too
                .containsEntry("incidents", new SourcePosition(76, 3))
                .containsEntry("incidents[0]", new SourcePosition(76, 5))
                .containsEntry("incidents[0].date", new SourcePosition(76, 11));
        assertThat(parsed.lineOf("incidents[0].summary")).isEqualTo(80);
        assertThat(parsed.lineOf("company.formerParent.nothingHere")).isEqualTo(27);
    }

    @Test
    void keepsUnknownFactsUnknownAndReadsTheExplicitAnswers() {
        ParsedProfile parsed = reader.read("two-incidents-with-waiver.yaml", fixture("two-incidents-with-waiver.yaml"));
        VendorProfile profile = parsed.profile();

        assertThat(profile.service().revenueLossPerHour()).isNull();
        assertThat(profile.service().usersAffected()).isNull();
        assertThat(profile.company().technicalStaffCount()).isNull(); // 'technicalStaffCount:' with no value
        assertThat(profile.company().formerParent()).isSameAs(FormerParent.NONE);
        assertThat(profile.company().formerParent().none()).isTrue();
        assertThat(profile.company().ownershipChangedOn()).isEqualTo(new DateOrNever(LocalDate.of(2017, 5, 1)));
        assertThat(profile.continuity().lastRestoreTest().never()).isTrue();
        assertThat(profile.sla()).isEqualTo(Sla.UNKNOWN);
        assertThat(profile.support()).isEqualTo(Support.UNKNOWN);
        assertThat(profile.support().channels()).isNull();

        assertThat(profile.incidents()).extracting(Incident::index).containsExactly(0, 1);
        Incident second = profile.incidents().get(1);
        assertThat(second.date()).isEqualTo(LocalDate.of(2018, 1, 20));
        assertThat(second.durationHours()).isEqualTo(6.0);
        assertThat(second.summary()).isNull();
        assertThat(parsed.positions().get(second.path("date"))).isEqualTo(new SourcePosition(21, 11));

        assertThat(profile.assessment().waivers()).containsExactly(new Waiver(null, "CORP-001",
                "support quality re-verified by a test call on 2018-02-15", "it-operations", LocalDate.of(2018, 8, 31)));
        assertThat(parsed.positions()).containsKey("assessment.waivers[0].rule");
    }

    @Test
    void readsAbsentSectionsAsUnknown() {
        VendorProfile profile = reader.read("minimal.yaml", bytes("schemaVersion: 1\nvendor:\n  id: x1\n")).profile();

        assertThat(profile.company()).isEqualTo(Company.UNKNOWN);
        assertThat(profile.incidents()).isNull();
        assertThat(profile.assessment().waivers()).isEmpty();
    }

    @Test
    void readsTheSameProfileFromJson() {
        ParsedProfile fromJson = reader.readJson("full.json", fixture("full.json"));
        ParsedProfile fromYaml = reader.read("full.yaml", fixture("full.yaml"));

        assertThat(fromJson.profile()).isEqualTo(fromYaml.profile());
        assertThat(fromJson.positions().keySet()).isEqualTo(fromYaml.positions().keySet());
        assertThat(fromJson.positions()).containsEntry("company.staffCount", new SourcePosition(22, 19));
    }

    @Test
    void takesYamlWordsAsTextWhereTextIsExpected() {
        // YAML 1.1 reads NO as false; a country code is text, so this is Norway.
        VendorProfile profile = reader.read("norway.yaml", bytes("""
                schemaVersion: 1
                vendor:
                  id: 3m
                  country: NO
                  name: 3M
                security:
                  certifications: [iso27001, 2022]
                """)).profile();

        assertThat(profile.vendor()).isEqualTo(new Vendor("3m", "3M", "NO"));
        assertThat(profile.security().certifications()).containsExactly("iso27001", "2022");
    }

    @Test
    void isSafeToShareBetweenThreads() throws Exception {
        byte[] content = fixture("full.yaml");
        VendorProfile expected = reader.read("full.yaml", content).profile();
        List<Thread> threads = new java.util.ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                try {
                    for (int i = 0; i < 200; i++) {
                        assertThat(reader.read("full.yaml", content).profile()).isEqualTo(expected);
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(failures).isEmpty();
    }

    static byte[] fixture(String name) {
        try (InputStream in = ProfileReaderTest.class.getResourceAsStream("/profiles/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture profiles/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
