package dev.vendorrisk.assessor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vendorrisk.assessor.TestRules;
import dev.vendorrisk.assessor.profile.Criticality;
import dev.vendorrisk.assessor.profile.ProfileReader;
import dev.vendorrisk.assessor.profile.VendorProfile;
import dev.vendorrisk.assessor.scoring.Exposure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The fact types rules can match: what the engine really inserts, and the docs page that lists them. */
class FactTypesTest {
    private static final Path PAGE = TestRules.ROOT.resolve("docs/rules-facts.md");

    @Test
    void theEngineInsertsExactlyTheDeclaredVendorFacts() throws Exception {
        VendorProfile profile = new ProfileReader().read(TestRules.ROOT.resolve("samples/large-saas-with-sla.yaml")).profile();
        assertThat(profile.incidents()).as("a sample with incidents").isNotEmpty();
        List<Object> inserted = new ArrayList<>();
        FactTypes.vendorFacts(profile, new Context(Criticality.HIGH, true, TestRules.TODAY, Map.of()),
                new Exposure(null, null, null, null, null, null, List.of()), inserted::add);
        Set<Class<?>> types = new LinkedHashSet<>();
        inserted.forEach(o -> types.add(o.getClass()));
        assertThat(types).containsExactlyInAnyOrderElementsOf(FactTypes.all().stream()
                .filter(t -> t.origin() == FactTypes.Origin.VENDOR).map(FactTypes.FactType::type).toList());
    }

    @Test
    void everyFactTypeTheCompilerSuggestsIsAFact() {
        List<Class<?>> facts = new ArrayList<>();
        FactTypes.all().forEach(t -> facts.add(t.type()));
        assertThat(facts).containsAll(CompileErrors.FACT_TYPES);
    }

    @Test
    void aNestedRecordIsReachedThroughTheFactThatHoldsIt() {
        assertThat(FactTypes.holders(dev.vendorrisk.assessor.profile.Vendor.class)).containsExactly("VendorProfile.vendor");
    }

    /** Regenerate with {@code -Dvra.docs.update=true}. */
    @Test
    void theDocsPageListsTheFactTypes() throws IOException {
        String expected = FactTypes.markdown();
        if (Boolean.getBoolean("vra.docs.update")) {
            Files.writeString(PAGE, expected);
        }
        assertThat(Files.exists(PAGE)).as(PAGE + " exists; create it with -Dvra.docs.update=true").isTrue();
        assertThat(Files.readString(PAGE)).as(PAGE + " is generated from FactTypes; regenerate it with"
                + " -Dvra.docs.update=true").isEqualTo(expected);
    }
}
