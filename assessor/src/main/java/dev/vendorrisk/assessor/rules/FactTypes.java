package dev.vendorrisk.assessor.rules;

import dev.vendorrisk.assessor.portfolio.Derived;
import dev.vendorrisk.assessor.portfolio.PortfolioEntry;
import dev.vendorrisk.assessor.portfolio.PortfolioLimits;
import dev.vendorrisk.assessor.profile.Company;
import dev.vendorrisk.assessor.profile.Continuity;
import dev.vendorrisk.assessor.profile.Contract;
import dev.vendorrisk.assessor.profile.Incident;
import dev.vendorrisk.assessor.profile.Operations;
import dev.vendorrisk.assessor.profile.Security;
import dev.vendorrisk.assessor.profile.Service;
import dev.vendorrisk.assessor.profile.Sla;
import dev.vendorrisk.assessor.profile.Support;
import dev.vendorrisk.assessor.profile.VendorProfile;
import dev.vendorrisk.assessor.scoring.Exposure;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The fact types a rule's pattern can match: what the engine inserts into a session, and what
 * rules insert themselves. A pattern on any other type (a nested record of the profile such as
 * {@code Vendor}) never matches; {@code vra rules check} warns about it, and
 * {@code docs/rules-facts.md} lists these types (a test keeps it in step with this class).
 */
public final class FactTypes {
    /** Where a fact comes from. */
    public enum Origin {
        /** Inserted by the engine into every per-vendor session, one per profile (incidents: one each). */
        VENDOR("inserted for every profile"),
        /** Inserted by the engine into the portfolio sessions, after every vendor is assessed. */
        PORTFOLIO("inserted for the portfolio"),
        /** Inserted by the rules themselves, through the project's helper functions or {@code new}. */
        RULES("inserted by rules");

        private final String label;

        Origin(String label) {
            this.label = label;
        }

        /** How the docs name the origin. */
        public String label() {
            return label;
        }
    }

    /**
     * One fact type rules can match.
     *
     * @param type        the class
     * @param origin      who inserts it
     * @param description one sentence for the docs
     */
    public record FactType(Class<?> type, Origin origin, String description) {
    }

    private static final List<FactType> ALL = List.of(
            new FactType(VendorProfile.class, Origin.VENDOR, "the whole profile; its nested records (vendor, "
                    + "assessment, ...) are reached through it, e.g. VendorProfile(vendor.country != null)"),
            new FactType(Service.class, Origin.VENDOR, "the service assessed"),
            new FactType(Company.class, Origin.VENDOR, "the provider's company"),
            new FactType(Support.class, Origin.VENDOR, "how the provider supports the service"),
            new FactType(Sla.class, Origin.VENDOR, "the service level agreement"),
            new FactType(Operations.class, Origin.VENDOR, "how the provider runs changes and incidents"),
            new FactType(Continuity.class, Origin.VENDOR, "continuity and exit"),
            new FactType(Contract.class, Origin.VENDOR, "the contract"),
            new FactType(Security.class, Origin.VENDOR, "security certifications and practices"),
            new FactType(Incident.class, Origin.VENDOR, "one fact per past incident"),
            new FactType(Context.class, Origin.VENDOR, "the tier, the assessment date and the scoring file's limits"),
            new FactType(Exposure.class, Origin.VENDOR, "what one provider-caused outage costs"),
            new FactType(PortfolioEntry.class, Origin.PORTFOLIO, "one per assessed service"),
            new FactType(PortfolioLimits.class, Origin.PORTFOLIO, "the scoring file's limits"),
            new FactType(Derived.CurrencyExposure.class, Origin.PORTFOLIO,
                    "the known outage exposure in one currency, summed over the batch"),
            new FactType(Derived.KindAlternatives.class, Origin.PORTFOLIO,
                    "vendors of a kind of service without active CRITICAL findings"),
            new FactType(Hit.class, Origin.RULES, "a finding rule fired: insert(hit(kcontext, ev(...)))"),
            new FactType(Unknown.class, Origin.RULES, "a fact a rule needs is unknown: insertLogical(unknown(path))"),
            new FactType(Derived.ImportantVendor.class, Origin.RULES, "a vendor runs a high or critical service"),
            new FactType(Derived.VendorExposure.class, Origin.RULES, "a vendor's exposure is known in a currency"));

    private FactTypes() {
    }

    /** Every fact type rules can match, the engine's first. */
    public static List<FactType> all() {
        return ALL;
    }

    /**
     * Hands the facts of one profile to {@code insert}, in the order the engine inserts them. The
     * types are those of {@link Origin#VENDOR}: a test holds the two together.
     */
    static void vendorFacts(VendorProfile profile, Context context, Exposure exposure, Consumer<Object> insert) {
        insert.accept(context);
        insert.accept(exposure);
        insert.accept(profile.service());
        insert.accept(profile.company());
        insert.accept(profile.support());
        insert.accept(profile.sla());
        insert.accept(profile.operations());
        insert.accept(profile.continuity());
        insert.accept(profile.contract());
        insert.accept(profile.security());
        insert.accept(profile);
        if (profile.incidents() != null) {
            for (Incident incident : profile.incidents()) {
                insert.accept(incident);
            }
        }
    }

    /** The fact type with this simple name, or null. */
    static FactType bySimpleName(String name) {
        for (FactType t : ALL) {
            if (t.type().getSimpleName().equals(name)) {
                return t;
            }
        }
        return null;
    }

    /**
     * The record fields of the facts that hold a value of {@code type}, as {@code Fact.field}:
     * how a pattern reaches a nested record that is not a fact itself.
     */
    static List<String> holders(Class<?> type) {
        List<String> out = new ArrayList<>();
        for (FactType t : ALL) {
            if (t.type().isRecord()) {
                for (RecordComponent c : t.type().getRecordComponents()) {
                    if (c.getType() == type || elementType(c.getGenericType()) == type) {
                        out.add(t.type().getSimpleName() + "." + c.getName());
                    }
                }
            }
        }
        return out;
    }

    private static Class<?> elementType(Type type) {
        if (type instanceof ParameterizedType p && p.getActualTypeArguments().length == 1
                && p.getActualTypeArguments()[0] instanceof Class<?> c) {
            return c;
        }
        return null;
    }

    /** The docs page {@code docs/rules-facts.md}: every fact type with its properties. */
    public static String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Fact types rules can match\n\n")
                .append("<!-- Generated from dev.vendorrisk.assessor.rules.FactTypes by FactTypesTest; do not edit.\n")
                .append("     Regenerate: mvn -B -q -pl assessor test -Dtest=FactTypesTest -Dvra.docs.update=true -->\n\n")
                .append("A pattern in a rule matches facts in the session. Only the types below are ever there: the\n")
                .append("engine inserts the first groups, rules insert the last. A pattern on any other type (for example\n")
                .append("`Vendor`, a record nested in the profile) can never match, and `vra rules check` warns about it:\n\n")
                .append("```\n")
                .append("mine/vendor.drl:7:5: warning: rule 'MINE-010' matches Vendor, which is never inserted into the"
                        + " session, so the rule can never fire; reach it through VendorProfile.vendor, e.g."
                        + " VendorProfile(vendor.country != null)\n")
                .append("```\n\n")
                .append("Nested records are reached through the fact that holds them, with a dotted path:\n")
                .append("`VendorProfile(vendor.country != null)`. Lists (`channels`, `incidents`, ...) are read with their own\n")
                .append("methods: `Support(channels contains Channel.PHONE)`.\n");
        Map<Origin, List<FactType>> byOrigin = new LinkedHashMap<>();
        for (FactType t : ALL) {
            byOrigin.computeIfAbsent(t.origin(), o -> new ArrayList<>()).add(t);
        }
        for (Map.Entry<Origin, List<FactType>> e : byOrigin.entrySet()) {
            String title = e.getKey().label();
            md.append("\n## ").append(Character.toUpperCase(title.charAt(0))).append(title.substring(1)).append("\n\n")
                    .append("| Fact type | What it is | Properties |\n")
                    .append("|---|---|---|\n");
            for (FactType t : e.getValue()) {
                md.append("| `").append(t.type().getSimpleName()).append("` | ").append(t.description()).append(" | ")
                        .append(properties(t.type())).append(" |\n");
            }
        }
        return md.toString();
    }

    private static String properties(Class<?> type) {
        if (!type.isRecord()) {
            return "";
        }
        List<String> out = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            out.add("`" + c.getName() + "` " + typeName(c.getGenericType()));
        }
        return String.join(", ", out);
    }

    private static String typeName(Type type) {
        if (type instanceof Class<?> c) {
            return c.getSimpleName();
        }
        if (type instanceof ParameterizedType p) {
            List<String> args = new ArrayList<>();
            for (Type a : p.getActualTypeArguments()) {
                args.add(typeName(a));
            }
            return typeName(p.getRawType()) + "&lt;" + String.join(", ", args) + "&gt;";
        }
        return type.getTypeName();
    }
}
