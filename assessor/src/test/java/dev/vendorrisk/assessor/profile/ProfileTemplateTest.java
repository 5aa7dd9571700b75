package dev.vendorrisk.assessor.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The {@code vra init} template: every key, every fact unknown, and the reader accepts it. */
class ProfileTemplateTest {
    @Test
    void readerAcceptsTheTemplateAndEveryFactIsUnknown() {
        String yaml = ProfileTemplate.yaml("vendor-profile.schema.json");
        VendorProfile p = new ProfileReader().read("template.yaml", yaml.getBytes(StandardCharsets.UTF_8)).profile();
        assertThat(p.schemaVersion()).isEqualTo(1);
        assertThat(p.vendor().id()).isEqualTo(ProfileTemplate.PLACEHOLDER_ID);
        assertThat(p.vendor().name()).isNull();
        assertThat(p.service()).isEqualTo(Service.UNKNOWN);
        assertThat(p.company()).isEqualTo(Company.UNKNOWN);
        assertThat(p.support()).isEqualTo(Support.UNKNOWN);
        assertThat(p.sla()).isEqualTo(Sla.UNKNOWN);
        assertThat(p.continuity()).isEqualTo(Continuity.UNKNOWN);
        assertThat(p.contract()).isEqualTo(Contract.UNKNOWN);
        assertThat(p.security()).isEqualTo(Security.UNKNOWN);
        assertThat(p.incidents()).isNull();
        assertThat(p.assessment().assessedOn()).isNull();
    }

    @Test
    void everyKeyAppearsWithItsDescription() {
        String yaml = ProfileTemplate.yaml(null);
        ProfileDescriptions.all().forEach((key, description) -> {
            String name = key.substring(key.indexOf('.') + 1);
            assertThat(yaml).as(key).containsPattern("(?m)^[# -]*" + name + ":.*# " + java.util.regex.Pattern.quote(description) + "$");
        });
        assertThat(yaml).doesNotContain("yaml-language-server");
    }
}
