package dev.vendorrisk.assessor.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vendorrisk.assessor.Diagnostic;
import dev.vendorrisk.assessor.TestRules;
import dev.vendorrisk.assessor.report.FileResult;
import dev.vendorrisk.assessor.report.Summary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A portfolio keeps its services apart: one file per service, one name per vendor id, honest counts. */
class PortfolioIntegrityTest {
    private static final String MSP = read("samples/well-run-msp.yaml");

    private static String read(String path) {
        try {
            return Files.readString(TestRules.ROOT.resolve(path));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<FileResult> run(BatchInput... inputs) throws IOException {
        List<FileResult> out = new ArrayList<>();
        BatchAssessor.builder(TestRules.assessor()).jobs(2).build().assess(List.of(inputs), out::add);
        return out;
    }

    private static BatchInput input(String name, String yaml) {
        return BatchInput.bytes(name, yaml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void twoFilesOfTheSameServiceAreAnErrorNamingBoth() throws IOException {
        List<FileResult> r = run(input("vendors/a.yaml", MSP), input("vendors/b.yaml", MSP));
        assertThat(r.get(0).ok()).isTrue();
        assertThat(r.get(1).ok()).isFalse();
        assertThat(r.get(1).errors()).extracting(Diagnostic::render).containsExactly("vendors/b.yaml: service 'Managed"
                + " Microsoft 365 and endpoint management' of vendor 'nordic-managed-it' is already described by"
                + " vendors/a.yaml; one file per service: merge the two files, or give this service its own name");
    }

    @Test
    void oneVendorIdWithTwoNamesIsAnError() throws IOException {
        String other = MSP.replace("  name: Nordic Managed IT AB", "  name: Nordic IT Oy")
                .replace("  name: Managed Microsoft 365 and endpoint management", "  name: Managed backup");
        List<FileResult> r = run(input("vendors/a.yaml", MSP), input("vendors/b.yaml", other));
        assertThat(r.get(1).errors()).extracting(Diagnostic::message).containsExactly("vendor id 'nordic-managed-it' is"
                + " named 'Nordic IT Oy' here but 'Nordic Managed IT AB' in vendors/a.yaml; use one name per vendor id,"
                + " or give this vendor its own id");
    }

    @Test
    void theSummaryCountsFilesServicesAndVendorsApart() throws IOException {
        String second = MSP.replace("  name: Managed Microsoft 365 and endpoint management", "  name: Managed backup");
        Summary summary = new Summary();
        run(input("a.yaml", MSP), input("b.yaml", second), input("c.yaml", read("samples/pbx-incident.yaml")))
                .forEach(summary::add);
        assertThat(summary.files()).isEqualTo(3);
        assertThat(summary.services()).isEqualTo(3);
        assertThat(summary.vendors()).isEqualTo(2);
        assertThat(summary.line()).startsWith("3 files, 3 services of 2 vendors (");
    }

    @Test
    void aWaiverOfARuleThatDoesNotExistSaysSo() throws IOException {
        String waived = MSP.replace("  assessor: ", "  waivers:\n    - rule: SEC-099\n      justification: x\n"
                + "      owner: it-ops\n      expires: 2099-01-01\n  assessor: ");
        List<FileResult> r = run(input("a.yaml", waived));
        assertThat(r.get(0).assessment().warnings()).contains("waiver for SEC-099 (owner it-ops): no such rule"
                + " 'SEC-099'; correct the id (vra rules list shows them)");

        PortfolioWaivers file = PortfolioWaivers.of(TestRules.assessor().reader().readWaivers("waivers.yaml",
                "- vendor: nordic-managed-it\n  rule: SEC-099\n  justification: x\n  owner: it-ops\n  expires: 2099-01-01\n"
                        .getBytes(StandardCharsets.UTF_8)));
        List<FileResult> out = new ArrayList<>();
        BatchResult batch = BatchAssessor.builder(TestRules.assessor()).jobs(1).waivers(file).build()
                .assess(List.of(input("a.yaml", MSP)), out::add);
        assertThat(batch.portfolio().warnings()).extracting(Diagnostic::render).containsExactly("waivers.yaml:1:3: waiver"
                + " for SEC-099 of vendor 'nordic-managed-it' (owner it-ops): no such rule 'SEC-099'; correct the id"
                + " (vra rules list shows them)");
    }
}
