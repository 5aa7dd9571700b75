package dev.vendorrisk.assessor.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vendorrisk.assessor.Assessment;
import dev.vendorrisk.assessor.Finding;
import dev.vendorrisk.assessor.portfolio.PortfolioResult;
import dev.vendorrisk.assessor.rules.Severity;
import java.io.StringReader;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

class JunitReportTest {
    private static Schema schema;

    @BeforeAll
    static void loadSchema() throws SAXException {
        schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(JunitReportTest.class.getResource("/schemas/junit-4.xsd"));
    }

    private static void validate(String xml) throws Exception {
        schema.newValidator().validate(new StreamSource(new StringReader(xml)));
    }

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    @Test
    void theSamplesGiveXmlTheJunitSchemaAccepts() throws Exception {
        validate(ReportFixtures.render(new JunitReport(), ReportFixtures.samples()));
        validate(ReportFixtures.render(new JunitReport(Severity.INFO), ReportFixtures.samples()));
    }

    @Test
    void theSchemaCheckCanFail() {
        assertThatThrownBy(() -> validate("<testsuites><testsuite name=\"x\"><testcase classname=\"c\"/></testsuite></testsuites>"))
                .isInstanceOf(SAXException.class);
    }

    @Test
    void eachSuiteCountsItsTestCaseAndFailuresFromTheThreshold() throws Exception {
        Document doc = parse(ReportFixtures.render(new JunitReport(), ReportFixtures.samples()));
        NodeList suites = doc.getElementsByTagName("testsuite");
        assertThat(suites.getLength()).isEqualTo(ReportFixtures.samples().size());
        for (int i = 0; i < suites.getLength(); i++) {
            Element suite = (Element) suites.item(i);
            NodeList cases = suite.getElementsByTagName("testcase");
            assertThat(suite.getAttribute("tests")).isEqualTo(String.valueOf(cases.getLength())).isEqualTo("1");
            int failures = suite.getElementsByTagName("failure").getLength();
            int errors = suite.getElementsByTagName("error").getLength();
            assertThat(suite.getAttribute("failures")).isEqualTo(failures > 0 ? "1" : "0");
            assertThat(suite.getAttribute("errors")).isEqualTo(errors > 0 ? "1" : "0");
        }

        Assessment pbx = ReportFixtures.assessment("pbx-incident.yaml");
        Element pbxCase = testcase(doc, "samples/pbx-incident.yaml");
        assertThat(pbxCase.getAttribute("classname")).isEqualTo(pbx.vendorId());
        long atLeastHigh = pbx.activeFindings().stream().filter(f -> f.severity().compareTo(Severity.HIGH) >= 0).count();
        assertThat(pbxCase.getElementsByTagName("failure").getLength()).isEqualTo((int) atLeastHigh);
        Element staff = (Element) pbxCase.getElementsByTagName("failure").item(0);
        Finding first = pbx.findings().get(0);
        assertThat(staff.getAttribute("message")).isEqualTo(first.id() + " " + first.title());
        assertThat(staff.getAttribute("type")).isEqualTo(first.severity().name());
        assertThat(staff.getTextContent()).contains("samples/pbx-incident.yaml:" + first.line())
                .contains("recommendation (" + first.recommendation() + "; "
                        + Cells.impact(pbx.recommendations().stream().filter(r -> r.key().equals(first.recommendation()))
                        .findFirst().orElseThrow()) + "): ");
        assertThat(pbxCase.getElementsByTagName("system-out").item(0).getTextContent())
                .contains("way down from CRITICAL (acting on the recommendations in ranked order):\n  act on ");

        Element msp = testcase(doc, "samples/well-run-msp.yaml");
        assertThat(msp.getElementsByTagName("failure").getLength()).isZero();
    }

    @Test
    void aLowerThresholdFailsMoreButNeverAWaivedFinding() throws Exception {
        FileResult spinoff = ReportFixtures.sample("fresh-spinoff.yaml");
        Element atHigh = testcase(parse(ReportFixtures.render(new JunitReport(), spinoff)), spinoff.file());
        Element atInfo = testcase(parse(ReportFixtures.render(new JunitReport(Severity.INFO), spinoff)), spinoff.file());
        assertThat(atInfo.getElementsByTagName("failure").getLength())
                .isEqualTo(spinoff.assessment().activeFindings().size())
                .isGreaterThan(atHigh.getElementsByTagName("failure").getLength());
        NodeList failures = atInfo.getElementsByTagName("failure");
        for (int i = 0; i < failures.getLength(); i++) {
            assertThat(((Element) failures.item(i)).getAttribute("message")).doesNotStartWith("SEC-002");
        }
        assertThat(atInfo.getElementsByTagName("system-out").item(0).getTextContent())
                .contains("waived MEDIUM SEC-002");
        assertThat(ReportFormats.create("junit", new ReportOptions(null, false, Severity.INFO, null)))
                .usingRecursiveComparison().isEqualTo(new JunitReport(Severity.INFO));
    }

    @Test
    void anInvalidFileIsATestCaseWithAnErrorPerDiagnostic() throws Exception {
        FileResult invalid = ReportFixtures.invalidExample();
        Document doc = parse(ReportFixtures.render(new JunitReport(), invalid));
        Element testcase = testcase(doc, invalid.file());
        assertThat(testcase.getAttribute("classname")).isEqualTo("typos-and-types");
        NodeList errors = testcase.getElementsByTagName("error");
        assertThat(errors.getLength()).isEqualTo(invalid.errors().size());
        assertThat(((Element) errors.item(0)).getAttribute("message"))
                .isEqualTo(invalid.errors().get(0).line() + ":" + invalid.errors().get(0).column() + ": "
                        + invalid.errors().get(0).message());
        assertThat(((Element) doc.getElementsByTagName("testsuite").item(0)).getAttribute("errors")).isEqualTo("1");
    }

    @Test
    void hostileTextIsEscapedAndStillValid() throws Exception {
        FileResult hostile = ReportFixtures.hostile();
        String xml = ReportFixtures.render(new JunitReport(Severity.INFO), List.of(hostile));
        validate(xml);
        assertThat(xml).doesNotContain("<script>").doesNotContain("\u0001");
        Element testcase = testcase(parse(xml), hostile.file());
        assertThat(testcase.getAttribute("classname")).isEqualTo("evil|id");
        assertThat(testcase.getElementsByTagName("failure").item(0).getTextContent())
                .contains("<script>&amp;</script> ]]>").contains("next\uFFFDline é");
    }

    @Test
    void thePortfolioIsOneMoreSuiteWithAFailurePerFindingAtTheThreshold() throws Exception {
        ReportFixtures.Batch batch = ReportFixtures.portfolioBatch();
        String xml = ReportFixtures.render(new JunitReport(), batch);
        validate(xml);
        Document doc = parse(xml);
        NodeList suites = doc.getElementsByTagName("testsuite");
        assertThat(suites.getLength()).isEqualTo(batch.results().size() + 1);
        Element suite = (Element) suites.item(suites.getLength() - 1);
        assertThat(suite.getAttribute("name")).isEqualTo("portfolio");
        assertThat(suite.getAttribute("tests")).isEqualTo("1");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("errors")).isEqualTo("0");

        Element portfolio = testcase(doc, "portfolio");
        assertThat(portfolio.getAttribute("classname")).isEqualTo("portfolio");
        NodeList failures = portfolio.getElementsByTagName("failure");
        List<String> messages = new java.util.ArrayList<>();
        for (int i = 0; i < failures.getLength(); i++) {
            messages.add(((Element) failures.item(i)).getAttribute("message"));
        }
        assertThat(messages).hasSize(3).allMatch(m -> m.startsWith("PORT-001 ") || m.startsWith("PORT-003 "));
        Element port001 = (Element) failures.item(0);
        assertThat(port001.getAttribute("type")).isEqualTo("HIGH");
        assertThat(port001.getTextContent()).contains("services: [generated/pbx-backup-line.yaml, samples/pbx-incident.yaml]")
                .contains("recommendation (concentration): Reduce the concentration");
        assertThat(portfolio.getElementsByTagName("system-out").item(0).getTextContent())
                .startsWith("7 services, 5 portfolio findings; failure threshold HIGH\n")
                .contains("below threshold MEDIUM PORT-002 ")
                .contains("note: the outage exposure of 1 of 7 services is unknown")
                .contains("warning: waivers.yaml:1:3: waiver for SEC-003");

        String atInfo = ReportFixtures.render(new JunitReport(Severity.INFO), batch);
        validate(atInfo);
        assertThat(testcase(parse(atInfo), "portfolio").getElementsByTagName("failure").getLength())
                .isEqualTo(batch.portfolio().findings().size());
    }

    @Test
    void aPortfolioWithoutFindingsIsAPassingSuite() throws Exception {
        String xml = ReportFixtures.render(new JunitReport(), List.of(ReportFixtures.sample("well-run-msp.yaml")),
                new PortfolioResult(1, List.of(), List.of(), List.of()));
        validate(xml);
        Document doc = parse(xml);
        Element suite = (Element) doc.getElementsByTagName("testsuite").item(1);
        assertThat(suite.getAttribute("name")).isEqualTo("portfolio");
        assertThat(suite.getAttribute("failures")).isEqualTo("0");
        assertThat(testcase(doc, "portfolio").getElementsByTagName("failure").getLength()).isZero();
    }

    private static Element testcase(Document doc, String name) {
        NodeList cases = doc.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element e = (Element) cases.item(i);
            if (e.getAttribute("name").equals(name)) {
                return e;
            }
        }
        throw new AssertionError("no testcase named " + name);
    }
}
