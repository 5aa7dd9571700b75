package dev.vendorrisk.assessor.profile;

import java.time.Year;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks a bound profile for values that are well-typed but impossible, each reported at the
 * offending value. Negative counts and amounts are already reported by {@link ProfileBinder}.
 */
final class ProfileChecks {
    static final int SCHEMA_VERSION = 1;
    static final int FIRST_FOUNDING_YEAR = 1800;

    private static final Pattern VENDOR_ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern RULE_ID = Pattern.compile("[A-Z]+-[0-9]{3}");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<String> CURRENCIES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode).collect(Collectors.toUnmodifiableSet());

    private final Map<String, SourcePosition> positions;
    private final SourcePosition root;
    private final Set<String> invalid;
    private final Problems problems;

    private ProfileChecks(Map<String, SourcePosition> positions, Set<String> invalid, SourcePosition root, Problems problems) {
        this.positions = positions;
        this.invalid = invalid;
        this.root = root;
        this.problems = problems;
    }

    /**
     * @param invalid paths already reported while binding (their value is null); not reported again
     */
    static void check(VendorProfile profile, Map<String, SourcePosition> positions, Set<String> invalid,
                      SourcePosition root, Problems problems) {
        new ProfileChecks(positions, invalid, root, problems).check(profile);
    }

    /**
     * Checks a portfolio waivers file: every entry needs vendor, rule, justification, owner and expires.
     *
     * @return where each waiver starts, in list order
     */
    static List<SourcePosition> checkWaiverFile(List<Waiver> waivers, Map<String, SourcePosition> positions,
                                                Set<String> invalid, SourcePosition root, Problems problems) {
        ProfileChecks checks = new ProfileChecks(positions, invalid, root, problems);
        List<SourcePosition> out = new ArrayList<>(waivers.size());
        for (int i = 0; i < waivers.size(); i++) {
            checks.waiver(waivers.get(i), "[" + i + "]", true);
            out.add(checks.at("[" + i + "]"));
        }
        return out;
    }

    private void check(VendorProfile profile) {
        schemaVersion(profile.schemaVersion());
        vendor(profile.vendor());
        service(profile.service());
        company(profile.company(), Year.now().getValue());
        Double availability = profile.sla().availabilityPercent();
        if (availability != null && availability > 100) {
            problems.add(at("sla.availabilityPercent"), "availability '" + number(availability)
                    + "' is above 100 percent; give the promised availability, e.g. 99.9");
        }
        List<Waiver> waivers = profile.assessment().waivers();
        for (int i = 0; i < waivers.size(); i++) {
            waiver(waivers.get(i), "assessment.waivers[" + i + "]", false);
        }
    }

    private void schemaVersion(Integer version) {
        if (version == null) {
            if (invalid.contains("schemaVersion")) {
                return;
            }
            if (!positions.containsKey("schemaVersion")) {
                problems.add(root, "missing 'schemaVersion'; add 'schemaVersion: " + SCHEMA_VERSION + "' at the top of the file");
            } else {
                problems.add(at("schemaVersion"), "'schemaVersion' is empty; write 'schemaVersion: " + SCHEMA_VERSION + "'");
            }
        } else if (version != SCHEMA_VERSION) {
            problems.add(at("schemaVersion"), "unsupported schemaVersion '" + version
                    + "'; this assessor reads schemaVersion " + SCHEMA_VERSION);
        }
    }

    private void vendor(Vendor vendor) {
        String id = vendor.id();
        if (id == null) {
            if (!invalid.contains("vendor.id") && !invalid.contains("vendor")) {
                problems.add(at("vendor.id"), "missing 'vendor.id'; give the vendor an id of lower-case letters, digits and '-', e.g. 'acme-hosting'");
            }
        } else if (!VENDOR_ID.matcher(id).matches()) {
            String slug = id.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
            problems.add(at("vendor.id"), "invalid vendor id '" + id + "'; use lower-case letters, digits and '-', starting with a letter or digit"
                    + (slug.isEmpty() ? ", e.g. 'acme-hosting'" : ", e.g. '" + slug + "'"));
        }
        String country = vendor.country();
        if (country != null && !COUNTRIES.contains(country)) {
            String upper = country.toUpperCase(Locale.ROOT);
            problems.add(at("vendor.country"), "'" + country + "' is not an ISO 3166-1 alpha-2 country code; "
                    + (COUNTRIES.contains(upper) ? "write it in capitals: '" + upper + "'" : "use two capital letters such as 'CZ' or 'DE'"));
        }
    }

    private void service(Service service) {
        String currency = service.currency();
        if (currency != null && !CURRENCIES.contains(currency)) {
            String upper = currency.toUpperCase(Locale.ROOT);
            problems.add(at("service.currency"), "'" + currency + "' is not an ISO 4217 currency code; "
                    + (CURRENCIES.contains(upper) ? "write it in capitals: '" + upper + "'" : "use three capital letters such as 'EUR' or 'CZK'"));
        }
    }

    private void company(Company company, int thisYear) {
        Integer staff = company.staffCount();
        Integer technical = company.technicalStaffCount();
        if (staff != null && staff == 0) {
            problems.add(at("company.staffCount"), "'company.staffCount' is 0, but a company has at least one person; "
                    + "give the number of people employed (1 for a one-person company)");
        }
        if (staff != null && technical != null && technical > staff) {
            problems.add(at("company.technicalStaffCount"), "'company.technicalStaffCount' (" + technical
                    + ") is larger than 'company.staffCount' (" + staff + "); technical staff are counted in the staff too");
        }
        Integer founded = company.foundedYear();
        if (founded != null && (founded < FIRST_FOUNDING_YEAR || founded > thisYear + 1)) {
            problems.add(at("company.foundedYear"), "foundedYear '" + founded + "' is out of range; give a year between "
                    + FIRST_FOUNDING_YEAR + " and " + (thisYear + 1));
        }
    }

    private void waiver(Waiver waiver, String path, boolean needsVendor) {
        List<String> missing = new ArrayList<>();
        if (needsVendor && waiver.vendor() == null && !invalid.contains(path + ".vendor")) {
            missing.add("'vendor'");
        }
        if (waiver.rule() == null && !invalid.contains(path + ".rule")) {
            missing.add("'rule'");
        }
        if (waiver.justification() == null && !invalid.contains(path + ".justification")) {
            missing.add("'justification'");
        }
        if (waiver.owner() == null && !invalid.contains(path + ".owner")) {
            missing.add("'owner'");
        }
        if (waiver.expires() == null && !invalid.contains(path + ".expires")) {
            missing.add("'expires'");
        }
        if (!missing.isEmpty()) {
            problems.add(at(path), "waiver is missing " + String.join(", ", missing)
                    + (needsVendor ? "; every waiver in a waivers file needs vendor, rule, justification, owner and expires"
                    : "; every waiver needs rule, justification, owner and expires"));
        }
        if (waiver.rule() != null && !RULE_ID.matcher(waiver.rule()).matches()) {
            problems.add(at(path + ".rule"), "invalid rule id '" + waiver.rule() + "'; rule ids look like 'CORP-001'");
        }
        if (waiver.vendor() != null && !VENDOR_ID.matcher(waiver.vendor()).matches()) {
            problems.add(at(path + ".vendor"), "invalid vendor id '" + waiver.vendor()
                    + "'; use the vendor's id: lower-case letters, digits and '-'");
        }
    }

    /** The position of {@code path}, else of its closest parent present in the file, else of the profile. */
    private SourcePosition at(String path) {
        String p = path;
        while (!p.isEmpty()) {
            SourcePosition position = positions.get(p);
            if (position != null) {
                return position;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut > 0 ? p.substring(0, cut) : "";
        }
        return root;
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
