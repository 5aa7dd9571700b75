package dev.vendorrisk.assessor.report;

import dev.vendorrisk.assessor.Assessment;
import dev.vendorrisk.assessor.Diagnostic;
import dev.vendorrisk.assessor.Finding;
import dev.vendorrisk.assessor.Recommendation;
import dev.vendorrisk.assessor.portfolio.PortfolioFinding;
import dev.vendorrisk.assessor.portfolio.PortfolioResult;
import dev.vendorrisk.assessor.rules.Evidence;
import dev.vendorrisk.assessor.rules.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML ({@code -o junit}) for CI servers that show test results: {@code testsuites > testsuite >
 * testcase > failure|error}, as Jenkins, GitLab and Surefire read it (validated against Jenkins'
 * {@code junit-4.xsd}).
 *
 * <p>Each file is one {@code testsuite} (name = file) holding one {@code testcase} (classname = vendor
 * id, name = file). Every active finding at or above the threshold severity is a {@code <failure>}
 * (type = severity, message = {@code "ID title"}, text = evidence and recommendation); findings below
 * it and waived ones are listed in the test case's {@code system-out}. An invalid file is a test case
 * (classname = file name without extension) with one {@code <error>} per diagnostic.
 *
 * <p>After a batch run, the portfolio is one more suite, {@code <testsuite name="portfolio">}, after the
 * files' suites, holding one test case (classname and name {@code portfolio}, so CI history tracks it run
 * after run): every portfolio finding at or above the threshold is a {@code <failure>} (type = severity,
 * message = {@code "ID title"}, text = the finding's message, evidence and what to do); the count of
 * services, findings below the threshold, the notes and the waivers file's warnings are in its
 * {@code system-out}. It passes when no portfolio finding reaches the threshold. A report of single
 * files, without a portfolio, has no such suite.
 *
 * <p>Streaming: because every file is its own suite, a suite's counts ({@code tests="1"},
 * {@code failures} and {@code errors} = failed or errored test cases, 0 or 1) are known when its file
 * arrives, so each suite is written at once and nothing is buffered. The enclosing
 * {@code testsuites} element carries no totals (they are optional; readers add up the suites); the
 * run's summary follows as an XML comment. No timestamps, times or host names, so the output is
 * byte-identical for the same input.
 */
public final class JunitReport implements Report {
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();

    /** Name and classname of the portfolio's suite and test case. */
    public static final String PORTFOLIO = "portfolio";

    private final Severity threshold;
    private XMLStreamWriter xml;

    /** @param threshold the lowest severity that fails a vendor's test case; null means HIGH */
    public JunitReport(Severity threshold) {
        this.threshold = threshold == null ? Severity.HIGH : threshold;
    }

    public JunitReport() {
        this(null);
    }

    @Override
    public void start(Writer out) throws IOException {
        try {
            xml = FACTORY.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "vra");
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write the JUnit report: " + e.getMessage(), e);
        }
    }

    @Override
    public void file(Writer out, FileResult result) throws IOException {
        try {
            if (result.ok()) {
                writeVendor(result.assessment());
            } else {
                writeInvalid(result);
            }
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write the JUnit report: " + e.getMessage(), e);
        }
    }

    @Override
    public void finish(Writer out, Summary summary) throws IOException {
        try {
            if (summary.portfolio() != null) {
                writePortfolio(summary.portfolio());
            }
            indent(1);
            xml.writeComment(" Summary: " + clean(summary.line()).replace("--", "- -") + " ");
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.writeCharacters("\n");
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write the JUnit report: " + e.getMessage(), e);
        }
    }

    private void writeVendor(Assessment a) throws XMLStreamException {
        List<Finding> failures = new ArrayList<>();
        StringBuilder other = new StringBuilder();
        other.append(String.format(Locale.ROOT, "rating %s, score %s/100, tier %s; failure threshold %s\n",
                a.rating(), Cells.number(a.score()), a.tier().wire(), threshold));
        for (Finding f : a.findings()) {
            if (f.waived()) {
                other.append("waived ").append(f.severity()).append(' ').append(f.id()).append(' ')
                        .append(f.title()).append(": ").append(f.waiver()).append('\n');
            } else if (f.severity().compareTo(threshold) >= 0) {
                failures.add(f);
            } else {
                other.append("below threshold ").append(f.severity()).append(' ').append(f.id()).append(' ')
                        .append(f.title()).append('\n');
            }
        }
        List<String> wayDown = Cells.wayDown(a.wayDown());
        if (!wayDown.isEmpty()) {
            other.append("way down from ").append(a.rating()).append(" (acting on the recommendations in ranked order):\n");
            wayDown.forEach(line -> other.append("  ").append(line).append('\n'));
        }
        startSuite(a.file(), failures.isEmpty() ? 0 : 1, 0);
        startCase(a.vendorId(), a.file());
        for (Finding f : failures) {
            writeFailure(f.id(), f.title(), f.severity().name(), failureText(a, f));
        }
        endCaseAndSuite(other);
    }

    private void writePortfolio(PortfolioResult p) throws XMLStreamException {
        List<PortfolioFinding> failures = new ArrayList<>();
        StringBuilder other = new StringBuilder();
        other.append(String.format(Locale.ROOT, "%d %s, %d portfolio %s; failure threshold %s\n", p.services(),
                p.services() == 1 ? "service" : "services", p.findings().size(),
                p.findings().size() == 1 ? "finding" : "findings", threshold));
        for (PortfolioFinding f : p.findings()) {
            if (f.severity().compareTo(threshold) >= 0) {
                failures.add(f);
            } else {
                other.append("below threshold ").append(f.severity()).append(' ').append(f.id()).append(' ')
                        .append(f.message()).append('\n');
            }
        }
        p.notes().forEach(note -> other.append("note: ").append(note).append('\n'));
        p.warnings().forEach(w -> other.append("warning: ").append(w.render()).append('\n'));
        startSuite(PORTFOLIO, failures.isEmpty() ? 0 : 1, 0);
        startCase(PORTFOLIO, PORTFOLIO);
        for (PortfolioFinding f : failures) {
            StringBuilder text = new StringBuilder(f.message()).append('\n');
            for (Evidence e : f.evidence()) {
                text.append("  ").append(e.path()).append(": ").append(e.text()).append('\n');
            }
            text.append("recommendation (").append(f.recommendation()).append("): ").append(f.recommendationText())
                    .append('\n');
            writeFailure(f.id(), f.title(), f.severity().name(), text.toString());
        }
        endCaseAndSuite(other);
    }

    /** A {@code <failure>} of the open test case. */
    private void writeFailure(String id, String title, String severity, String text) throws XMLStreamException {
        indent(3);
        xml.writeStartElement("failure");
        xml.writeAttribute("message", clean(id + " " + title));
        xml.writeAttribute("type", severity);
        xml.writeCharacters(clean(text));
        xml.writeEndElement();
    }

    /** The open test case's {@code <system-out>}, then the end of the case and its suite. */
    private void endCaseAndSuite(CharSequence out) throws XMLStreamException {
        indent(3);
        xml.writeStartElement("system-out");
        xml.writeCharacters(clean(out.toString()));
        xml.writeEndElement();
        endCaseAndSuite();
    }

    private void writeInvalid(FileResult result) throws XMLStreamException {
        startSuite(result.file(), 0, 1);
        startCase(stem(result.file()), result.file());
        for (Diagnostic d : result.errors()) {
            indent(3);
            xml.writeStartElement("error");
            xml.writeAttribute("message", clean(Cells.position(d)));
            xml.writeAttribute("type", "InvalidProfile");
            xml.writeCharacters(clean(d.render()));
            xml.writeEndElement();
        }
        endCaseAndSuite();
    }

    private void startSuite(String file, int failures, int errors) throws XMLStreamException {
        indent(1);
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", clean(file));
        xml.writeAttribute("tests", "1");
        xml.writeAttribute("failures", String.valueOf(failures));
        xml.writeAttribute("errors", String.valueOf(errors));
        xml.writeAttribute("skipped", "0");
    }

    private void startCase(String classname, String file) throws XMLStreamException {
        indent(2);
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", clean(classname));
        xml.writeAttribute("name", clean(file));
    }

    private void endCaseAndSuite() throws XMLStreamException {
        indent(2);
        xml.writeEndElement();
        indent(1);
        xml.writeEndElement();
    }

    private static String failureText(Assessment a, Finding f) {
        StringBuilder b = new StringBuilder();
        b.append(f.message()).append('\n');
        for (Evidence e : f.evidence()) {
            b.append("  ").append(a.file());
            if (e.line() > 0) {
                b.append(':').append(e.line());
            }
            b.append(": ").append(e.path()).append(": ").append(e.text()).append('\n');
        }
        Recommendation r = Cells.recommendation(a, f.recommendation());
        b.append("recommendation (").append(f.recommendation());
        if (r != null) {
            b.append("; ").append(Cells.impact(r));
        }
        b.append("): ").append(r == null ? f.recommendation() : r.text()).append('\n');
        return b.toString();
    }

    private void indent(int level) throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(level));
    }

    private static String stem(String file) {
        String name = file.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /**
     * Text XML 1.0 can carry: the writer escapes markup characters, but characters XML forbids
     * (most control characters, lone surrogates, U+FFFE/U+FFFF) cannot be escaped and become U+FFFD.
     */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok;
            if (Character.isHighSurrogate(c)) {
                ok = i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
                if (ok) {
                    if (b != null) {
                        b.append(c).append(text.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
            } else {
                ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            }
            if (!ok && b == null) {
                b = new StringBuilder(text.length());
                b.append(text, 0, i);
            }
            if (b != null) {
                b.append(ok ? c : '\uFFFD');
            }
        }
        return b == null ? text : b.toString();
    }
}
