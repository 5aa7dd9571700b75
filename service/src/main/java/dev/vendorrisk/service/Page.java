package dev.vendorrisk.service;

import dev.vendorrisk.assessor.Diagnostic;
import dev.vendorrisk.assessor.report.FileResult;
import dev.vendorrisk.assessor.report.HtmlReport;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service's page for people ({@code GET /}): a form to paste a profile or pick files, and, after
 * sending it, the same form with the report below it and the diagnostics of invalid profiles shown at
 * their lines. Self-contained and script-free: the page's style sheet is inline and allowed by hash;
 * the report sits in a sandboxed frame ({@code srcdoc}), with its own inline style sheet and script,
 * which the page's Content-Security-Policy allows by their hashes and nothing else.
 */
final class Page {
    /** How many lines around a diagnostic the source view shows. */
    private static final int CONTEXT = 2;
    private static final String CSS = String.join("\n",
            "body{font-family:system-ui,sans-serif;margin:0 auto;max-width:72rem;padding:1rem;color:#111;background:#fff}",
            "h1{font-size:1.4rem}h2{font-size:1.15rem;margin-top:1.5rem}",
            "form{display:grid;gap:.4rem;max-width:48rem}",
            "textarea{font-family:ui-monospace,monospace;font-size:.9rem;width:100%;box-sizing:border-box}",
            "button{justify-self:start;padding:.4rem 1.2rem;font-size:1rem}",
            ".note{color:#444;font-size:.9rem}",
            ".message{border-left:.3rem solid #b00;padding:.3rem .8rem;background:#fdd}",
            "ol.source{font-family:ui-monospace,monospace;font-size:.9rem;padding-left:4rem;background:#f6f6f6}",
            "ol.source li{white-space:pre-wrap}",
            "ol.source li.bad{background:#fee}",
            "ol.source li.gap{list-style:none;color:#666}",
            "ol.source p.problem{margin:.1rem 0 .3rem;font-family:system-ui,sans-serif;color:#900;font-weight:bold}",
            "iframe{width:100%;height:80vh;border:1px solid #999}",
            "@media print{form,.note{display:none}iframe{height:auto;border:none}}");
    /** Nothing loads; the page's style sheet and the framed report's style sheet and script run, by hash. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src '" + sha256(CSS) + "' "
            + source(HtmlReport.CONTENT_SECURITY_POLICY, "style-src") + "; script-src "
            + source(HtmlReport.CONTENT_SECURITY_POLICY, "script-src") + "; img-src 'none'; base-uri 'none';"
            + " form-action 'self'";

    private Page() {
    }

    /** One text the person sent: pasted or a picked file, with the name its diagnostics carry. */
    record Source(String name, String text) {
    }

    /**
     * The page.
     *
     * @param askKey    whether to ask for the API key
     * @param pasted    the text to put back in the form
     * @param message   a sentence about the whole request (an error), or null
     * @param sources   the texts sent, for the diagnostics' lines
     * @param results   the results, or null before anything was sent
     * @param report    the HTML report of the results, or null
     * @param maxBytes  the body limit, for the form's note
     */
    static String render(boolean askKey, String pasted, String message, List<Source> sources, List<FileResult> results,
                         String report, int maxBytes) {
        StringBuilder h = new StringBuilder(8192 + (report == null ? 0 : report.length() * 11 / 10));
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Vendor Risk Assessor</title>\n<style>").append(CSS).append("</style>\n</head>\n<body>\n")
                .append("<h1>Vendor Risk Assessor</h1>\n")
                .append("<p class=\"note\">Paste one vendor profile (YAML or JSON; several YAML documents separated by"
                        + " <code>---</code> lines are several profiles), or pick one or more profile files. Up to ")
                .append(maxBytes / 1024).append(" KiB in all. Nothing leaves this service.</p>\n")
                .append("<form method=\"post\" enctype=\"multipart/form-data\">\n")
                .append("<label for=\"profile\">Profile</label>\n")
                .append("<textarea id=\"profile\" name=\"profile\" rows=\"16\" spellcheck=\"false\">")
                .append(escape(pasted == null ? "" : pasted)).append("</textarea>\n")
                .append("<label for=\"files\">Profile files</label>\n")
                .append("<input id=\"files\" name=\"files\" type=\"file\" multiple accept=\".yaml,.yml,.json\">\n");
        if (askKey) {
            h.append("<label for=\"apiKey\">API key</label>\n")
                    .append("<input id=\"apiKey\" name=\"apiKey\" type=\"password\" autocomplete=\"off\">\n");
        }
        h.append("<button type=\"submit\">Assess</button>\n</form>\n");
        if (message != null) {
            h.append("<p class=\"message\" role=\"alert\">").append(escape(message)).append("</p>\n");
        }
        if (results != null) {
            diagnostics(h, sources, results);
        }
        if (report != null) {
            h.append("<h2>Report</h2>\n<iframe title=\"Report\" sandbox=\"allow-scripts\" srcdoc=\"")
                    .append(escape(report)).append("\"></iframe>\n");
        }
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    /** Each text with diagnostics, its lines around them, each diagnostic under its line. */
    private static void diagnostics(StringBuilder h, List<Source> sources, List<FileResult> results) {
        List<Diagnostic> all = new ArrayList<>();
        results.stream().filter(r -> !r.ok()).forEach(r -> all.addAll(r.errors()));
        if (all.isEmpty()) {
            return;
        }
        h.append("<h2>Problems</h2>\n<ul>\n");
        for (Diagnostic d : all) {
            h.append("<li><code>").append(escape(d.render())).append("</code></li>\n");
        }
        h.append("</ul>\n");
        for (Source source : sources) {
            TreeMap<Integer, List<Diagnostic>> byLine = new TreeMap<>();
            for (Diagnostic d : all) {
                if (d.line() > 0 && (d.file().equals(source.name()) || d.file().startsWith(source.name() + "#"))) {
                    byLine.computeIfAbsent(d.line(), l -> new ArrayList<>()).add(d);
                }
            }
            if (byLine.isEmpty()) {
                continue;
            }
            String[] lines = source.text().split("\r?\n", -1);
            TreeSet<Integer> shown = new TreeSet<>();
            for (int line : byLine.keySet()) {
                for (int l = Math.max(1, line - CONTEXT); l <= Math.min(lines.length, line + CONTEXT); l++) {
                    shown.add(l);
                }
            }
            h.append("<h3>").append(escape(source.name())).append("</h3>\n<ol class=\"source\">\n");
            int previous = 0;
            for (int l : shown) {
                if (previous != 0 && l > previous + 1) {
                    h.append("<li class=\"gap\" aria-hidden=\"true\">\u2026</li>\n");
                }
                List<Diagnostic> here = byLine.get(l);
                h.append("<li value=\"").append(l).append('"').append(here == null ? "" : " class=\"bad\"").append('>')
                        .append("<code>").append(escape(lines[l - 1])).append("</code>");
                if (here != null) {
                    for (Diagnostic d : here) {
                        h.append("<p class=\"problem\">line ").append(l).append(d.column() > 0 ? ", column " + d.column() : "")
                                .append(": ").append(escape(d.message())).append("</p>");
                    }
                }
                h.append("</li>\n");
                previous = l;
            }
            // a diagnostic past the last line (e.g. at the end of the text) still shows
            for (var e : byLine.tailMap(lines.length, false).entrySet()) {
                for (Diagnostic d : e.getValue()) {
                    h.append("<li value=\"").append(e.getKey()).append("\" class=\"bad\"><p class=\"problem\">")
                            .append(escape(d.message())).append("</p></li>\n");
                }
            }
            h.append("</ol>\n");
        }
    }

    /** Text for element content and attribute values. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** The sources a policy allows for one directive, e.g. the report's style sheet hash. */
    private static String source(String policy, String directive) {
        Matcher m = Pattern.compile(directive + " ([^;]+)").matcher(policy);
        if (!m.find()) {
            throw new IllegalStateException("the report's Content-Security-Policy has no " + directive + ": " + policy);
        }
        return m.group(1).trim();
    }

    private static String sha256(String text) {
        try {
            return "sha256-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
