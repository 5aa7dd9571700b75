package dev.vendorrisk.assessor.report;

import dev.vendorrisk.assessor.AreaScore;
import dev.vendorrisk.assessor.Assessment;
import dev.vendorrisk.assessor.Diagnostic;
import dev.vendorrisk.assessor.Finding;
import dev.vendorrisk.assessor.Rating;
import dev.vendorrisk.assessor.Recommendation;
import dev.vendorrisk.assessor.portfolio.PortfolioFinding;
import dev.vendorrisk.assessor.portfolio.PortfolioResult;
import dev.vendorrisk.assessor.rules.Evidence;
import dev.vendorrisk.assessor.rules.Severity;
import dev.vendorrisk.assessor.scoring.Exposure;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A page people open, look at, print and forward ({@code -o html}): one self-contained HTML file with
 * its style sheet and a small sorting/filtering script inline, no network access at all (a strict
 * Content-Security-Policy allows only that style sheet and that script, by hash), complete and
 * readable with scripts off, and the same bytes for the same input.
 *
 * <p>With two or more services the page opens with a portfolio overview: ratings at a glance, a risk
 * map (score against outage exposure per incident, one chart per currency), every service in one
 * sortable table whose area columns form the heat map of area subscores, completeness, the most
 * frequent findings, the recommendations that remove the most risk across the portfolio, the
 * portfolio rules' findings and the invalid files with their diagnostics. Every chart is inline SVG
 * with its numbers in a table. Then one section per service: rating and score, tier, completeness,
 * the outage exposure with its arithmetic, area subscores, findings with evidence and profile lines,
 * waived findings with justification, owner and expiry, the information gaps as a checklist and the
 * ranked recommendations.
 *
 * <p>Streaming: nothing grows with the number of files but a few counters per rule, recommendation,
 * area and currency. Each service's overview row and its detail section are spooled to temporary
 * files and read back in {@link #finish}, where the overview (which needs the whole run) is written
 * first. Which services get a detail section is a {@link Detail} choice: by default the
 * {@value #DEFAULT_DETAIL_LIMIT} riskiest, so a portfolio of 10,000 services still gives a page a
 * browser opens in seconds; every service stays in the overview table.
 *
 * <p>The markup is written here, the style sheet and script are {@code HtmlReport.css} and
 * {@code HtmlReport.js} beside this class. Lines end with {@code \n}; user text is escaped, and line
 * breaks in it become character references, so no user value can start a line of the output.
 */
public final class HtmlReport implements Report {
    /** How many services get a detail section by default: the riskiest ones. */
    public static final int DEFAULT_DETAIL_LIMIT = 200;

    private static final String NL = "\n";
    private static final String CSS = resource("HtmlReport.css");
    private static final String JS = resource("HtmlReport.js");
    /** Nothing may load: only the inline style sheet and script, by hash. Served pages can send it as a header. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src '" + sha256(CSS)
            + "'; script-src '" + sha256(JS) + "'; img-src 'none'; base-uri 'none'; form-action 'none'";
    private static final Rating[] RATINGS_DOWN = {Rating.CRITICAL, Rating.HIGH, Rating.MEDIUM, Rating.LOW};
    private static final Severity[] SEVERITIES_DOWN = {Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM,
        Severity.LOW, Severity.INFO};
    private static final Pattern WAIVER = Pattern.compile("(?s)(.*) \\(owner (.*), until (\\d{4}-\\d{2}-\\d{2})\\)");
    private static final char FRAME = '\u0001';
    private static final int TOP_FINDINGS = 15;
    private static final int TOP_RECOMMENDATIONS = 10;
    /**
     * The services table is written as tables of this many rows with the same columns: a browser lays out a
     * full one only when it comes into view ({@code content-visibility: auto}), where one table of 10,000 rows
     * took tens of seconds to lay out.
     */
    static final int ROWS_PER_TABLE = 500;

    private final Detail detail;
    private Temp rows;
    private Temp details;
    private Temp invalid;
    private int services;
    private int invalidFiles;
    private final PriorityQueue<Ranked> riskiest = new PriorityQueue<>(
            Comparator.comparingDouble(Ranked::score).thenComparing(Ranked::index, Comparator.reverseOrder()));
    private final Map<String, FindingCount> findingCounts = new TreeMap<>();
    private final Map<String, RecommendationSum> recommendationSums = new TreeMap<>();
    private final Set<String> areas = new TreeSet<>();
    private final Map<String, CurrencyRange> currencies = new TreeMap<>();
    private int unknownExposure;
    private final int[] completeness = new int[10];
    private String firstVendor;

    /** Details for the {@value #DEFAULT_DETAIL_LIMIT} riskiest services. */
    public HtmlReport() {
        this(Detail.riskiest(DEFAULT_DETAIL_LIMIT));
    }

    /** @param detail which services get a detail section besides their overview row */
    public HtmlReport(Detail detail) {
        this.detail = java.util.Objects.requireNonNull(detail, "detail");
    }

    /**
     * Which services get a detail section. Every service is in the overview table either way.
     *
     * @param atLeast  only services rated this or higher; null: any rating
     * @param riskiest at most this many, the highest scores first (ties: the earlier file); 0 for no limit
     */
    public record Detail(Rating atLeast, int riskiest) {
        public Detail {
            if (riskiest < 0) {
                throw new IllegalArgumentException("riskiest must be 0 (no limit) or more, was " + riskiest);
            }
        }

        /** Every service. */
        public static Detail all() {
            return new Detail(null, 0);
        }

        /** Services rated {@code rating} or higher. */
        public static Detail atLeast(Rating rating) {
            return new Detail(java.util.Objects.requireNonNull(rating, "rating"), 0);
        }

        /** The {@code n} riskiest services. */
        public static Detail riskiest(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("riskiest needs 1 or more services, was " + n);
            }
            return new Detail(null, n);
        }

        /**
         * {@code all}, a rating ({@code LOW}..{@code CRITICAL}: that rating or higher) or a number N (the N riskiest).
         *
         * @throws IllegalArgumentException for anything else, saying what is accepted
         */
        public static Detail parse(String text) {
            String t = text == null ? "" : text.trim();
            if (t.equalsIgnoreCase("all")) {
                return all();
            }
            Rating r = t.isEmpty() ? null : Rating.parse(t);
            if (r != null) {
                return atLeast(r);
            }
            if (t.matches("[0-9]{1,9}") && Integer.parseInt(t) > 0) {
                return riskiest(Integer.parseInt(t));
            }
            throw new IllegalArgumentException("unknown detail level '" + text + "'; use all, LOW, MEDIUM, HIGH,"
                    + " CRITICAL (that rating or higher), or a number N (the N riskiest services)");
        }

        boolean admits(Rating rating) {
            return atLeast == null || rating.compareTo(atLeast) >= 0;
        }
    }

    private record Ranked(double score, int index) {
    }

    @Override
    public void start(Writer out) throws IOException {
        rows = new Temp();
        details = new Temp();
        invalid = new Temp();
    }

    @Override
    public void file(Writer out, FileResult result) throws IOException {
        if (!result.ok()) {
            invalidFiles++;
            writeInvalid(invalid.writer(), result);
            return;
        }
        Assessment a = result.assessment();
        int index = ++services;
        if (firstVendor == null) {
            firstVendor = vendorLabel(a);
        }
        count(a);
        rows.writer().write(Row.of(index, a).encode());
        rows.writer().write(NL);
        if (detail.admits(a.rating()) && keepAmongRiskiest(a.score(), index)) {
            details.writer().write(FRAME + Integer.toString(index) + NL);
            details.writer().write(vendorSection(index, a));
        }
    }

    /** In a riskiest-N report: whether this service is among the N riskiest so far (else its detail is never shown). */
    private boolean keepAmongRiskiest(double score, int index) {
        if (detail.riskiest() == 0) {
            return true;
        }
        Ranked r = new Ranked(score, index);
        if (riskiest.size() < detail.riskiest()) {
            riskiest.add(r);
            return true;
        }
        if (riskiest.comparator().compare(r, riskiest.peek()) > 0) {
            riskiest.poll();
            riskiest.add(r);
            return true;
        }
        return false;
    }

    private void count(Assessment a) {
        Set<String> seen = new HashSet<>();
        for (Finding f : a.findings()) {
            if (f.waived()) {
                continue;
            }
            FindingCount c = findingCounts.computeIfAbsent(f.id(), id -> new FindingCount(f.title(), f.severity()));
            c.occurrences++;
            if (seen.add(f.id())) {
                c.services++;
            }
        }
        for (Recommendation r : a.recommendations()) {
            RecommendationSum s = recommendationSums.computeIfAbsent(r.key(), k -> new RecommendationSum(r.text()));
            s.points += r.scoreReduction();
            s.services++;
        }
        for (AreaScore area : a.areas()) {
            areas.add(area.area());
        }
        Double perIncident = a.exposure().perIncident();
        if (perIncident == null) {
            unknownExposure++;
        } else {
            CurrencyRange c = currencies.computeIfAbsent(currency(a.exposure().currency()), k -> new CurrencyRange());
            c.services++;
            c.max = Math.max(c.max, perIncident);
        }
        completeness[Math.min(9, (int) Math.floor(a.completeness() * 10))]++;
    }

    @Override
    public void finish(Writer out, Summary summary) throws IOException {
        Set<Integer> kept = null;
        if (detail.riskiest() > 0) {
            kept = new HashSet<>();
            for (Ranked r : riskiest) {
                kept.add(r.index());
            }
        }
        try {
            writeHead(out);
            out.write("<header>" + NL + "<h1>Vendor risk report</h1>" + NL);
            out.write("<p class=\"summary\">" + esc(summary.line()) + "</p>" + NL);
            writeNav(out, summary);
            out.write("</header>" + NL + "<main>" + NL);
            if (services >= 2) {
                writeOverview(out, summary, kept);
            }
            if (Cells.hasContent(summary.portfolio())) {
                writePortfolio(out, summary.portfolio());
            }
            if (invalidFiles > 0) {
                out.write("<section id=\"invalid\" class=\"overview-part\">" + NL + "<h2>Invalid files</h2>" + NL);
                out.write("<p>" + invalidFiles + (invalidFiles == 1 ? " file" : " files")
                        + " could not be assessed. Fix them at the lines shown and run the assessment again.</p>" + NL);
                invalid.copyTo(out);
                out.write("</section>" + NL);
            }
            writeDetails(out, kept);
            out.write("</main>" + NL + "<footer>" + NL + "<p class=\"muted\">" + esc(summary.line()) + "</p>" + NL
                    + "</footer>" + NL);
            out.write(pageEnd());
        } finally {
            rows.delete();
            details.delete();
            invalid.delete();
        }
    }

    private void writeHead(Writer out) throws IOException {
        String title = services == 1 && invalidFiles == 0 ? "Vendor risk report: " + firstVendor
                : "Vendor risk report: " + services + (services == 1 ? " service" : " services");
        out.write(pageStart(title, "vra assess -o html"));
    }

    /**
     * The start of a page in this report's look, up to and including {@code <body>}: the same style sheet,
     * script and Content-Security-Policy, for other pages of the project (the comparison, the service's page).
     * End it with {@link #pageEnd()}.
     */
    public static String pageStart(String title, String generator) {
        return "<!DOCTYPE html>" + NL + "<html lang=\"en\">" + NL + "<head>" + NL + "<meta charset=\"utf-8\">" + NL
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"" + CONTENT_SECURITY_POLICY + "\">" + NL
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" + NL
                + "<meta name=\"generator\" content=\"" + esc(generator) + "\">" + NL
                + "<title>" + esc(title) + "</title>" + NL
                + "<style>" + CSS + "</style>" + NL + "</head>" + NL + "<body>" + NL;
    }

    /** The end of a page begun with {@link #pageStart}: the sorting and filtering script, then the closing tags. */
    public static String pageEnd() {
        return "<script>" + JS + "</script>" + NL + "</body>" + NL + "</html>" + NL;
    }

    /** {@code text} escaped for HTML content and attributes (see {@link #esc}). */
    public static String escape(String text) {
        return esc(text);
    }

    /** A rating or severity as a badge: the word, in a shade that keeps its order in greyscale. */
    public static String badgeOf(String level) {
        return badge(level);
    }

    /**
     * A horizontal bar chart in this report's look, inline SVG with one {@code rect.bar} per value; put its
     * numbers in a table next to it.
     */
    public static String barChart(String kind, String title, List<String> labels, List<Double> values,
                                  List<String> texts, double max) {
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            bars.add(new Bar(labels.get(i), values.get(i), texts.get(i), ""));
        }
        return barChart(kind, title, bars, max);
    }

    private void writeNav(Writer out, Summary summary) throws IOException {
        List<String[]> links = new ArrayList<>();
        if (services >= 2) {
            links.add(new String[] {"ratings", "Ratings at a glance"});
            links.add(new String[] {"risk-map", "Risk map: score against outage exposure"});
            links.add(new String[] {"services", "Services and the heat map of area subscores"});
            links.add(new String[] {"completeness", "Completeness"});
            links.add(new String[] {"frequent-findings", "Most frequent findings"});
            links.add(new String[] {"portfolio-recommendations", "Recommendations across the portfolio"});
        }
        if (Cells.hasContent(summary.portfolio())) {
            links.add(new String[] {"portfolio", "Portfolio findings"});
        }
        if (invalidFiles > 0) {
            links.add(new String[] {"invalid", "Invalid files"});
        }
        if (services > 0) {
            links.add(new String[] {"details", "Services in detail"});
        }
        if (links.size() < 2) {
            return;
        }
        out.write("<nav aria-label=\"Contents\">" + NL + "<ul>" + NL);
        for (String[] l : links) {
            out.write("<li><a href=\"#" + l[0] + "\">" + l[1] + "</a></li>" + NL);
        }
        out.write("</ul>" + NL + "</nav>" + NL);
    }

    // ---- the overview ----

    private void writeOverview(Writer out, Summary summary, Set<Integer> kept) throws IOException {
        out.write("<section id=\"overview\">" + NL + "<h2>Portfolio overview</h2>" + NL);
        writeRatings(out, summary);
        writeRiskMaps(out);
        writeServicesTable(out, kept);
        writeCompleteness(out);
        writeFrequentFindings(out);
        writePortfolioRecommendations(out);
        out.write("</section>" + NL);
    }

    private void writeRatings(Writer out, Summary summary) throws IOException {
        out.write("<section id=\"ratings\" class=\"overview-part\">" + NL + "<h3>Ratings at a glance</h3>" + NL);
        List<Bar> bars = new ArrayList<>();
        int max = 0;
        for (Rating r : RATINGS_DOWN) {
            int n = summary.ratings().get(r);
            max = Math.max(max, n);
            bars.add(new Bar(r.name(), n, Integer.toString(n), "r-" + lower(r.name())));
        }
        out.write(barChart("ratings", "Services by rating", bars, max));
        out.write("<table class=\"numbers\"><caption>Services by rating</caption>" + NL
                + "<thead><tr><th>Rating</th><th class=\"num\">Services</th><th class=\"num\">Share</th></tr></thead>"
                + NL + "<tbody>" + NL);
        for (Rating r : RATINGS_DOWN) {
            int n = summary.ratings().get(r);
            out.write("<tr><td>" + badge(r.name()) + "</td><td class=\"num\">" + n + "</td><td class=\"num\">"
                    + percent(services == 0 ? 0 : (double) n / services) + "</td></tr>" + NL);
        }
        out.write("</tbody>" + NL + "</table>" + NL + "</section>" + NL);
    }

    private void writeRiskMaps(Writer out) throws IOException {
        out.write("<section id=\"risk-map\" class=\"overview-part\">" + NL
                + "<h3>Risk map: score against outage exposure per incident</h3>" + NL);
        out.write("<p>One mark per service: up is riskier, right costs more when the service stops. The dashed lines"
                + " are the rating bands (20 MEDIUM, 45 HIGH, 70 CRITICAL); the shape and shade of a mark is its rating."
                + " Amounts are never mixed: one chart per currency.</p>" + NL);
        out.write("<p class=\"legend\">" + legendItem(Rating.CRITICAL, "diamond") + legendItem(Rating.HIGH, "triangle")
                + legendItem(Rating.MEDIUM, "square") + legendItem(Rating.LOW, "circle") + "</p>" + NL);
        if (unknownExposure > 0) {
            out.write("<p class=\"note\">" + unknownExposure + (unknownExposure == 1 ? " service has" : " services have")
                    + " no exposure figure because facts it needs are unknown; see each service's details. They are"
                    + " not on the maps.</p>" + NL);
        }
        for (Map.Entry<String, CurrencyRange> e : currencies.entrySet()) {
            writeRiskMap(out, e.getKey(), e.getValue());
        }
        out.write("</section>" + NL);
    }

    private static String legendItem(Rating r, String shape) {
        return "<span>" + badge(r.name()) + " " + shape + "</span>";
    }

    private void writeRiskMap(Writer out, String currency, CurrencyRange range) throws IOException {
        int width = 720;
        int height = 360;
        int left = 56;
        int right = 48;
        int top = 16;
        int bottom = 44;
        double plotW = width - left - right;
        double plotH = height - top - bottom;
        double xMax = niceMax(range.max);
        String id = "risk-map-" + slug(currency);
        out.write("<figure id=\"" + id + "\">" + NL + "<figcaption>Risk map, exposure in " + esc(currency) + " ("
                + range.services + (range.services == 1 ? " service" : " services") + ")</figcaption>" + NL);
        StringBuilder b = new StringBuilder();
        b.append("<svg class=\"chart risk-map\" data-currency=\"").append(esc(currency)).append("\" data-marks=\"")
                .append(range.services).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" role=\"img\" aria-label=\"Risk map in ").append(esc(currency))
                .append(": score against exposure per incident, ").append(range.services).append(" services\">")
                .append(NL);
        for (int band : new int[] {20, 45, 70}) {
            double y = top + plotH * (1 - band / 100.0);
            b.append("<line class=\"grid\" stroke-dasharray=\"4 3\" x1=\"").append(left).append("\" y1=\"").append(fmt(y))
                    .append("\" x2=\"").append(width - right).append("\" y2=\"").append(fmt(y)).append("\"/>").append(NL);
        }
        for (int t = 0; t <= 100; t += 20) {
            double y = top + plotH * (1 - t / 100.0);
            b.append("<text x=\"").append(left - 6).append("\" y=\"").append(fmt(y + 4))
                    .append("\" text-anchor=\"end\">").append(t).append("</text>").append(NL);
        }
        for (int i = 0; i <= 5; i++) {
            double v = xMax * i / 5;
            double x = left + plotW * i / 5;
            b.append("<text x=\"").append(fmt(x)).append("\" y=\"").append(height - bottom + 16)
                    .append("\" text-anchor=\"middle\">").append(esc(money(v))).append("</text>").append(NL);
        }
        b.append("<line class=\"axis\" x1=\"").append(left).append("\" y1=\"").append(top).append("\" x2=\"").append(left)
                .append("\" y2=\"").append(height - bottom).append("\"/>").append(NL);
        b.append("<line class=\"axis\" x1=\"").append(left).append("\" y1=\"").append(height - bottom).append("\" x2=\"")
                .append(width - right).append("\" y2=\"").append(height - bottom).append("\"/>").append(NL);
        b.append("<text x=\"").append(fmt(left + plotW / 2)).append("\" y=\"").append(height - 6)
                .append("\" text-anchor=\"middle\">Exposure per incident (").append(esc(currency)).append(")</text>")
                .append(NL);
        b.append("<text x=\"14\" y=\"").append(fmt(top + plotH / 2)).append("\" text-anchor=\"middle\" transform=\"rotate(-90 14 ")
                .append(fmt(top + plotH / 2)).append(")\">Risk score</text>").append(NL);
        out.write(b.toString());
        forEachRow(row -> {
            if (row.exposure() != null && currency(row.currency()).equals(currency)) {
                double x = left + plotW * row.exposure() / xMax;
                double y = top + plotH * (1 - row.score() / 100.0);
                out.write(mark(row.rating(), x, y) + "<title>" + esc(row.label()) + ": score " + Cells.number(row.score())
                        + ", " + esc(money(row.exposure())) + " " + esc(currency) + " per incident</title>"
                        + closeMark(row.rating()) + NL);
            }
        });
        out.write("</svg>" + NL);
        out.write("<p class=\"numbers\">The numbers of this chart: the Score and Exposure per incident columns of"
                + " <a href=\"#service-table\">the services table</a> (currency " + esc(currency) + ").</p>" + NL
                + "</figure>" + NL);
    }

    /** A mark's opening element, by rating: a shape that keeps its meaning without colour. */
    private static String mark(Rating r, double x, double y) {
        String cls = "mark r-" + lower(r.name());
        return switch (r) {
            case LOW -> "<circle class=\"" + cls + "\" cx=\"" + fmt(x) + "\" cy=\"" + fmt(y) + "\" r=\"4.5\">";
            case MEDIUM -> "<rect class=\"" + cls + "\" x=\"" + fmt(x - 4) + "\" y=\"" + fmt(y - 4)
                    + "\" width=\"8\" height=\"8\">";
            case HIGH -> "<path class=\"" + cls + "\" d=\"M" + fmt(x) + " " + fmt(y - 5.5) + "L" + fmt(x + 5) + " "
                    + fmt(y + 4) + "L" + fmt(x - 5) + " " + fmt(y + 4) + "Z\">";
            case CRITICAL -> "<path class=\"" + cls + "\" d=\"M" + fmt(x) + " " + fmt(y - 6) + "L" + fmt(x + 6) + " "
                    + fmt(y) + "L" + fmt(x) + " " + fmt(y + 6) + "L" + fmt(x - 6) + " " + fmt(y) + "Z\">";
        };
    }

    private static String closeMark(Rating r) {
        return switch (r) {
            case LOW -> "</circle>";
            case MEDIUM -> "</rect>";
            case HIGH, CRITICAL -> "</path>";
        };
    }

    private void writeServicesTable(Writer out, Set<Integer> kept) throws IOException {
        out.write("<section id=\"services\" class=\"overview-part\">" + NL
                + "<h3 id=\"heat-map\">Services and the heat map of area subscores</h3>" + NL);
        out.write("<p>Every service, in file order; with scripts on, sort by any column and filter the rows. The area"
                + " columns are the heat map: each cell is the area's subscore (0 to 100, same formula as the score),"
                + " darker is riskier, and the number is in the cell. An area without findings scores 0.</p>" + NL);
        if (services > ROWS_PER_TABLE) {
            out.write("<p class=\"note\">" + services + " services, written as tables of " + ROWS_PER_TABLE
                    + " rows with the same columns (a browser draws each when it comes into view); sorting and filtering"
                    + " act on all of them.</p>" + NL);
        }
        StringBuilder head = new StringBuilder();
        head.append("<colgroup><col class=\"c-index\"><col class=\"c-vendor\"><col class=\"c-service\">")
                .append("<col class=\"c-file\"><col class=\"c-tier\"><col class=\"c-rating\"><col class=\"c-num\">")
                .append("<col class=\"c-wide-num\"><col class=\"c-wide-num\"><col class=\"c-currency\">")
                .append("<col class=\"c-wide-num\">");
        if (!areas.isEmpty()) {
            head.append("<col class=\"c-area\" span=\"").append(areas.size()).append("\">");
        }
        head.append("</colgroup>").append(NL).append("<thead><tr><th class=\"num\">#</th><th>Vendor</th><th>Service</th>")
                .append("<th>File</th><th>Tier</th><th>Rating</th><th class=\"num\">Score</th>")
                .append("<th class=\"num\">Completeness</th><th class=\"num\">Exposure per incident</th><th>Currency</th>")
                .append("<th class=\"num\">Active findings</th>");
        for (String area : areas) {
            head.append("<th class=\"num area\">").append(esc(area)).append("</th>");
        }
        head.append("</tr></thead>").append(NL).append("<tbody>").append(NL);
        out.write("<div class=\"wide table-group\" id=\"service-table\" data-filter=\"Filter services (vendor, rating,"
                + " file...)\">" + NL);
        int[] written = {0};
        forEachRow(row -> {
            if (written[0] % ROWS_PER_TABLE == 0) {
                if (written[0] > 0) {
                    out.write("</tbody>" + NL + "</table>" + NL + "</div>" + NL);
                }
                boolean full = services - written[0] >= ROWS_PER_TABLE && services > ROWS_PER_TABLE;
                out.write("<div class=\"" + (full ? "part lazy" : "part") + "\">" + NL
                        + "<table class=\"sortable heat-map\">" + NL);
                out.write(head.toString());
            }
            written[0]++;
            boolean linked = detail.admits(row.rating()) && (kept == null || kept.contains(row.index()));
            StringBuilder b = new StringBuilder(512);
            b.append("<tr data-rating=\"").append(row.rating().name()).append("\">").append(numCell(row.index(),
                    Integer.toString(row.index())));
            b.append("<td>").append(linked ? "<a href=\"#v" + row.index() + "\">" + esc(row.vendor()) + "</a>"
                    : esc(row.vendor())).append("</td>");
            b.append("<td>").append(esc(row.service())).append("</td><td class=\"mono\">").append(esc(row.file()))
                    .append("</td><td>").append(esc(row.tier())).append("</td><td data-v=\"").append(row.rating().ordinal())
                    .append("\">").append(badge(row.rating().name())).append("</td>");
            b.append(numCell(row.score(), Cells.number(row.score())));
            b.append(numCell(row.completeness(), percent(row.completeness())));
            b.append(row.exposure() == null ? "<td class=\"num\" data-v=\"\">unknown</td>"
                    : numCell(row.exposure(), money(row.exposure())));
            b.append("<td>").append(esc(currency(row.currency()))).append("</td>");
            b.append(numCell(row.active(), Integer.toString(row.active())));
            for (String area : areas) {
                double s = row.areas().getOrDefault(area, 0.0);
                b.append("<td class=\"heat h").append(heat(s)).append("\">")
                        .append(Cells.number(s)).append("</td>");
            }
            out.write(b.append("</tr>").append(NL).toString());
        });
        out.write("</tbody>" + NL + "</table>" + NL + "</div>" + NL + "</div>" + NL + "</section>" + NL);
    }

    private void writeCompleteness(Writer out) throws IOException {
        out.write("<section id=\"completeness\" class=\"overview-part\">" + NL + "<h3>Completeness</h3>" + NL);
        out.write("<p>The share of the facts the rules read that each profile states (the services table has each"
                + " service's figure). Below 60 % an assessment gets a warning: unknowns hide risk.</p>" + NL);
        List<Bar> bars = new ArrayList<>();
        int max = 0;
        for (int i = 9; i >= 0; i--) {
            max = Math.max(max, completeness[i]);
            bars.add(new Bar(bucket(i), completeness[i], Integer.toString(completeness[i]), i < 6 ? "low-completeness" : ""));
        }
        out.write(barChart("completeness", "Services by completeness", bars, max));
        out.write("<table class=\"numbers\"><caption>Services by completeness</caption>" + NL
                + "<thead><tr><th>Completeness</th><th class=\"num\">Services</th></tr></thead>" + NL + "<tbody>" + NL);
        for (int i = 9; i >= 0; i--) {
            out.write("<tr><td>" + bucket(i) + "</td><td class=\"num\">" + completeness[i] + "</td></tr>" + NL);
        }
        out.write("</tbody>" + NL + "</table>" + NL + "</section>" + NL);
    }

    private static String bucket(int i) {
        return i == 9 ? "90–100 %" : (i * 10) + "–" + (i * 10 + 9) + " %";
    }

    private void writeFrequentFindings(Writer out) throws IOException {
        out.write("<section id=\"frequent-findings\" class=\"overview-part\">" + NL + "<h3>Most frequent findings</h3>"
                + NL);
        if (findingCounts.isEmpty()) {
            out.write("<p>No service has an active finding.</p>" + NL + "</section>" + NL);
            return;
        }
        List<Map.Entry<String, FindingCount>> sorted = new ArrayList<>(findingCounts.entrySet());
        sorted.sort(Comparator.comparing((Map.Entry<String, FindingCount> e) -> -e.getValue().services)
                .thenComparing(Map.Entry::getKey));
        List<Bar> bars = new ArrayList<>();
        for (Map.Entry<String, FindingCount> e : sorted.subList(0, Math.min(TOP_FINDINGS, sorted.size()))) {
            bars.add(new Bar(e.getKey(), e.getValue().services, Integer.toString(e.getValue().services),
                    "s-" + lower(e.getValue().severity.name())));
        }
        out.write(barChart("frequent-findings", "The " + bars.size() + " most frequent findings: services that have each",
                bars, sorted.get(0).getValue().services));
        out.write("<table class=\"numbers sortable\"><caption>Active findings across " + services
                + " services</caption>" + NL + "<thead><tr><th>ID</th><th>Title</th><th>Severity</th>"
                + "<th class=\"num\">Services</th><th class=\"num\">Share of services</th><th class=\"num\">Occurrences</th>"
                + "</tr></thead>" + NL + "<tbody>" + NL);
        for (Map.Entry<String, FindingCount> e : sorted) {
            FindingCount c = e.getValue();
            out.write("<tr><td>" + esc(e.getKey()) + "</td><td>" + esc(c.title) + "</td><td data-v=\""
                    + c.severity.ordinal() + "\">" + badge(c.severity.name()) + "</td>" + numCell(c.services,
                    Integer.toString(c.services)) + "<td class=\"num\">" + percent((double) c.services / services)
                    + "</td>" + numCell(c.occurrences, Integer.toString(c.occurrences)) + "</tr>" + NL);
        }
        out.write("</tbody>" + NL + "</table>" + NL + "</section>" + NL);
    }

    private void writePortfolioRecommendations(Writer out) throws IOException {
        out.write("<section id=\"portfolio-recommendations\" class=\"overview-part\">" + NL
                + "<h3>Recommendations that remove the most risk across the portfolio</h3>" + NL);
        if (recommendationSums.isEmpty()) {
            out.write("<p>Nothing to recommend: no service has an active finding.</p>" + NL + "</section>" + NL);
            return;
        }
        out.write("<p>For each recommendation, the score points it would remove, added up over the services it"
                + " applies to (each service's score would drop by its share if every finding the recommendation"
                + " resolves went away).</p>" + NL);
        List<Map.Entry<String, RecommendationSum>> sorted = new ArrayList<>(recommendationSums.entrySet());
        sorted.sort(Comparator.comparing((Map.Entry<String, RecommendationSum> e) -> -round1(e.getValue().points))
                .thenComparing(Map.Entry::getKey));
        List<Bar> bars = new ArrayList<>();
        for (Map.Entry<String, RecommendationSum> e : sorted.subList(0, Math.min(TOP_RECOMMENDATIONS, sorted.size()))) {
            bars.add(new Bar(e.getKey(), e.getValue().points, Cells.number(e.getValue().points), ""));
        }
        out.write(barChart("portfolio-recommendations", "Score points removed across the portfolio", bars,
                sorted.get(0).getValue().points));
        out.write("<table class=\"numbers sortable\"><caption>Recommendations across " + services + " services</caption>"
                + NL + "<thead><tr><th class=\"num\">Rank</th><th>Key</th><th>What to do</th><th class=\"num\">Points removed"
                + "</th><th class=\"num\">Services</th><th class=\"num\">Points per service</th></tr></thead>" + NL
                + "<tbody>" + NL);
        int rank = 0;
        for (Map.Entry<String, RecommendationSum> e : sorted) {
            RecommendationSum s = e.getValue();
            rank++;
            out.write("<tr>" + numCell(rank, Integer.toString(rank)) + "<td>" + esc(e.getKey()) + "</td><td>"
                    + esc(s.text) + "</td>" + numCell(round1(s.points), Cells.number(s.points))
                    + numCell(s.services, Integer.toString(s.services)) + numCell(round1(s.points / s.services),
                    Cells.number(s.points / s.services)) + "</tr>" + NL);
        }
        out.write("</tbody>" + NL + "</table>" + NL + "</section>" + NL);
    }

    private void writePortfolio(Writer out, PortfolioResult p) throws IOException {
        out.write("<section id=\"portfolio\" class=\"overview-part\">" + NL + "<h2>Portfolio findings</h2>" + NL);
        out.write("<p>" + p.findings().size() + (p.findings().size() == 1 ? " finding" : " findings") + " across "
                + p.services() + (p.services() == 1 ? " service" : " services")
                + "; portfolio findings are part of no vendor's score.</p>" + NL);
        if (!p.findings().isEmpty()) {
            out.write("<table class=\"portfolio-findings\">" + NL + "<thead><tr><th>Severity</th><th>ID</th><th>Title</th>"
                    + "<th>Evidence</th><th>What to do</th></tr></thead>" + NL + "<tbody>" + NL);
            for (PortfolioFinding f : p.findings()) {
                out.write("<tr class=\"finding\" data-id=\"" + esc(f.id()) + "\"><td>" + badge(f.severity().name())
                        + "</td><td>" + esc(f.id()) + "</td><td>" + esc(f.title()) + "</td><td>" + evidence(f.evidence())
                        + "</td><td><strong>" + esc(f.recommendation()) + "</strong>: " + esc(f.recommendationText())
                        + "</td></tr>" + NL);
            }
            out.write("</tbody>" + NL + "</table>" + NL);
        }
        for (String note : p.notes()) {
            out.write("<p class=\"note\">Note: " + esc(note) + "</p>" + NL);
        }
        for (Diagnostic w : p.warnings()) {
            out.write("<p class=\"warning\">Warning: <span class=\"mono\">" + esc(w.render()) + "</span></p>" + NL);
        }
        out.write("</section>" + NL);
    }

    private void writeDetails(Writer out, Set<Integer> kept) throws IOException {
        if (services == 0) {
            return;
        }
        out.write("<section id=\"details\">" + NL + "<h2>Services in detail</h2>" + NL);
        int shown = kept == null ? countFrames() : kept.size();
        String which;
        if (detail.riskiest() > 0 && shown < services) {
            which = "The " + shown + " riskiest of " + services + " services (highest score first, in file order here);"
                    + " the others are in the services table. For every service, write the report with"
                    + " <code>--html-detail all</code>.";
        } else if (detail.atLeast() != null) {
            which = shown + " of " + services + " services: those rated " + detail.atLeast() + " or higher. The others are"
                    + " in the services table.";
        } else {
            which = null;
        }
        if (which != null) {
            out.write("<p class=\"note\">" + which + "</p>" + NL);
        }
        try (BufferedReader in = details.reader()) {
            boolean copying = false;
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isEmpty() && line.charAt(0) == FRAME) {
                    copying = kept == null || kept.contains(Integer.parseInt(line.substring(1)));
                } else if (copying) {
                    out.write(line);
                    out.write(NL);
                }
            }
        }
        out.write("</section>" + NL);
    }

    private int countFrames() throws IOException {
        int n = 0;
        try (BufferedReader in = details.reader()) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isEmpty() && line.charAt(0) == FRAME) {
                    n++;
                }
            }
        }
        return n;
    }

    // ---- one service ----

    private static String vendorSection(int index, Assessment a) {
        StringBuilder b = new StringBuilder(8192);
        b.append("<section class=\"vendor\" id=\"v").append(index).append("\" data-rating=\"").append(a.rating().name())
                .append("\">").append(NL);
        b.append("<h2>").append(esc(a.vendorName() == null ? a.vendorId() : a.vendorName()));
        if (a.vendorName() != null) {
            b.append(" <span class=\"muted\">(").append(esc(a.vendorId())).append(")</span>");
        }
        b.append("</h2>").append(NL);
        b.append("<p class=\"file\">").append(a.service() == null ? "" : esc(a.service()) + " · ")
                .append("<span class=\"mono\">").append(esc(a.file())).append("</span></p>").append(NL);
        b.append("<dl class=\"facts\">").append(NL);
        b.append("<dt>Rating</dt><dd class=\"rating\">").append(badge(a.rating().name())).append(" score <strong>")
                .append(Cells.number(a.score())).append("</strong> of 100 (higher is riskier)</dd>").append(NL);
        b.append("<dt>Tier</dt><dd>").append(esc(a.tier().wire())).append("</dd>").append(NL);
        b.append("<dt>Completeness</dt><dd>").append(percent(a.completeness()))
                .append(" of the facts the rules read are known</dd>").append(NL);
        b.append("<dt>Assessed on</dt><dd>").append(a.assessedOn()).append("</dd>").append(NL);
        b.append("<dt>Findings</dt><dd>").append(counts(a)).append("</dd>").append(NL);
        b.append("</dl>").append(NL);
        for (String w : a.warnings()) {
            b.append("<p class=\"warning\">Warning: ").append(esc(w)).append("</p>").append(NL);
        }
        exposure(b, a.exposure());
        areaScores(b, index, a);
        findings(b, a);
        waived(b, a);
        gaps(b, a);
        recommendations(b, a);
        b.append("</section>").append(NL);
        return b.toString();
    }

    private static String counts(Assessment a) {
        Map<Severity, Integer> active = Cells.activeBySeverity(a);
        List<String> parts = new ArrayList<>();
        for (Severity s : SEVERITIES_DOWN) {
            if (active.get(s) > 0) {
                parts.add(active.get(s) + " " + lower(s.name()));
            }
        }
        long waived = a.findings().stream().filter(Finding::waived).count();
        String text = parts.isEmpty() ? "none active" : String.join(", ", parts);
        return waived == 0 ? text : text + "; " + waived + " waived";
    }

    private static void exposure(StringBuilder b, Exposure x) {
        String cur = x.currency() == null ? "" : " " + esc(x.currency());
        Exposure.Facts f = x.facts();
        b.append("<h3>Outage exposure</h3>").append(NL);
        b.append("<table class=\"exposure\">").append(NL).append("<tbody>").append(NL);
        String costHow = f == null ? "users affected × cost of a person-hour + revenue lost per hour"
                : amount(f.usersAffected(), " users") + " × " + amount(f.hourlyCostPerUser(), cur) + " per person-hour + "
                + amount(f.revenueLossPerHour() == null ? 0.0 : f.revenueLossPerHour(), cur) + " revenue lost per hour";
        b.append("<tr><th>Cost per hour of outage</th><td>").append(costHow).append("</td><td class=\"num\">")
                .append(amount(x.hourlyCost(), cur)).append("</td></tr>").append(NL);
        String hoursHow = f == null ? "time to first response + time to restore"
                : hours(f.responseHours()) + " to first response (<code>" + esc(f.responsePath()) + "</code>) + "
                + hours(f.restoreHours()) + " to restore (<code>continuity.restoreTimeHours</code>)";
        b.append("<tr><th>Hours per incident</th><td>").append(hoursHow).append("</td><td class=\"num\">")
                .append(hours(x.outageHours())).append("</td></tr>").append(NL);
        b.append("<tr class=\"per-incident\"><th>Per incident</th><td>").append(amount(x.hourlyCost(), cur))
                .append(" per hour × ").append(hours(x.outageHours())).append("</td><td class=\"num\"><strong>")
                .append(amount(x.perIncident(), cur)).append("</strong></td></tr>").append(NL);
        b.append("<tr><th>In monthly fees</th><td>").append(amount(x.perIncident(), cur)).append(" ÷ ")
                .append(amount(x.monthlyFee(), cur)).append(" a month</td><td class=\"num\">")
                .append(x.monthsOfFees() == null ? "unknown"
                        : String.format(Locale.ROOT, "%,.1f", x.monthsOfFees()).replaceAll("\\.0$", "") + " months")
                .append("</td></tr>").append(NL);
        b.append("</tbody>").append(NL).append("</table>").append(NL);
        if (!x.missing().isEmpty()) {
            b.append("<p class=\"warning\">Unknown: ");
            for (int i = 0; i < x.missing().size(); i++) {
                b.append(i == 0 ? "" : ", ").append("<code>").append(esc(x.missing().get(i))).append("</code>");
            }
            b.append("; the figures that need them are not guessed. Find them out (see the gaps below).</p>").append(NL);
        } else if (x.monthlyFee() != null && x.monthlyFee() == 0) {
            b.append("<p class=\"note\">The monthly fee is 0, so the exposure cannot be counted in months of fees.</p>")
                    .append(NL);
        }
    }

    private static void areaScores(StringBuilder b, int index, Assessment a) {
        b.append("<h3>Area subscores</h3>").append(NL);
        if (a.areas().isEmpty()) {
            b.append("<p>No area has an active finding: every subscore is 0.</p>").append(NL);
            return;
        }
        List<Bar> bars = new ArrayList<>();
        for (AreaScore s : a.areas()) {
            bars.add(new Bar(s.area(), s.score(), Cells.number(s.score()), "heat-" + heat(s.score())));
        }
        b.append(barChart("areas", "Area subscores of this service (0 to 100)", bars, 100));
        b.append("<table class=\"numbers\"><caption>Area subscores</caption>").append(NL)
                .append("<thead><tr><th>Area</th><th class=\"num\">Subscore</th></tr></thead>").append(NL).append("<tbody>")
                .append(NL);
        for (AreaScore s : a.areas()) {
            b.append("<tr><td>").append(esc(s.area())).append("</td><td class=\"num heat h").append(heat(s.score()))
                    .append("\">").append(Cells.number(s.score())).append("</td></tr>").append(NL);
        }
        b.append("</tbody>").append(NL).append("</table>").append(NL);
    }

    private static boolean isGap(Finding f) {
        return f.id().startsWith("GAP-") || "gaps".equals(f.area());
    }

    private static void findings(StringBuilder b, Assessment a) {
        List<Finding> active = a.findings().stream().filter(f -> !f.waived() && !isGap(f)).toList();
        long gaps = a.findings().stream().filter(f -> !f.waived() && isGap(f)).count();
        b.append("<h3>Findings</h3>").append(NL);
        if (active.isEmpty()) {
            b.append("<p>No active findings").append(gaps > 0 ? " besides the information gaps below." : ".")
                    .append("</p>").append(NL);
            return;
        }
        b.append("<table class=\"findings sortable\" data-filter=\"Filter findings\">").append(NL)
                .append("<thead><tr><th>Severity</th><th>ID</th><th>Finding</th><th>Area</th>")
                .append("<th class=\"num\">Share of score</th><th>Evidence (profile line)</th></tr></thead>").append(NL)
                .append("<tbody>").append(NL);
        for (Finding f : active) {
            b.append("<tr class=\"finding\" data-id=\"").append(esc(f.id())).append("\"><td data-v=\"")
                    .append(f.severity().ordinal()).append("\">").append(badge(f.severity().name())).append("</td><td>")
                    .append(esc(f.id())).append("</td><td>").append(esc(f.title())).append("</td><td>")
                    .append(esc(f.area())).append("</td>").append(numCell(round1(f.share()), Cells.number(f.share())))
                    .append("<td>").append(evidence(f.evidence())).append("</td></tr>").append(NL);
        }
        b.append("</tbody>").append(NL).append("</table>").append(NL);
    }

    private static void waived(StringBuilder b, Assessment a) {
        List<Finding> waived = a.findings().stream().filter(Finding::waived).toList();
        if (waived.isEmpty()) {
            return;
        }
        b.append("<h3>Waived findings (accepted risks; not in the score)</h3>").append(NL);
        b.append("<table class=\"waived-findings\">").append(NL).append("<thead><tr><th>Severity</th><th>ID</th>")
                .append("<th>Finding</th><th>Justification</th><th>Owner</th><th>Expires</th><th>Evidence</th></tr></thead>")
                .append(NL).append("<tbody>").append(NL);
        for (Finding f : waived) {
            String justification = f.waiver() == null ? "" : f.waiver();
            String owner = "";
            String expires = "";
            Matcher m = WAIVER.matcher(justification);
            if (m.matches()) {
                justification = m.group(1);
                owner = m.group(2);
                expires = m.group(3);
            }
            b.append("<tr class=\"finding waived\" data-id=\"").append(esc(f.id())).append("\"><td>")
                    .append("<span class=\"badge b-waived\">").append(f.severity().name()).append("</span> waived</td><td>")
                    .append(esc(f.id())).append("</td><td>").append(esc(f.title())).append("</td><td class=\"justification\">")
                    .append(esc(justification)).append("</td><td class=\"owner\">").append(esc(owner))
                    .append("</td><td class=\"expires\">").append(esc(expires)).append("</td><td>")
                    .append(evidence(f.evidence())).append("</td></tr>").append(NL);
        }
        b.append("</tbody>").append(NL).append("</table>").append(NL);
    }

    private static void gaps(StringBuilder b, Assessment a) {
        List<Finding> gaps = a.findings().stream().filter(f -> !f.waived() && isGap(f)).toList();
        if (gaps.isEmpty()) {
            return;
        }
        b.append("<h3>Information gaps: what to find out</h3>").append(NL);
        b.append("<p>Unknown is not safe: each fact below is needed by a rule. Find it out, write it in the profile and"
                + " assess again.</p>").append(NL);
        b.append("<ul class=\"checklist gaps\">").append(NL);
        for (Finding f : gaps) {
            String path = f.evidence().isEmpty() ? "" : f.evidence().get(0).path();
            b.append("<li class=\"gap\" data-id=\"").append(esc(f.id())).append("\"><label><input type=\"checkbox\"> ")
                    .append("<code>").append(esc(path)).append("</code></label> <span class=\"muted\">")
                    .append(esc(f.id())).append(": ").append(esc(f.message()))
                    .append(f.line() > 0 ? " (line " + f.line() + ")" : "").append("</span></li>").append(NL);
        }
        b.append("</ul>").append(NL);
    }

    private static void recommendations(StringBuilder b, Assessment a) {
        if (a.recommendations().isEmpty()) {
            return;
        }
        b.append("<h3>Recommendations, most score removed first</h3>").append(NL).append("<ol class=\"recs\">").append(NL);
        for (Recommendation r : a.recommendations()) {
            b.append("<li class=\"recommendation\" data-key=\"").append(esc(r.key())).append("\"><strong>")
                    .append(esc(r.key())).append("</strong> (−").append(Cells.number(r.scoreReduction()))
                    .append(" points): ").append(esc(r.text())).append(" <span class=\"muted\">Resolves ")
                    .append(esc(String.join(", ", r.resolves()))).append(".</span></li>").append(NL);
        }
        b.append("</ol>").append(NL);
    }

    private static void writeInvalid(Writer w, FileResult result) throws IOException {
        StringBuilder b = new StringBuilder();
        b.append("<div class=\"invalid-file\">").append(NL).append("<h3 class=\"mono\">").append(esc(result.file()))
                .append("</h3>").append(NL).append("<ul class=\"diagnostics\">").append(NL);
        for (Diagnostic d : result.errors()) {
            b.append("<li class=\"diagnostic\"><span class=\"mono\">").append(esc(d.render())).append("</span></li>")
                    .append(NL);
        }
        b.append("</ul>").append(NL).append("</div>").append(NL);
        w.write(b.toString());
    }

    // ---- charts and cells ----

    private record Bar(String label, double value, String text, String cls) {
    }

    /** A horizontal bar chart: one {@code rect.bar} per bar, the label left, the number right. */
    private static String barChart(String kind, String title, List<Bar> bars, double max) {
        int labelW = 170;
        int barW = 420;
        int rowH = 24;
        int width = labelW + barW + 70;
        int height = bars.size() * rowH + 8;
        double scale = max <= 0 ? 0 : barW / max;
        StringBuilder b = new StringBuilder();
        b.append("<figure>").append(NL).append("<figcaption>").append(esc(title)).append("</figcaption>").append(NL);
        b.append("<svg class=\"chart bars ").append(kind).append("\" data-marks=\"").append(bars.size())
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" role=\"img\" aria-label=\"").append(esc(title))
                .append("; the numbers are in the table below\">").append(NL);
        b.append("<line class=\"axis\" x1=\"").append(labelW).append("\" y1=\"0\" x2=\"").append(labelW).append("\" y2=\"")
                .append(height).append("\"/>").append(NL);
        int y = 4;
        for (Bar bar : bars) {
            double w = bar.value() * scale;
            b.append("<text x=\"").append(labelW - 6).append("\" y=\"").append(y + 15).append("\" text-anchor=\"end\">")
                    .append(esc(bar.label())).append("</text>").append(NL);
            b.append("<rect class=\"bar").append(bar.cls().isEmpty() ? "" : " " + bar.cls()).append("\" x=\"")
                    .append(labelW).append("\" y=\"").append(y + 3).append("\" width=\"").append(fmt(w))
                    .append("\" height=\"").append(rowH - 8).append("\" data-value=\"").append(esc(bar.text()))
                    .append("\"><title>").append(esc(bar.label())).append(": ").append(esc(bar.text()))
                    .append("</title></rect>").append(NL);
            b.append("<text x=\"").append(fmt(labelW + w + 6)).append("\" y=\"").append(y + 15).append("\">")
                    .append(esc(bar.text())).append("</text>").append(NL);
            y += rowH;
        }
        b.append("</svg>").append(NL).append("</figure>").append(NL);
        return b.toString();
    }

    private static String badge(String level) {
        return "<span class=\"badge b-" + lower(level) + "\">" + level + "</span>";
    }

    /** A number cell; the script sorts by its text (thousands separators and % ignored). */
    private static String numCell(double sortValue, String text) {
        return "<td class=\"num\">" + esc(text) + "</td>";
    }

    private static String evidence(List<Evidence> evidence) {
        StringBuilder b = new StringBuilder();
        for (Evidence e : evidence) {
            if (b.length() > 0) {
                b.append("<br>");
            }
            b.append("<code>").append(esc(e.path())).append("</code> = ").append(esc(e.text()));
            if (e.line() > 0) {
                b.append(" <span class=\"line\">(line ").append(e.line()).append(")</span>");
            }
        }
        return b.toString();
    }

    /** 0..9, one step per ten points: the heat map's shade. */
    private static int heat(double score) {
        return Math.max(0, Math.min(9, (int) Math.floor(score / 10)));
    }

    private static double niceMax(double max) {
        if (!(max > 0)) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(max)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= max) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String amount(Double value, String suffix) {
        return value == null ? "unknown" : money(value) + suffix;
    }

    private static String hours(Double h) {
        return h == null ? "unknown" : Cells.number(h, 2) + " h";
    }

    /** Money with thousands separators: whole amounts without decimals, others with two. */
    static String money(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%,.2f", v);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f %%", share * 100);
    }

    private static String fmt(double v) {
        return Cells.number(v, 1);
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    private static String currency(String c) {
        return c == null || c.isBlank() ? "unknown currency" : c;
    }

    private static String slug(String s) {
        return lower(s).replaceAll("[^a-z0-9]+", "-");
    }

    private static String vendorLabel(Assessment a) {
        String name = a.vendorName() == null ? a.vendorId() : a.vendorName();
        return a.service() == null ? name : name + ", " + a.service();
    }

    /**
     * Text made safe in HTML content and in double- or single-quoted attributes. Line breaks become
     * {@code &#10;} (so user text never starts an output line), other control characters U+FFFD.
     */
    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String r = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                case '\n' -> "&#10;";
                case '\r' -> "&#13;";
                default -> (c < 0x20 && c != '\t') || c == 0x7f ? "\uFFFD" : null;
            };
            if (r != null && b == null) {
                b = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (b != null) {
                if (r != null) {
                    b.append(r);
                } else {
                    b.append(c);
                }
            }
        }
        return b == null ? text : b.toString();
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("HtmlReport: resource " + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- what is kept of a run: counters, and a spooled row per service ----

    private static final class FindingCount {
        final String title;
        final Severity severity;
        int services;
        int occurrences;

        FindingCount(String title, Severity severity) {
            this.title = title;
            this.severity = severity;
        }
    }

    private static final class RecommendationSum {
        final String text;
        double points;
        int services;

        RecommendationSum(String text) {
            this.text = text;
        }
    }

    private static final class CurrencyRange {
        int services;
        double max;
    }

    /** A service's line in the overview, spooled as tab-separated fields (tabs, line breaks and backslashes escaped). */
    private record Row(int index, String file, String vendorId, String vendorName, String service, String tier,
                       Rating rating, double score, double completeness, String currency, Double exposure, int active,
                       Map<String, Double> areas) {
        static Row of(int index, Assessment a) {
            Map<String, Double> areas = new LinkedHashMap<>();
            for (AreaScore s : a.areas()) {
                areas.put(s.area(), s.score());
            }
            int active = (int) a.findings().stream().filter(f -> !f.waived()).count();
            return new Row(index, a.file(), a.vendorId(), a.vendorName(), a.service(), a.tier().wire(), a.rating(),
                    a.score(), a.completeness(), a.exposure().currency(), a.exposure().perIncident(), active, areas);
        }

        String vendor() {
            return vendorName == null ? vendorId : vendorName + " (" + vendorId + ")";
        }

        String label() {
            return service == null ? vendor() : vendor() + ", " + service;
        }

        String encode() {
            List<String> f = new ArrayList<>();
            f.add(Integer.toString(index));
            f.add(file);
            f.add(vendorId);
            f.add(vendorName);
            f.add(service);
            f.add(tier);
            f.add(rating.name());
            f.add(Double.toString(score));
            f.add(Double.toString(completeness));
            f.add(currency);
            f.add(exposure == null ? null : Double.toString(exposure));
            f.add(Integer.toString(active));
            areas.forEach((k, v) -> {
                f.add(k);
                f.add(Double.toString(v));
            });
            StringBuilder b = new StringBuilder(256);
            for (int i = 0; i < f.size(); i++) {
                if (i > 0) {
                    b.append('\t');
                }
                String s = f.get(i);
                if (s == null) {
                    b.append("\\0");
                    continue;
                }
                for (int j = 0; j < s.length(); j++) {
                    char c = s.charAt(j);
                    switch (c) {
                        case '\\' -> b.append("\\\\");
                        case '\t' -> b.append("\\t");
                        case '\n' -> b.append("\\n");
                        case '\r' -> b.append("\\r");
                        default -> b.append(c);
                    }
                }
            }
            return b.toString();
        }

        static Row decode(String line) {
            List<String> f = new ArrayList<>();
            StringBuilder cur = new StringBuilder();
            boolean isNull = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '\t') {
                    f.add(isNull ? null : cur.toString());
                    cur.setLength(0);
                    isNull = false;
                } else if (c == '\\' && i + 1 < line.length()) {
                    char n = line.charAt(++i);
                    switch (n) {
                        case 't' -> cur.append('\t');
                        case 'n' -> cur.append('\n');
                        case 'r' -> cur.append('\r');
                        case '0' -> isNull = true;
                        default -> cur.append(n);
                    }
                } else {
                    cur.append(c);
                }
            }
            f.add(isNull ? null : cur.toString());
            Map<String, Double> areas = new LinkedHashMap<>();
            for (int i = 12; i + 1 < f.size(); i += 2) {
                areas.put(f.get(i), Double.parseDouble(f.get(i + 1)));
            }
            return new Row(Integer.parseInt(f.get(0)), f.get(1), f.get(2), f.get(3), f.get(4), f.get(5),
                    Rating.valueOf(f.get(6)), Double.parseDouble(f.get(7)), Double.parseDouble(f.get(8)), f.get(9),
                    f.get(10) == null ? null : Double.parseDouble(f.get(10)), Integer.parseInt(f.get(11)), areas);
        }
    }

    private interface RowConsumer {
        void accept(Row row) throws IOException;
    }

    /** A temporary file written once and read any number of times; deleted at the end of the run (or JVM exit). */
    private static final class Temp {
        private final Path file;
        private final BufferedWriter writer;
        private boolean closed;

        Temp() {
            try {
                file = Files.createTempFile("vra-html-", ".tmp");
                file.toFile().deleteOnExit();
                writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a temporary file for the html report", e);
            }
        }

        Writer writer() {
            return writer;
        }

        BufferedReader reader() throws IOException {
            if (!closed) {
                writer.close();
                closed = true;
            }
            return Files.newBufferedReader(file, StandardCharsets.UTF_8);
        }

        void copyTo(Writer out) throws IOException {
            try (BufferedReader in = reader()) {
                in.transferTo(out);
            }
        }

        void delete() throws IOException {
            if (!closed) {
                writer.close();
                closed = true;
            }
            Files.deleteIfExists(file);
        }
    }

    private void forEachRow(RowConsumer consumer) throws IOException {
        try (BufferedReader in = rows.reader()) {
            String line;
            while ((line = in.readLine()) != null) {
                consumer.accept(Row.decode(line));
            }
        }
    }
}
