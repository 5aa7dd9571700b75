package dev.vendorrisk.assessor.report;

import com.contrastsecurity.sarif.ArtifactLocation;
import com.contrastsecurity.sarif.Invocation;
import com.contrastsecurity.sarif.Location;
import com.contrastsecurity.sarif.LogicalLocation;
import com.contrastsecurity.sarif.Message;
import com.contrastsecurity.sarif.MultiformatMessageString;
import com.contrastsecurity.sarif.Notification;
import com.contrastsecurity.sarif.PhysicalLocation;
import com.contrastsecurity.sarif.PropertyBag;
import com.contrastsecurity.sarif.Region;
import com.contrastsecurity.sarif.ReportingConfiguration;
import com.contrastsecurity.sarif.ReportingDescriptor;
import com.contrastsecurity.sarif.Result;
import com.contrastsecurity.sarif.Suppression;
import com.contrastsecurity.sarif.Tool;
import com.contrastsecurity.sarif.ToolComponent;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.vendorrisk.assessor.Assessment;
import dev.vendorrisk.assessor.Diagnostic;
import dev.vendorrisk.assessor.Finding;
import dev.vendorrisk.assessor.Recommendation;
import dev.vendorrisk.assessor.portfolio.PortfolioFinding;
import dev.vendorrisk.assessor.portfolio.PortfolioResult;
import dev.vendorrisk.assessor.portfolio.PortfolioSession;
import dev.vendorrisk.assessor.rules.RuleBase;
import dev.vendorrisk.assessor.rules.RuleMeta;
import dev.vendorrisk.assessor.rules.Severity;
import dev.vendorrisk.assessor.scoring.Scorer;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * SARIF 2.1.0 ({@code -o sarif}) for code-scanning dashboards: one run whose tool driver {@code vra}
 * lists the rule catalogue, one result per finding located at its profile file and evidence line,
 * waived findings as results with an external, accepted suppression, and invalid files as error
 * notifications of the run's invocation.
 *
 * <p>After a batch run, each portfolio finding is one more result (after the files' results) of its
 * {@code PORT-} rule, which the driver's catalogue lists like any other: level from its severity, no
 * region (a portfolio finding has no line), located at the first profile file its {@code services}
 * evidence names, with the others as {@code relatedLocations}, and always with a logical location of
 * kind {@code vendor} named by the vendor's id (the only location of a finding that names no file,
 * e.g. PORT-002). Its properties say {@code "scope": "portfolio"} and carry no contribution or share.
 * The waivers file's warnings are {@code warning} notifications at their file, line and column, and
 * the notes on what the portfolio rules could not compare are {@code note} notifications; neither
 * makes the execution unsuccessful.
 *
 * <p>Streaming: the envelope ({@code $schema}, {@code version}, {@code runs[0]}, {@code tool},
 * the {@code results} array) is written with a Jackson {@link JsonGenerator}, and each result is
 * serialized from the java-sarif model as its file arrives, so results are never held. Only the
 * diagnostics of invalid files are kept until the end, because {@code invocations} follows
 * {@code results}; they grow with invalid files, not with assessed ones.
 *
 * <p>A catalogue id with several variants (e.g. CORP-005 weak/distressed) is one rule whose
 * severity and weight are the highest of its variants, and whose {@code properties.variants} lists
 * each. Result properties carry the finding's contribution and share of the score; an active finding's
 * also what acting on its recommendation is worth ({@code recommendationPoints}, the score it removes now;
 * {@code recommendationResolvesPercent}, the share of the current risk it resolves; {@code recommendationImpact},
 * both as a sentence), and every finding of a vendor rated above LOW carries the vendor's {@code wayDown}
 * (e.g. {@code ["act on sla, fallback -> 62 HIGH", "then act on phone-line -> 38.2 MEDIUM"]}).
 */
public final class SarifReport implements Report {
    /** Where the official schema of the output lives. */
    public static final String SCHEMA_URI =
            "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .addMixIn(Result.class, AllNonNull.class)
            .addMixIn(ReportingConfiguration.class, AllNonNull.class)
            .addMixIn(Notification.class, AllNonNull.class)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

    /**
     * java-sarif leaves out values equal to the schema's defaults; results, rules and notifications state
     * their level anyway.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    private abstract static class AllNonNull {
    }

    private final Tool tool;
    private final Map<String, Integer> ruleIndex = new LinkedHashMap<>();
    private final List<Diagnostic> invalid = new ArrayList<>();
    private JsonGenerator json;

    /**
     * @param rules          the rule base whose catalogue the driver lists
     * @param toolVersion    the tool's version; null leaves it out
     * @param informationUri where users read about the tool; null leaves it out
     */
    public SarifReport(RuleBase rules, String toolVersion, String informationUri) {
        Objects.requireNonNull(rules, "the sarif report lists the rule catalogue and needs the rule base");
        Set<ReportingDescriptor> descriptors = new LinkedHashSet<>();
        for (List<RuleMeta> variants : byId(rules.rules()).values()) {
            ruleIndex.put(variants.get(0).id(), descriptors.size());
            descriptors.add(descriptor(variants, rules.policy().recommendations()));
        }
        ToolComponent driver = new ToolComponent().withName("vra").withVersion(toolVersion)
                .withInformationUri(informationUri == null ? null : URI.create(informationUri))
                .withRules(descriptors);
        tool = new Tool().withDriver(driver);
    }

    @Override
    public void start(Writer out) throws IOException {
        json = MAPPER.getFactory().createGenerator(out);
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        json.setPrettyPrinter(new DefaultPrettyPrinter());
        json.writeStartObject();
        json.writeStringField("$schema", SCHEMA_URI);
        json.writeStringField("version", "2.1.0");
        json.writeArrayFieldStart("runs");
        json.writeStartObject();
        json.writeFieldName("tool");
        MAPPER.writeValue(json, tool);
        json.writeArrayFieldStart("results");
    }

    @Override
    public void file(Writer out, FileResult result) throws IOException {
        if (!result.ok()) {
            invalid.addAll(result.errors());
            return;
        }
        Assessment a = result.assessment();
        for (Finding f : a.findings()) {
            MAPPER.writeValue(json, result(a, f));
        }
        json.flush();
    }

    @Override
    public void finish(Writer out, Summary summary) throws IOException {
        PortfolioResult portfolio = summary.portfolio();
        if (portfolio != null) {
            for (PortfolioFinding f : portfolio.findings()) {
                MAPPER.writeValue(json, result(f));
            }
        }
        json.writeEndArray();
        List<Notification> notifications = new ArrayList<>();
        for (Diagnostic d : invalid) {
            notifications.add(notification(Notification.Level.ERROR, d));
        }
        if (portfolio != null) {
            for (Diagnostic w : portfolio.warnings()) {
                notifications.add(notification(Notification.Level.WARNING, w));
            }
            for (String note : portfolio.notes()) {
                Notification n = new Notification().withLevel(Notification.Level.NOTE)
                        .withMessage(new Message().withText(note));
                n.setLocations(null); // about the batch, not a place in a file
                notifications.add(n);
            }
        }
        Invocation invocation = new Invocation().withExecutionSuccessful(invalid.isEmpty())
                .withToolExecutionNotifications(notifications.isEmpty() ? null : notifications);
        json.writeArrayFieldStart("invocations");
        MAPPER.writeValue(json, invocation);
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndArray();
        json.writeEndObject();
        json.flush();
        out.write('\n');
    }

    private Result result(Assessment a, Finding f) {
        PropertyBag properties = new PropertyBag();
        properties.setAdditionalProperty("vendorId", a.vendorId());
        properties.setAdditionalProperty("severity", f.severity().name());
        properties.setAdditionalProperty("area", f.area());
        properties.setAdditionalProperty("weight", f.weight());
        properties.setAdditionalProperty("contribution", Scorer.round(f.contribution()));
        properties.setAdditionalProperty("share", Scorer.round(f.share()));
        properties.setAdditionalProperty("recommendation", f.recommendation());
        Recommendation rec = f.waived() ? null : Cells.recommendation(a, f.recommendation());
        if (rec != null) {
            properties.setAdditionalProperty("recommendationPoints", rec.scoreReduction());
            properties.setAdditionalProperty("recommendationResolvesPercent", rec.resolvesPercent());
            properties.setAdditionalProperty("recommendationImpact", Cells.impact(rec));
        }
        List<String> wayDown = Cells.wayDown(a.wayDown());
        if (!wayDown.isEmpty()) {
            properties.setAdditionalProperty("wayDown", wayDown);
        }
        Result r = new Result().withRuleId(f.id()).withRuleIndex(ruleIndex.get(f.id()))
                .withLevel(level(f.severity())).withMessage(new Message().withText(f.message()))
                .withLocations(List.of(location(a.file(), f.line(), 0))).withProperties(properties);
        r.setRank(null);
        if (f.waived()) {
            r.setSuppressions(Set.of(new Suppression().withKind(Suppression.Kind.EXTERNAL)
                    .withStatus(Suppression.Status.ACCEPTED).withJustification(f.waiver())));
        }
        return r;
    }

    /** A portfolio finding as a result: at the files it names, and at its vendor. */
    private Result result(PortfolioFinding f) {
        PropertyBag properties = new PropertyBag();
        properties.setAdditionalProperty("scope", PortfolioSession.AREA);
        String vendorId = Cells.vendorId(f);
        if (vendorId != null) {
            properties.setAdditionalProperty("vendorId", vendorId);
        }
        properties.setAdditionalProperty("severity", f.severity().name());
        properties.setAdditionalProperty("area", PortfolioSession.AREA);
        properties.setAdditionalProperty("weight", f.weight());
        properties.setAdditionalProperty("recommendation", f.recommendation());
        List<String> services = Cells.services(f);
        Location primary = services.isEmpty() ? new Location() : location(services.get(0), 0, 0);
        if (vendorId != null) {
            primary.setLogicalLocations(Set.of(new LogicalLocation().withName(vendorId).withKind("vendor")));
        }
        Result r = new Result().withRuleId(f.id()).withRuleIndex(ruleIndex.get(f.id()))
                .withLevel(level(f.severity())).withMessage(new Message().withText(f.message()))
                .withLocations(List.of(primary)).withProperties(properties);
        r.setRank(null);
        if (services.size() > 1) {
            Set<Location> related = new LinkedHashSet<>();
            for (String file : services.subList(1, services.size())) {
                related.add(location(file, 0, 0));
            }
            r.setRelatedLocations(related);
        }
        return r;
    }

    private static Notification notification(Notification.Level level, Diagnostic d) {
        return new Notification().withLevel(level).withMessage(new Message().withText(d.message()))
                .withLocations(Set.of(location(d.file(), d.line(), d.column())));
    }

    private static Map<String, List<RuleMeta>> byId(List<RuleMeta> rules) {
        Map<String, List<RuleMeta>> out = new LinkedHashMap<>();
        for (RuleMeta m : rules) {
            out.computeIfAbsent(m.id(), id -> new ArrayList<>()).add(m);
        }
        return out;
    }

    private static ReportingDescriptor descriptor(List<RuleMeta> variants, Map<String, String> recommendations) {
        RuleMeta first = variants.get(0);
        Severity severity = variants.stream().map(RuleMeta::severity).max(Enum::compareTo).orElseThrow();
        int weight = variants.stream().mapToInt(RuleMeta::weight).max().orElseThrow();
        PropertyBag properties = new PropertyBag().withTags(new LinkedHashSet<>(List.of("vendor-risk", first.area())));
        properties.setAdditionalProperty("severity", severity.name());
        properties.setAdditionalProperty("weight", weight);
        properties.setAdditionalProperty("area", first.area());
        properties.setAdditionalProperty("backing", first.backing());
        properties.setAdditionalProperty("recommendation", first.recommendation());
        if (variants.size() > 1) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (RuleMeta v : variants) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("variant", v.variant());
                entry.put("severity", v.severity().name());
                entry.put("weight", v.weight());
                list.add(entry);
            }
            properties.setAdditionalProperty("variants", list);
        }
        String help = recommendations.getOrDefault(first.recommendation(), first.recommendation());
        return new ReportingDescriptor().withId(first.id()).withName(first.ruleName())
                .withShortDescription(new MultiformatMessageString().withText(first.title()))
                .withFullDescription(first.description() == null || first.description().isBlank() ? null
                        : new MultiformatMessageString().withText(first.description()))
                .withHelp(new MultiformatMessageString().withText(help))
                .withDefaultConfiguration(defaultConfiguration(severity))
                .withProperties(properties);
    }

    /** CRITICAL and HIGH are errors, MEDIUM and LOW warnings, INFO notes. */
    static Result.Level level(Severity s) {
        return switch (s) {
            case CRITICAL, HIGH -> Result.Level.ERROR;
            case MEDIUM, LOW -> Result.Level.WARNING;
            case INFO -> Result.Level.NOTE;
        };
    }

    private static ReportingConfiguration defaultConfiguration(Severity s) {
        ReportingConfiguration c = new ReportingConfiguration()
                .withLevel(ReportingConfiguration.Level.fromValue(level(s).value()));
        c.setEnabled(null);
        c.setRank(null);
        return c;
    }

    private static Location location(String file, int line, int column) {
        PhysicalLocation physical = new PhysicalLocation().withArtifactLocation(new ArtifactLocation().withUri(uri(file)));
        if (line > 0) {
            physical.setRegion(new Region().withStartLine(line).withStartColumn(column > 0 ? column : null));
        }
        return new Location().withPhysicalLocation(physical);
    }

    /**
     * A file as SARIF wants it: a URI reference with forward slashes, percent-encoded. A relative
     * path stays relative (to the directory the tool ran in); an absolute one becomes a {@code file:} URI.
     */
    static String uri(String file) {
        String path = file.replace('\\', '/');
        String prefix = "";
        if (path.length() >= 2 && Character.isLetter(path.charAt(0)) && path.charAt(1) == ':') {
            prefix = "file:///" + path.substring(0, 2);
            path = path.substring(2);
        } else if (path.startsWith("/")) {
            prefix = "file://";
        }
        StringBuilder b = new StringBuilder(prefix);
        for (byte x : path.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~' || c == '/') {
                b.append((char) c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return b.toString();
    }
}
