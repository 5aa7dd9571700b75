package dev.vendorrisk.assessor.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vendorrisk.assessor.TestRules;
import dev.vendorrisk.assessor.profile.Criticality;
import dev.vendorrisk.assessor.profile.ServiceKind;
import dev.vendorrisk.assessor.rules.Evidence;
import dev.vendorrisk.assessor.rules.RuleEngine;
import dev.vendorrisk.assessor.rules.RuleMeta;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Each portfolio rule firing and not firing, on hand-made portfolio facts. */
class PortfolioRulesTest {

    private static PortfolioEntry entry(String file, String vendor, ServiceKind kind, Criticality tier, String currency,
                                        Double exposure, String... critical) {
        return new PortfolioEntry(file, vendor, kind, tier, currency, exposure, List.of(critical));
    }

    private static PortfolioResult evaluate(PortfolioEntry... entries) {
        PortfolioSession session = new PortfolioSession(TestRules.assessor().rules());
        for (PortfolioEntry e : entries) {
            session.add(e);
        }
        return session.evaluate(List.of());
    }

    private static List<String> ids(PortfolioResult r) {
        return r.findings().stream().map(PortfolioFinding::id).toList();
    }

    private static Map<String, Object> evidence(PortfolioFinding f) {
        return f.evidence().stream().collect(Collectors.toMap(Evidence::path, e -> e.value() == null ? "null" : e.value()));
    }

    @Test
    void port001FiresWhenTwoImportantServicesDependOnOneVendor() {
        PortfolioResult r = evaluate(
                entry("a.yaml", "acme", ServiceKind.HOSTING, Criticality.HIGH, "EUR", null),
                entry("b.yaml", "acme", ServiceKind.SAAS, Criticality.CRITICAL, "EUR", null),
                entry("c.yaml", "other", ServiceKind.SAAS, Criticality.CRITICAL, "EUR", null));
        assertThat(ids(r)).containsExactly("PORT-001");
        PortfolioFinding f = r.findings().get(0);
        assertThat(evidence(f)).containsEntry("vendor.id", "acme").containsEntry("services", List.of("a.yaml", "b.yaml"));
        assertThat(f.recommendationText()).contains("concentration");
    }

    @Test
    void port001DoesNotFireForOneImportantServiceOrLowerTiers() {
        assertThat(ids(evaluate(
                entry("a.yaml", "acme", ServiceKind.HOSTING, Criticality.HIGH, "EUR", null),
                entry("b.yaml", "acme", ServiceKind.SAAS, Criticality.MEDIUM, "EUR", null),
                entry("c.yaml", "acme", ServiceKind.SAAS, Criticality.LOW, "EUR", null)))).doesNotContain("PORT-001");
    }

    @Test
    void port002FiresWhenOneVendorCarriesMoreThanHalfOfTheExposureInItsCurrency() {
        PortfolioResult r = evaluate(
                entry("a.yaml", "big", ServiceKind.HOSTING, Criticality.LOW, "EUR", 600.0),
                entry("b.yaml", "small", ServiceKind.SAAS, Criticality.LOW, "EUR", 300.0),
                entry("c.yaml", "tiny", ServiceKind.SAAS, Criticality.LOW, "EUR", 99.0),
                // huge, but in another currency: never added to the euros
                entry("d.yaml", "czech", ServiceKind.SAAS, Criticality.LOW, "CZK", 1_000_000.0),
                entry("e.yaml", "unknown", ServiceKind.SAAS, Criticality.LOW, "EUR", null));
        assertThat(ids(r)).containsExactly("PORT-002");
        assertThat(evidence(r.findings().get(0))).containsEntry("vendor.id", "big").containsEntry("exposure.currency", "EUR")
                .containsEntry("exposure.vendor", 600L).containsEntry("exposure.portfolio", 999L)
                .containsEntry("exposure.sharePercent", 60L);
        assertThat(r.notes()).anyMatch(n -> n.contains("1 of 5 services is unknown"))
                .anyMatch(n -> n.contains("2 currencies (CZK 1, EUR 3 services)"));
    }

    @Test
    void port002AddsUpTheServicesOfOneVendor() {
        assertThat(ids(evaluate(
                entry("a.yaml", "big", ServiceKind.HOSTING, Criticality.LOW, "EUR", 300.0),
                entry("b.yaml", "big", ServiceKind.SAAS, Criticality.LOW, "EUR", 300.0),
                entry("c.yaml", "other", ServiceKind.SAAS, Criticality.LOW, "EUR", 500.0)))).containsExactly("PORT-002");
    }

    @Test
    void port002DoesNotFireAtHalfOrBelowNorForALoneVendorInItsCurrency() {
        assertThat(ids(evaluate(
                entry("a.yaml", "one", ServiceKind.HOSTING, Criticality.LOW, "EUR", 500.0),
                entry("b.yaml", "two", ServiceKind.SAAS, Criticality.LOW, "EUR", 500.0),
                entry("c.yaml", "alone", ServiceKind.SAAS, Criticality.LOW, "USD", 9_000.0)))).isEmpty();
    }

    @Test
    void port003FiresWhenACriticalServiceRestsOnOnePersonAndACleanProviderOfItsKindExists() {
        PortfolioResult r = evaluate(
                entry("pbx.yaml", "one-man", ServiceKind.TELEPHONY, Criticality.CRITICAL, "CZK", null, "STAFF-001"),
                entry("alt.yaml", "carrier", ServiceKind.TELEPHONY, Criticality.LOW, "CZK", null));
        assertThat(ids(r)).containsExactly("PORT-003");
        assertThat(evidence(r.findings().get(0))).containsEntry("services", "pbx.yaml").containsEntry("vendor.id", "one-man")
                .containsEntry("service.kind", "telephony");
    }

    @Test
    void port003DoesNotFireWithoutACleanAlternativeOfTheSameKindOrBelowTierCritical() {
        assertThat(ids(evaluate(
                entry("pbx.yaml", "one-man", ServiceKind.TELEPHONY, Criticality.CRITICAL, "CZK", null, "STAFF-001"),
                entry("alt.yaml", "carrier", ServiceKind.TELEPHONY, Criticality.LOW, "CZK", null, "BCP-002"),
                entry("web.yaml", "hoster", ServiceKind.HOSTING, Criticality.LOW, "CZK", null)))).isEmpty();
        assertThat(ids(evaluate(
                entry("pbx.yaml", "one-man", ServiceKind.TELEPHONY, Criticality.HIGH, "CZK", null, "STAFF-001"),
                entry("alt.yaml", "carrier", ServiceKind.TELEPHONY, Criticality.LOW, "CZK", null)))).isEmpty();
        // the same vendor's other service is no alternative
        assertThat(ids(evaluate(
                entry("pbx.yaml", "one-man", ServiceKind.TELEPHONY, Criticality.CRITICAL, "CZK", null, "STAFF-001"),
                entry("fax.yaml", "one-man", ServiceKind.TELEPHONY, Criticality.LOW, "CZK", null)))).isEmpty();
    }

    @Test
    void theFindingsDoNotDependOnHowManyServicesShareASession() {
        PortfolioEntry[] entries = {
                entry("a.yaml", "acme", ServiceKind.HOSTING, Criticality.HIGH, "EUR", 600.0),
                entry("b.yaml", "acme", ServiceKind.SAAS, Criticality.CRITICAL, "EUR", 100.0),
                entry("c.yaml", "other", ServiceKind.SAAS, Criticality.CRITICAL, "EUR", 200.0),
                entry("d.yaml", "one-man", ServiceKind.TELEPHONY, Criticality.CRITICAL, "EUR", 10.0, "STAFF-001"),
                entry("e.yaml", "carrier", ServiceKind.TELEPHONY, Criticality.LOW, "EUR", 10.0)};
        PortfolioResult whole = evaluate(entries);
        PortfolioSession oneByOne = new PortfolioSession(TestRules.assessor().rules(),
                RuleEngine.DEFAULT_TIME_LIMIT, 1);
        for (PortfolioEntry e : entries) {
            oneByOne.add(e);
        }
        assertThat(ids(whole)).containsExactly("PORT-001", "PORT-002", "PORT-003");
        assertThat(oneByOne.evaluate(List.of())).isEqualTo(whole);
    }

    @Test
    void thePortfolioRulesCarryFullMetadataAndStayOutOfVendorAssessments() {
        List<RuleMeta> port = TestRules.assessor().rules().rules().stream().filter(m -> m.id().startsWith("PORT-")).toList();
        assertThat(port).extracting(RuleMeta::id).containsExactly("PORT-001", "PORT-002", "PORT-003");
        assertThat(port).allSatisfy(m -> {
            assertThat(m.area()).isEqualTo(PortfolioSession.AREA);
            assertThat(m.title()).isNotBlank();
            assertThat(m.backing()).isNotBlank();
            assertThat(m.description()).isNotBlank();
            assertThat(TestRules.assessor().rules().policy().recommendations()).containsKey(m.recommendation());
        });
    }
}
