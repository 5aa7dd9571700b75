package dev.vendorrisk.assessor.testing;

import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Writes rule-test results as JUnit XML (testsuites > testsuite per test file > testcase per case). */
public final class JUnitXml {
    private JUnitXml() {
    }

    /** Writes the report; test files become suites, cases become test cases with a failure when they failed. */
    public static void write(TestReport report, Writer out) throws XMLStreamException {
        Map<String, List<CaseResult>> byFile = new LinkedHashMap<>();
        for (CaseResult r : report.results()) {
            byFile.computeIfAbsent(r.file(), f -> new java.util.ArrayList<>()).add(r);
        }
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters("\n");
        xml.writeStartElement("testsuites");
        xml.writeAttribute("name", "vra rule tests");
        xml.writeAttribute("tests", String.valueOf(report.total()));
        xml.writeAttribute("failures", String.valueOf(report.failed()));
        xml.writeAttribute("errors", "0");
        for (var entry : byFile.entrySet()) {
            List<CaseResult> cases = entry.getValue();
            long failed = cases.stream().filter(c -> !c.passed()).count();
            xml.writeCharacters("\n  ");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", entry.getKey());
            xml.writeAttribute("tests", String.valueOf(cases.size()));
            xml.writeAttribute("failures", String.valueOf(failed));
            xml.writeAttribute("errors", "0");
            xml.writeAttribute("skipped", "0");
            for (CaseResult c : cases) {
                xml.writeCharacters("\n    ");
                xml.writeStartElement("testcase");
                xml.writeAttribute("classname", entry.getKey());
                xml.writeAttribute("name", c.name());
                if (!c.passed()) {
                    xml.writeStartElement("failure");
                    xml.writeAttribute("message", c.failures().isEmpty() ? "failed" : c.failures().get(0));
                    xml.writeCharacters(c.describe());
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            }
            xml.writeCharacters("\n  ");
            xml.writeEndElement();
        }
        xml.writeCharacters("\n");
        xml.writeEndElement();
        xml.writeCharacters("\n");
        xml.writeEndDocument();
        xml.flush();
    }
}
