package dev.vendorrisk.assessor.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.vendorrisk.assessor.VendorRiskAssessor;
import dev.vendorrisk.assessor.portfolio.PortfolioSession;
import dev.vendorrisk.assessor.testing.CaseResult;
import dev.vendorrisk.assessor.testing.RuleTestCase;
import dev.vendorrisk.assessor.testing.RuleTestSuite;
import dev.vendorrisk.assessor.testing.RuleTests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Information gaps only where an outcome depends on them, checked per rule and fact.
 *
 * <p>The table "Facts each rule needs" in {@code docs/risk-model-notes.md} lists every rule/fact
 * pair. Each {@link #CASES case} below makes one fact unknown in a patch of the rule-test baseline,
 * either where the rule needs it (then it must be a gap and the rule must not fire) or where known
 * facts decide the rule without it (then the rule's outcome is as stated, and the fact is a gap only
 * when another rule needs it). The cases become a generated rule-test file run by {@link RuleTests}.
 * The test fails on a pair of the table without a case of each kind it calls for, on a case whose
 * pair is not in the table, and on a rule the table leaves out.
 */
class NeededFactsTest {
    private static final Path RULES = Path.of("../rules");
    private static final Path NOTES = Path.of("../docs/risk-model-notes.md");
    private static final String MTD = "service.maxTolerableDowntimeHours";
    private static final String TIER = "service.criticality";
    /** The rule-test baseline: MTD 4 h, tier critical, assessed on 2018-02-19, one harmless incident. */
    private static final String INCIDENT = "{date: 2018-01-10, durationHours: 30, causedByProvider: true, notifiedProactively: true}";
    private static final String SMALL = "{date: 2018-01-10, durationHours: 1, causedByProvider: true, notifiedProactively: true}";
    private static final String NO_MTD_ELSEWHERE = "support: {responseTimeHours: 0}, sla: {responseTimeHours: 0}";

    /** A row of the generated table: make {@code fact} unknown with {@code given}; what must follow. */
    record Case(String rule, String fact, boolean needed, String given, boolean fires, boolean gap) {
        String pair() {
            return rule + " " + fact.replaceAll("\\[\\d+]", "[]");
        }
    }

    /** The fact is needed: it is a gap, and the rule does not fire on a guess. */
    private static Case needs(String rule, String fact, String given) {
        return new Case(rule, fact, true, given, false, true);
    }

    /** Known facts decide the rule without the fact: the rule fires or not; the fact is a gap only if another rule needs it. */
    private static Case decided(String rule, String fact, String given, boolean fires, boolean gapForAnotherRule) {
        return new Case(rule, fact, false, given, fires, gapForAnotherRule);
    }

    private static final boolean FIRES = true;
    private static final boolean NOT = false;
    private static final boolean GAP = true;
    private static final boolean NO_GAP = false;

    static final List<Case> CASES = List.of(
            needs("STAFF-001", "company.staffCount", "company: {staffCount: null, technicalStaffCount: null}"),
            needs("STAFF-002", "company.staffCount", "company: {staffCount: null, technicalStaffCount: 1}"),
            decided("STAFF-002", "company.staffCount", "company: {staffCount: null}", NOT, GAP),
            needs("STAFF-002", "company.technicalStaffCount", "company: {staffCount: 5, technicalStaffCount: null}"),
            decided("STAFF-002", "company.technicalStaffCount", "company: {staffCount: 1, technicalStaffCount: null, servicesOffered: 3}", NOT, NO_GAP),
            decided("STAFF-002", "company.technicalStaffCount", "company: {staffCount: null, technicalStaffCount: null}", NOT, NO_GAP),
            needs("STAFF-003", "company.staffCount", "company: {staffCount: null, servicesOffered: 40}"),
            decided("STAFF-003", "company.staffCount", "company: {staffCount: null, servicesOffered: 5}", NOT, GAP),
            needs("STAFF-003", "company.servicesOffered", "company: {servicesOffered: null}"),
            decided("STAFF-003", "company.servicesOffered", "company: {staffCount: null, servicesOffered: null}", NOT, NO_GAP),

            needs("SUP-001", "support.channels", "support: {channels: null}"),
            needs("SUP-002", "support.channels", "support: {channels: null}"),
            needs("SUP-003", "support.discontinuedChannels", "support: {discontinuedChannels: null}"),
            needs("SUP-004", "support.responseTimeHours", "support: {responseTimeHours: null}"),
            needs("SUP-004", MTD, "service: {maxTolerableDowntimeHours: null}, support: {responseTimeHours: 10}"),
            decided("SUP-004", MTD, "service: {maxTolerableDowntimeHours: null}, " + NO_MTD_ELSEWHERE + ", incidents: []", NOT, NO_GAP),
            needs("SUP-005", "support.hours", "support: {hours: null}, service: {operatingHours: 24x7}"),
            needs("SUP-005", "service.operatingHours", "service: {operatingHours: null}, support: {hours: business}"),
            decided("SUP-005", "service.operatingHours", "service: {operatingHours: null}, support: {hours: 24x7}", NOT, NO_GAP),
            decided("SUP-005", "service.operatingHours", "service: {operatingHours: null}, support: {hours: none}", FIRES, NO_GAP),
            needs("SUP-006", "support.escalationContact", "support: {escalationContact: null}"),
            needs("SUP-007", "support.statusPage", "support: {statusPage: null}"),
            needs("SUP-008", "support.channels", "support: {channels: null}"),
            decided("SUP-008", "support.channels", "support: {channels: null, hours: none}", FIRES, GAP),
            needs("SUP-008", "support.hours", "support: {hours: null}"),
            decided("SUP-008", "support.hours", "support: {channels: [], hours: null}", FIRES, GAP),

            needs("SLA-001", "sla.offered", "sla: {offered: null, purchasable: false}"),
            needs("SLA-001", "sla.purchasable", "sla: {offered: false, purchasable: null}"),
            decided("SLA-001", "sla.purchasable", "sla: {purchasable: null}", NOT, NO_GAP),
            decided("SLA-001", "sla.purchasable", "sla: {offered: null, purchasable: null}", NOT, NO_GAP),
            needs("SLA-002", "sla.offered", "sla: {offered: null, purchasable: true}"),
            needs("SLA-002", "sla.purchasable", "sla: {offered: false, purchasable: null}"),
            decided("SLA-002", "sla.purchasable", "sla: {purchasable: null}", NOT, NO_GAP),
            decided("SLA-002", "sla.purchasable", "sla: {offered: null, purchasable: null}", NOT, NO_GAP),
            needs("SLA-003", "sla.offered", "sla: {offered: null, serviceCredits: false}"),
            decided("SLA-003", "sla.offered", "sla: {offered: null}", NOT, GAP),
            needs("SLA-003", "sla.serviceCredits", "sla: {serviceCredits: null}"),
            decided("SLA-003", "sla.serviceCredits", "sla: {offered: false, serviceCredits: null}", NOT, NO_GAP),
            decided("SLA-003", "sla.serviceCredits", "sla: {offered: null, serviceCredits: null}", NOT, NO_GAP),
            needs("SLA-004", "sla.offered", "sla: {offered: null, availabilityPercent: 99}"),
            decided("SLA-004", "sla.offered", "sla: {offered: null}", NOT, GAP),
            needs("SLA-004", "sla.availabilityPercent", "sla: {availabilityPercent: null}"),
            decided("SLA-004", "sla.availabilityPercent", "service: {criticality: low}, sla: {availabilityPercent: null}", NOT, NO_GAP),
            decided("SLA-004", "sla.availabilityPercent", "sla: {offered: false, availabilityPercent: null}", NOT, NO_GAP),
            decided("SLA-004", "sla.availabilityPercent", "sla: {offered: null, availabilityPercent: null}", NOT, NO_GAP),
            needs("SLA-004", TIER, "service: {criticality: null, maxTolerableDowntimeHours: null}, sla: {availabilityPercent: 99.5}"),
            decided("SLA-004", TIER, "service: {criticality: null}, sla: {availabilityPercent: 99.5}", FIRES, NO_GAP),
            needs("SLA-005", "sla.offered", "sla: {offered: null, responseTimeHours: 10}"),
            decided("SLA-005", "sla.offered", "sla: {offered: null}", NOT, GAP),
            needs("SLA-005", "sla.responseTimeHours", "sla: {responseTimeHours: null}"),
            decided("SLA-005", "sla.responseTimeHours", "sla: {offered: false, responseTimeHours: null}", NOT, NO_GAP),
            decided("SLA-005", "sla.responseTimeHours", "sla: {offered: null, responseTimeHours: null}", NOT, NO_GAP),
            needs("SLA-005", MTD, "service: {maxTolerableDowntimeHours: null}, sla: {responseTimeHours: 10}, support: {responseTimeHours: 0}, incidents: []"),
            decided("SLA-005", MTD, "service: {maxTolerableDowntimeHours: null}, sla: {offered: false, purchasable: true, responseTimeHours: 10}, support: {responseTimeHours: 0}, incidents: []", NOT, NO_GAP),
            decided("SLA-005", MTD, "service: {maxTolerableDowntimeHours: null}, " + NO_MTD_ELSEWHERE + ", incidents: []", NOT, NO_GAP),

            needs("CORP-001", "company.formerParent", "company: {formerParent: null}"),
            needs("CORP-001", "company.formerParent.separatedOn", "company: {formerParent: {name: Parent a.s., providedSupport: false}}"),
            decided("CORP-001", "company.formerParent.separatedOn", "company: {formerParent: none}", NOT, NO_GAP),
            decided("CORP-001", "company.formerParent.separatedOn", "company: {formerParent: null}", NOT, NO_GAP),
            needs("CORP-002", "company.formerParent", "company: {formerParent: null}"),
            needs("CORP-002", "company.formerParent.providedSupport", "company: {formerParent: {name: Parent a.s., separatedOn: 2010-01-01}}"),
            decided("CORP-002", "company.formerParent.providedSupport", "company: {formerParent: none}", NOT, NO_GAP),
            decided("CORP-002", "company.formerParent.providedSupport", "company: {formerParent: null}", NOT, NO_GAP),
            needs("CORP-003", "company.foundedYear", "company: {foundedYear: null}"),
            needs("CORP-004", "company.ownershipChangedOn", "company: {ownershipChangedOn: null}"),
            needs("CORP-005", "company.financialHealth", "company: {financialHealth: null}"),

            needs("CHG-001", "operations.maintenanceNoticeDays", "operations: {maintenanceNoticeDays: null}"),
            needs("CHG-002", "operations.notifiesBeforeHardwareMigration", "operations: {notifiesBeforeHardwareMigration: null}"),
            needs("CHG-003", "operations.workload.requiredCpuFeatures", "operations: {guaranteedCpuFeatures: [sse4_2], workload: {requiredCpuFeatures: null}}"),
            needs("CHG-003", "operations.guaranteedCpuFeatures", "operations: {guaranteedCpuFeatures: null}"),
            decided("CHG-003", "operations.guaranteedCpuFeatures", "operations: {guaranteedCpuFeatures: null, workload: {requiredCpuFeatures: []}}", NOT, NO_GAP),
            decided("CHG-003", "operations.guaranteedCpuFeatures", "operations: {guaranteedCpuFeatures: null, workload: {requiredCpuFeatures: null}}", NOT, NO_GAP),
            needs("CHG-004", "operations.workload.customBuilt", "operations: {workload: {customBuilt: null, reproducibleBuild: false}}"),
            decided("CHG-004", "operations.workload.customBuilt", "operations: {workload: {customBuilt: null}}", NOT, NO_GAP),
            needs("CHG-004", "operations.workload.reproducibleBuild", "operations: {workload: {reproducibleBuild: null}}"),
            decided("CHG-004", "operations.workload.reproducibleBuild", "operations: {workload: {customBuilt: false, reproducibleBuild: null}}", NOT, NO_GAP),
            decided("CHG-004", "operations.workload.reproducibleBuild", "operations: {workload: {customBuilt: null, reproducibleBuild: null}}", NOT, NO_GAP),
            needs("CHG-005", "operations.rollbackPlan", "operations: {rollbackPlan: null}"),

            needs("BCP-001", "continuity.backups", "continuity: {backups: null, backupsRestorableElsewhere: false}"),
            decided("BCP-001", "continuity.backups", "continuity: {backups: null}", NOT, GAP),
            needs("BCP-001", "continuity.backupsRestorableElsewhere", "continuity: {backupsRestorableElsewhere: null}"),
            decided("BCP-001", "continuity.backupsRestorableElsewhere", "continuity: {backups: false, backupsRestorableElsewhere: null}", NOT, NO_GAP),
            decided("BCP-001", "continuity.backupsRestorableElsewhere", "continuity: {backups: null, backupsRestorableElsewhere: null}", NOT, NO_GAP),
            needs("BCP-002", "continuity.backups", "continuity: {backups: null}"),
            needs("BCP-003", "continuity.lastRestoreTest", "continuity: {lastRestoreTest: null}"),
            needs("BCP-004", "continuity.fallbackPlan", "continuity: {fallbackPlan: null}"),
            decided("BCP-004", "continuity.fallbackPlan", "service: {criticality: medium}, continuity: {fallbackPlan: null}", NOT, NO_GAP),
            decided("BCP-004", "continuity.fallbackPlan", "service: {criticality: null, maxTolerableDowntimeHours: null}, continuity: {fallbackPlan: null}", NOT, NO_GAP),
            needs("BCP-004", TIER, "service: {criticality: null, maxTolerableDowntimeHours: null}, continuity: {fallbackPlan: false}"),
            decided("BCP-004", TIER, "service: {criticality: null}, continuity: {fallbackPlan: false}", FIRES, NO_GAP),
            needs("BCP-005", "continuity.exitPlan", "continuity: {exitPlan: null}"),
            needs("BCP-006", "continuity.dataExport", "continuity: {dataExport: null}"),
            needs("BCP-007", "continuity.alternativeProviders", "continuity: {alternativeProviders: null}"),
            decided("BCP-007", "continuity.alternativeProviders", "service: {criticality: high}, continuity: {alternativeProviders: null}", NOT, NO_GAP),
            decided("BCP-007", "continuity.alternativeProviders", "service: {criticality: null, maxTolerableDowntimeHours: null}, continuity: {alternativeProviders: null}", NOT, NO_GAP),
            needs("BCP-007", TIER, "service: {criticality: null, maxTolerableDowntimeHours: null}, continuity: {alternativeProviders: 0}"),
            decided("BCP-007", TIER, "service: {criticality: null}, continuity: {alternativeProviders: 0}", FIRES, NO_GAP),

            needs("CON-001", "contract.liabilityForDamages", "contract: {liabilityForDamages: null}"),
            needs("CON-002", "contract.written", "contract: {written: null}"),
            needs("CON-003/none", "contract.incidentNotification", "contract: {incidentNotification: null}"),
            needs("CON-003/late", "contract.incidentNotification", "contract: {incidentNotification: null, incidentNotificationHours: 48}"),
            decided("CON-003/late", "contract.incidentNotification", "contract: {incidentNotification: null}", NOT, GAP),
            needs("CON-003/late", "contract.incidentNotificationHours", "contract: {incidentNotificationHours: null}"),
            decided("CON-003/late", "contract.incidentNotificationHours", "contract: {incidentNotification: false, incidentNotificationHours: null}", NOT, NO_GAP),
            decided("CON-003/late", "contract.incidentNotificationHours", "contract: {incidentNotification: null, incidentNotificationHours: null}", NOT, NO_GAP),
            needs("CON-004", "contract.rightToAudit", "contract: {rightToAudit: null}"),
            decided("CON-004", "contract.rightToAudit", "service: {criticality: medium}, contract: {rightToAudit: null}", NOT, NO_GAP),
            decided("CON-004", "contract.rightToAudit", "service: {criticality: null, maxTolerableDowntimeHours: null}, contract: {rightToAudit: null}", NOT, NO_GAP),
            needs("CON-004", TIER, "service: {criticality: null, maxTolerableDowntimeHours: null}, contract: {rightToAudit: false}"),
            decided("CON-004", TIER, "service: {criticality: null}, contract: {rightToAudit: false}", FIRES, NO_GAP),
            needs("CON-005", "service.handlesPersonalData", "service: {handlesPersonalData: null}, contract: {confidentiality: false}"),
            decided("CON-005", "service.handlesPersonalData", "service: {handlesPersonalData: null}", NOT, NO_GAP),
            decided("CON-005", "service.handlesPersonalData", "service: {handlesPersonalData: null}, contract: {dataProcessingAgreement: false}", NOT, GAP),
            needs("CON-005", "contract.confidentiality", "contract: {confidentiality: null}"),
            decided("CON-005", "contract.confidentiality", "service: {handlesPersonalData: false}, contract: {confidentiality: null}", NOT, NO_GAP),
            decided("CON-005", "contract.confidentiality", "service: {handlesPersonalData: null}, contract: {confidentiality: null}", NOT, NO_GAP),
            needs("CON-006", "contract.terminationNoticeDays", "contract: {terminationNoticeDays: null}"),
            decided("CON-006", "contract.terminationNoticeDays", "contract: {terminationNoticeDays: null}, continuity: {replacementTimeDays: 0}", NOT, NO_GAP),
            needs("CON-006", "continuity.replacementTimeDays", "continuity: {replacementTimeDays: null}"),

            needs("SEC-001", "security.certifications", "security: {certifications: null}"),
            decided("SEC-001", "security.certifications", "service: {criticality: medium}, security: {certifications: null}", NOT, NO_GAP),
            decided("SEC-001", "security.certifications", "service: {criticality: null, maxTolerableDowntimeHours: null}, security: {certifications: null}", NOT, NO_GAP),
            needs("SEC-001", TIER, "service: {criticality: null, maxTolerableDowntimeHours: null}, security: {certifications: []}"),
            decided("SEC-001", TIER, "service: {criticality: null}, security: {certifications: []}", FIRES, NO_GAP),
            needs("SEC-002", "security.subcontractorsDisclosed", "security: {subcontractorsDisclosed: null}"),
            needs("SEC-003", "service.handlesPersonalData", "service: {handlesPersonalData: null}, contract: {dataProcessingAgreement: false}"),
            decided("SEC-003", "service.handlesPersonalData", "service: {handlesPersonalData: null}", NOT, NO_GAP),
            decided("SEC-003", "service.handlesPersonalData", "service: {handlesPersonalData: null}, contract: {confidentiality: false}", NOT, GAP),
            needs("SEC-003", "contract.dataProcessingAgreement", "contract: {dataProcessingAgreement: null}"),
            decided("SEC-003", "contract.dataProcessingAgreement", "service: {handlesPersonalData: false}, contract: {dataProcessingAgreement: null}", NOT, NO_GAP),
            decided("SEC-003", "contract.dataProcessingAgreement", "service: {handlesPersonalData: null}, contract: {dataProcessingAgreement: null}", NOT, NO_GAP),

            decided("REVIEW-001", "assessment.assessedOn", "assessment: {assessedOn: null}", NOT, NO_GAP),
            needs("HIST-001", "incidents", "incidents: null"),
            needs("HIST-001", "incidents[0].date", "incidents: [{date: null, durationHours: 30, causedByProvider: true, notifiedProactively: true}]"),
            decided("HIST-001", "incidents[0].date", "incidents: [{date: null, durationHours: 30, causedByProvider: false, notifiedProactively: true}]", NOT, NO_GAP),
            decided("HIST-001", "incidents[0].date", "incidents: [{date: null, durationHours: 2, causedByProvider: true, notifiedProactively: true}]", NOT, NO_GAP),
            decided("HIST-001", "incidents[1].date", "incidents: [" + INCIDENT + ", {date: null, durationHours: 30, causedByProvider: true, notifiedProactively: true}]", FIRES, GAP),
            needs("HIST-001", "incidents[0].causedByProvider", "incidents: [{date: 2018-01-10, durationHours: 30, causedByProvider: null, notifiedProactively: true}]"),
            decided("HIST-001", "incidents[0].causedByProvider", "incidents: [{date: 2016-01-10, durationHours: 30, causedByProvider: null, notifiedProactively: true}]", NOT, NO_GAP),
            decided("HIST-001", "incidents[0].causedByProvider", "incidents: [{date: null, durationHours: 30, causedByProvider: null, notifiedProactively: true}]", NOT, NO_GAP),
            needs("HIST-001", "incidents[0].durationHours", "incidents: [{date: 2018-01-10, durationHours: null, causedByProvider: true, notifiedProactively: true}]"),
            decided("HIST-001", "incidents[0].durationHours", "incidents: [{date: 2018-01-10, durationHours: null, causedByProvider: false, notifiedProactively: true}]", NOT, NO_GAP),
            decided("HIST-001", "incidents[0].durationHours", "incidents: [{date: 2016-06-01, durationHours: null, causedByProvider: true, notifiedProactively: true}]", NOT, NO_GAP),
            decided("HIST-001", "incidents[0].durationHours", "incidents: [{date: null, durationHours: null, causedByProvider: true, notifiedProactively: true}]", NOT, NO_GAP),
            decided("HIST-001", "incidents[1].durationHours", "incidents: [" + INCIDENT + ", {date: 2018-01-12, durationHours: null, causedByProvider: true, notifiedProactively: true}]", FIRES, NO_GAP),
            needs("HIST-001", MTD, "service: {maxTolerableDowntimeHours: null}, " + NO_MTD_ELSEWHERE + ", incidents: [" + INCIDENT + "]"),
            decided("HIST-001", MTD, "service: {maxTolerableDowntimeHours: null}, " + NO_MTD_ELSEWHERE
                    + ", incidents: [{date: 2018-01-10, durationHours: 30, causedByProvider: false, notifiedProactively: true}]", NOT, NO_GAP),
            decided("HIST-001", MTD, "service: {maxTolerableDowntimeHours: null}, " + NO_MTD_ELSEWHERE
                    + ", incidents: [{date: 2016-01-10, durationHours: 30, causedByProvider: true, notifiedProactively: true}]", NOT, NO_GAP),

            needs("HIST-002", "incidents", "incidents: null"),
            needs("HIST-002", "incidents[0].date", "incidents: [{date: null, durationHours: 1, causedByProvider: false, notifiedProactively: false}]"),
            decided("HIST-002", "incidents[0].date", "incidents: [{date: null, durationHours: 1, causedByProvider: false, notifiedProactively: true}]", NOT, NO_GAP),
            needs("HIST-002", "incidents[0].notifiedProactively", "incidents: [{date: 2017-06-10, durationHours: 1, causedByProvider: true, notifiedProactively: null}]"),
            decided("HIST-002", "incidents[0].notifiedProactively", "incidents: [{date: 2015-01-10, durationHours: 1, causedByProvider: true, notifiedProactively: null}]", NOT, NO_GAP),
            decided("HIST-002", "incidents[0].notifiedProactively", "incidents: [{date: null, durationHours: 1, causedByProvider: false, notifiedProactively: null}]", NOT, NO_GAP),
            decided("HIST-002", "incidents[1].notifiedProactively", "incidents: [{date: 2017-06-10, durationHours: 1, causedByProvider: false, notifiedProactively: false},"
                    + " {date: 2017-07-10, durationHours: 1, causedByProvider: false, notifiedProactively: null}]", FIRES, NO_GAP),

            needs("HIST-003", "incidents", "incidents: null"),
            needs("HIST-003", "incidents[1].date", "incidents: [" + SMALL + ", {date: null, durationHours: 1, causedByProvider: true, notifiedProactively: true}]"),
            decided("HIST-003", "incidents[1].date", "incidents: [" + SMALL + ", {date: null, durationHours: 1, causedByProvider: false, notifiedProactively: true}]", NOT, NO_GAP),
            decided("HIST-003", "incidents[2].date", "incidents: [" + SMALL + ", {date: 2018-01-11, durationHours: 1, causedByProvider: true, notifiedProactively: true},"
                    + " {date: null, durationHours: 1, causedByProvider: true, notifiedProactively: true}]", FIRES, NO_GAP),
            needs("HIST-003", "incidents[1].causedByProvider", "incidents: [" + SMALL + ", {date: 2018-01-11, durationHours: 1, causedByProvider: null, notifiedProactively: true}]"),
            decided("HIST-003", "incidents[1].causedByProvider", "incidents: [" + SMALL + ", {date: 2016-01-11, durationHours: 1, causedByProvider: null, notifiedProactively: true}]", NOT, NO_GAP),
            decided("HIST-003", "incidents[1].causedByProvider", "incidents: [" + SMALL + ", {date: null, durationHours: 1, causedByProvider: null, notifiedProactively: true}]", NOT, NO_GAP),
            decided("HIST-003", "incidents[0].causedByProvider", "incidents: [{date: 2018-01-11, durationHours: 1, causedByProvider: null, notifiedProactively: true}]", NOT, NO_GAP),

            needs("COST-001", "service.usersAffected", "service: {usersAffected: null, monthlyFee: 1}"),
            decided("COST-001", "service.usersAffected", "service: {usersAffected: null, hourlyCostPerUser: 0, monthlyFee: 1}", NOT, NO_GAP),
            needs("COST-001", "service.hourlyCostPerUser", "service: {hourlyCostPerUser: null, monthlyFee: 1}"),
            decided("COST-001", "service.hourlyCostPerUser", "service: {usersAffected: 0, hourlyCostPerUser: null, monthlyFee: 1}", NOT, NO_GAP),
            needs("COST-001", "support.responseTimeHours", "service: {monthlyFee: 1}, sla: {offered: false, purchasable: true}, support: {responseTimeHours: null}"),
            decided("COST-001", "support.responseTimeHours", "service: {hourlyCostPerUser: 0, monthlyFee: 1}, sla: {offered: false, purchasable: true}, support: {responseTimeHours: null}", NOT, GAP),
            needs("COST-001", "sla.responseTimeHours", "service: {monthlyFee: 1}, sla: {responseTimeHours: null}"),
            decided("COST-001", "sla.responseTimeHours", "service: {monthlyFee: 1}, sla: {offered: false, purchasable: true, responseTimeHours: null}", FIRES, NO_GAP),
            decided("COST-001", "sla.responseTimeHours", "service: {hourlyCostPerUser: 0, monthlyFee: 1}, sla: {responseTimeHours: null}", NOT, GAP),
            needs("COST-001", "continuity.restoreTimeHours", "service: {monthlyFee: 1}, continuity: {restoreTimeHours: null}"),
            decided("COST-001", "continuity.restoreTimeHours", "service: {hourlyCostPerUser: 0, monthlyFee: 1}, continuity: {restoreTimeHours: null}", NOT, NO_GAP),
            needs("COST-001", "service.monthlyFee", "service: {monthlyFee: null}"),
            decided("COST-001", "service.revenueLossPerHour", "service: {revenueLossPerHour: null}", NOT, NO_GAP));

    /** A row of the notes' table: a rule, a fact, whether a needed case and a decided case are called for. */
    record Pair(String rule, String fact, boolean canBeNeeded, boolean canBeDecided) {
        String key() {
            return rule + " " + fact;
        }
    }

    private static final Pattern ROW = Pattern.compile("^\\| ([A-Z]+-\\d{3}(?:/[a-z-]+)?) \\| `([^`]+)` \\| ([^|]+) \\| ([^|]+) \\|$");

    private static VendorRiskAssessor assessor;
    private static Map<String, Pair> table;

    @BeforeAll
    static void compileRulesAndReadTheTable() throws IOException {
        assessor = VendorRiskAssessor.builder().rules(RULES).build();
        table = new LinkedHashMap<>();
        for (String line : Files.readAllLines(NOTES)) {
            Matcher m = ROW.matcher(line.strip());
            if (m.matches()) {
                Pair pair = new Pair(m.group(1), m.group(2), !m.group(3).strip().startsWith("never"),
                        !m.group(4).strip().equals("—"));
                table.put(pair.key(), pair);
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> everyCase(@TempDir Path dir) throws IOException {
        StringBuilder yaml = new StringBuilder("baseline: ")
                .append(RULES.resolve("tests/baseline.yaml").toAbsolutePath().normalize()).append("\ncases:\n");
        for (Case c : CASES) {
            String name = c.rule() + (c.needed() ? " needs " : " is decided without ") + c.fact() + " given " + c.given();
            yaml.append("  - name: '").append(name.replace("'", "''")).append("'\n")
                    .append("    given: {").append(c.given()).append("}\n")
                    .append("    expect:\n")
                    .append("      ").append(c.fires() ? "fires" : "doesNotFire").append(": [").append(c.rule()).append("]\n")
                    .append("      ").append(c.gap() ? "gaps" : "noGaps").append(": ['").append(c.fact()).append("']\n");
        }
        Path file = dir.resolve("needed-facts.yaml");
        Files.writeString(file, yaml);
        RuleTestSuite suite = RuleTests.load(file, assessor.rules());
        assertThat(suite.cases()).hasSize(CASES.size());
        return suite.cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            CaseResult result = RuleTests.run(assessor, c);
            if (!result.passed()) {
                fail(result.describe());
            }
        }));
    }

    @Test
    void everyPairOfTheTableHasTheCasesItCallsFor() {
        assertThat(table).as("rows of the table in " + NOTES).hasSizeGreaterThan(50);
        Set<String> needed = new LinkedHashSet<>();
        Set<String> decided = new LinkedHashSet<>();
        for (Case c : CASES) {
            (c.needed() ? needed : decided).add(c.pair());
        }
        List<String> missing = new ArrayList<>();
        for (Pair p : table.values()) {
            if (p.canBeNeeded() && !needed.contains(p.key())) {
                missing.add(p.key() + ": no case where it is unknown and needed");
            }
            if (p.canBeDecided() && !decided.contains(p.key())) {
                missing.add(p.key() + ": no case where it is unknown and the rule is decided without it");
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyCaseIsAPairOfTheTable() {
        List<String> unknown = CASES.stream().map(Case::pair).distinct().filter(k -> !table.containsKey(k)).toList();
        assertThat(unknown).as("cases whose rule/fact pair the notes' table lacks").isEmpty();
    }

    @Test
    void everyRuleOfTheCatalogueIsInTheTable() {
        Set<String> rules = new LinkedHashSet<>();
        table.values().forEach(p -> rules.add(p.rule().replaceAll("/.*", "")));
        List<String> missing = assessor.rules().rules().stream()
                .filter(m -> !PortfolioSession.AREA.equals(m.area()) && !RuleTests.GAP_RULE.equals(m.id()))
                .map(RuleMeta::id).distinct().filter(id -> !rules.contains(id)).toList();
        assertThat(missing).isEmpty();
    }
}
