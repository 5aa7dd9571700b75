package dev.vendorrisk.assessor.profile;

import dev.vendorrisk.assessor.Diagnostic;
import dev.vendorrisk.assessor.InvalidProfileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Year;
import java.util.List;
import java.util.function.Supplier;

import static dev.vendorrisk.assessor.profile.ProfileReaderTest.bytes;
import static dev.vendorrisk.assessor.profile.ProfileReaderTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Invalid profiles: every problem reported at once, each as {@code file:line:column: message}. */
class ProfileReaderErrorsTest {
    private static final String VALID_START = "schemaVersion: 1\nvendor:\n  id: acme-hosting\n";

    private final ProfileReader reader = new ProfileReader();

    @Test
    void reportsUnknownKeysWithTheClosestKeyOrTheValidOnes() {
        assertThat(errorsIn("invalid/unknown-keys.yaml")).containsExactly(
                "unknown-keys.yaml:4:1: unknown key 'suport'; did you mean 'support'?",
                "unknown-keys.yaml:7:3: unknown key 'staffCont' in 'company'; did you mean 'staffCount'?",
                "unknown-keys.yaml:8:3: unknown key 'headquarters' in 'company'; valid keys in 'company' are: staffCount, "
                        + "technicalStaffCount, foundedYear, servicesOffered, financialHealth, ownershipChangedOn, formerParent",
                "unknown-keys.yaml:10:3: unknown key 'staffCount' in 'service'; it belongs in 'company'");
    }

    @Test
    void reportsWrongTypesBadEnumValuesAndDatesAtTheValue() {
        assertThat(errorsIn("invalid/wrong-types.yaml")).containsExactly(
                "wrong-types.yaml:6:18: expected a whole number for 'service.usersAffected', found text '25'; write the number without quotes",
                "wrong-types.yaml:7:16: invalid value 'critcal' for 'service.criticality'; did you mean 'critical'? (one of: low, medium, high, critical)",
                "wrong-types.yaml:8:9: invalid value 'fax' for 'service.kind'; use one of: hosting, saas, telephony, network, msp, other",
                "wrong-types.yaml:9:15: expected a number for 'service.monthlyFee', found a list",
                "wrong-types.yaml:10:24: expected true or false for 'service.handlesPersonalData', found 'yes'; "
                        + "this format reads only true and false as booleans, not YAML 1.1 words like 'yes'",
                "wrong-types.yaml:12:15: expected a whole number for 'company.staffCount', found '1.5'; write it without a fraction",
                "wrong-types.yaml:13:23: expected a date (yyyy-mm-dd) or 'never' for 'company.ownershipChangedOn', found text 'last year'; "
                        + "write it as yyyy-mm-dd, e.g. 2018-02-19",
                "wrong-types.yaml:14:17: expected a mapping with name, separatedOn, providedSupport, or the word 'none' "
                        + "for 'company.formerParent', found text 'unknown'",
                "wrong-types.yaml:18:7: invalid value 'fax' for 'support.channels[1]'; use one of: phone, email, ticket, chat, forum",
                "wrong-types.yaml:19:6: empty item in 'support.channels'; remove it or give a value",
                "wrong-types.yaml:20:15: expected true or false for 'support.statusPage', found text 'true'; write true without quotes",
                "wrong-types.yaml:21:6: expected a mapping for 'sla', found a list",
                "wrong-types.yaml:23:20: '2017-13-01' is not a calendar date for 'continuity.lastRestoreTest'; check the month and day",
                "wrong-types.yaml:24:21: expected a number for 'continuity.restoreTimeHours', found text 'eight'",
                "wrong-types.yaml:26:11: expected a date (yyyy-mm-dd) for 'incidents[0].date', found text '12.02.2018'; "
                        + "write it as yyyy-mm-dd, e.g. 2018-02-19");
    }

    @Test
    void reportsImpossibleValuesAndIncompleteWaivers() {
        assertThat(errorsIn("invalid/impossible-values.yaml")).containsExactly(
                "impossible-values.yaml:1:16: unsupported schemaVersion '2'; this assessor reads schemaVersion 1",
                "impossible-values.yaml:3:7: invalid vendor id 'Acme Hosting'; use lower-case letters, digits and '-', "
                        + "starting with a letter or digit, e.g. 'acme-hosting'",
                "impossible-values.yaml:4:12: 'cz' is not an ISO 3166-1 alpha-2 country code; write it in capitals: 'CZ'",
                "impossible-values.yaml:6:13: 'EURO' is not an ISO 4217 currency code; use three capital letters such as 'EUR' or 'CZK'",
                "impossible-values.yaml:7:18: negative value '-5' for 'service.usersAffected'; it cannot be less than 0",
                "impossible-values.yaml:8:15: negative value '-200' for 'service.monthlyFee'; it cannot be less than 0",
                "impossible-values.yaml:11:24: 'company.technicalStaffCount' (3) is larger than 'company.staffCount' (2); "
                        + "technical staff are counted in the staff too",
                "impossible-values.yaml:12:16: foundedYear '1700' is out of range; give a year between 1800 and "
                        + (Year.now().getValue() + 1),
                "impossible-values.yaml:14:24: availability '100.5' is above 100 percent; give the promised availability, e.g. 99.9",
                "impossible-values.yaml:17:20: negative value '-3' for 'incidents[0].durationHours'; it cannot be less than 0",
                "impossible-values.yaml:20:13: invalid rule id 'corp-1'; rule ids look like 'CORP-001'",
                "impossible-values.yaml:24:7: waiver is missing 'justification', 'owner', 'expires'; "
                        + "every waiver needs rule, justification, owner and expires");
    }

    @Test
    void reportsACompanyWithoutStaffAndAFoundingYearInTheFuture() {
        int tooLate = Year.now().getValue() + 2;
        assertThat(errors(VALID_START + "company:\n  staffCount: 0\n  foundedYear: " + tooLate + "\n")).containsExactly(
                "t.yaml:5:15: 'company.staffCount' is 0, but a company has at least one person; "
                        + "give the number of people employed (1 for a one-person company)",
                "t.yaml:6:16: foundedYear '" + tooLate + "' is out of range; give a year between 1800 and " + (tooLate - 1));
    }

    @Test
    void reportsMissingRequiredKeysAtTheEnclosingMapping() {
        assertThat(errors("# a vendor without an id\nvendor:\n  name: Acme\n")).containsExactly(
                "t.yaml:2:1: missing 'schemaVersion'; add 'schemaVersion: 1' at the top of the file",
                "t.yaml:3:3: missing 'vendor.id'; give the vendor an id of lower-case letters, digits and '-', e.g. 'acme-hosting'");
    }

    @Test
    void reportsAValueOfTheWrongTypeOnlyOnce() {
        assertThat(errors("schemaVersion: '1'\nvendor:\n  id: [acme]\n")).containsExactly(
                "t.yaml:1:16: expected a whole number for 'schemaVersion', found text '1'; write the number without quotes",
                "t.yaml:3:7: expected text for 'vendor.id', found a list");
    }

    @Test
    void rejectsTheBooleansTrueAndFalseWhereTextIsExpected() {
        assertThat(errors(VALID_START + "service:\n  name: true\n")).containsExactly(
                "t.yaml:5:9: expected text for 'service.name', found 'true'; quote it if you mean the text: '\"true\"'");
    }

    @Test
    void rejectsNumbersThatAreNotUsable() {
        assertThat(errors("schemaVersion: 99999999999\nvendor: {id: x}\nsla: {availabilityPercent: .inf}\n")).containsExactly(
                "t.yaml:1:16: '99999999999' is too large for 'schemaVersion'; give a smaller whole number",
                "t.yaml:3:28: '.inf' is not a usable number for 'sla.availabilityPercent'; write a plain decimal number such as 12 or 99.9");
    }

    @Test
    void reportsDuplicateKeysAndReadsOn() {
        assertThat(errors(VALID_START + "company:\n  staffCount: 1\n  staffCount: 2\n  staffCont: 3\n")).containsExactly(
                "t.yaml:6:3: duplicate key 'staffCount' in 'company'; keep only one of them",
                "t.yaml:7:3: unknown key 'staffCont' in 'company'; did you mean 'staffCount'?");
    }

    @Test
    void reportsEveryProblemOfAFileTogetherInFileOrder() {
        InvalidProfileException e = catchThrowableOfType(InvalidProfileException.class,
                () -> reader.read("many.yaml", bytes("""
                        schemaVersion: 1
                        vendor:
                          id: acme-hosting
                          country: XX
                        company:
                          staffCount: -1
                          foundedYear: "2009"
                        supprot: {}
                        """)));

        assertThat(e.diagnostics()).extracting(Diagnostic::line, Diagnostic::column).containsExactly(
                org.assertj.core.groups.Tuple.tuple(4, 12),
                org.assertj.core.groups.Tuple.tuple(6, 15),
                org.assertj.core.groups.Tuple.tuple(7, 16),
                org.assertj.core.groups.Tuple.tuple(8, 1));
        assertThat(e.getMessage()).contains("many.yaml:8:1: unknown key 'supprot'; did you mean 'support'?");
    }

    @Test
    void stopsAfterAHundredProblems() {
        StringBuilder yaml = new StringBuilder(VALID_START);
        for (int i = 0; i < 500; i++) {
            yaml.append("unknown").append(i).append(": x\n");
        }
        List<String> errors = errors(yaml.toString());

        assertThat(errors).hasSize(Problems.LIMIT + 1);
        assertThat(errors.get(Problems.LIMIT)).isEqualTo("t.yaml:103:1: too many problems; stopped reading after the first 100");
    }

    @Test
    void reportsAnEmptyFileOnce() {
        assertThat(errorsIn("invalid/empty.yaml"))
                .containsExactly("empty.yaml: empty profile; expected a mapping with 'schemaVersion: 1'");
        assertThat(errors("")).containsExactly("t.yaml: empty profile; expected a mapping with 'schemaVersion: 1'");
        assertThat(errors("---\n")).containsExactly("t.yaml: empty profile; expected a mapping with 'schemaVersion: 1'");
    }

    @Test
    void reportsATopLevelThatIsNotAMapping() {
        assertThat(errorsIn("invalid/not-a-mapping.yaml")).containsExactly("not-a-mapping.yaml:1:1: a profile must be a mapping "
                + "of keys such as 'schemaVersion' and 'vendor', found a list; see the profile format in docs/profiles.md");
        assertThat(errors("just text\n")).singleElement().asString().startsWith("t.yaml:1:1: a profile must be a mapping");
    }

    @Test
    void reportsYamlSyntaxErrorsAtTheirPosition() {
        assertThat(errorsIn("invalid/syntax-error.yaml")).containsExactly("syntax-error.yaml:4:8: invalid YAML: mapping values "
                + "are not allowed here; put a space after each ':' and quote values that contain ': '");
        assertThat(errors("schemaVersion: 1\nvendor:\n\tid: x\n")).singleElement().asString()
                .startsWith("t.yaml:3:1: invalid YAML: found character '\\t(TAB)'").endsWith("; indent with spaces, not tabs");
        assertThat(errors("schemaVersion: 1\nvendor: {id: \"x}\n")).singleElement().asString()
                .startsWith("t.yaml:3:1: invalid YAML: found unexpected end of stream (while scanning a quoted scalar started at line 2)");
    }

    @Test
    void keepsProblemsFoundBeforeASyntaxError() {
        assertThat(errors("schemaVersion: 1\nvendor:\n  id: acme-hosting\nsuport: {}\nsla: [\n")).containsExactly(
                "t.yaml:4:1: unknown key 'suport'; did you mean 'support'?",
                "t.yaml:5:6: expected a mapping for 'sla', found a list",
                "t.yaml:6:1: invalid YAML: expected the node content, but found '<stream end>' (while parsing a flow node started at line 6); "
                        + "check the quoting and indentation near here");
    }

    @Test
    void refusesASecondDocument() {
        assertThat(errors(VALID_START + "---\nschemaVersion: 1\n")).containsExactly("t.yaml:5:1: a second YAML document starts here; "
                + "a profile file holds one document, so remove the '---' and what follows");
    }

    @Test
    void refusesDeepNesting() {
        assertThat(errors(VALID_START + "security:\n  certifications: " + "[".repeat(1000) + "]".repeat(1000) + "\n"))
                .containsExactly(
                        "t.yaml:5:20: expected text for 'security.certifications[0]', found a list",
                        "t.yaml:5:67: the profile nests deeper than 50 levels; a profile needs only a few");
    }

    @Test
    void failsFastOnABillionLaughsAliasBomb() {
        List<String> errors = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> errorsIn("invalid/billion-laughs.yaml"));

        assertThat(errors).contains("billion-laughs.yaml:3:8: YAML aliases such as '*a' are not supported in a profile; "
                + "write the values out in full");
        assertThat(errors).filteredOn(error -> error.contains("alias")).hasSize(1);
    }

    @Test
    void refusesAFileOverTheLimitWithoutParsingIt(@TempDir Path dir) throws IOException {
        byte[] twoMegabytes = bytes(VALID_START + "# padding\n".repeat((2 << 20) / 10));
        assertThat(twoMegabytes.length).isGreaterThan(2_000_000);

        List<String> errors = assertTimeoutPreemptively(Duration.ofSeconds(1), () -> errors(reader, "big.yaml", twoMegabytes));
        assertThat(errors).containsExactly("big.yaml: file is " + twoMegabytes.length
                + " bytes, larger than the 1 MiB limit; a profile is a few KiB, so check that this is the right file");

        Path file = dir.resolve("big.yaml");
        Files.write(file, twoMegabytes);
        assertThatThrownBy(() -> reader.read(file)).isInstanceOf(InvalidProfileException.class)
                .hasMessage(file + ": file is " + twoMegabytes.length
                        + " bytes, larger than the 1 MiB limit; a profile is a few KiB, so check that this is the right file");

        assertThat(errors(new ProfileReader(1000), "t.yaml", new byte[1001]))
                .containsExactly("t.yaml: file is 1001 bytes, larger than the 1000-byte limit; a profile is a few KiB, so check that this is the right file");
    }

    @Test
    void readsALargeFileUnderARaisedLimitQuickly() {
        byte[] twoMegabytes = bytes(VALID_START + "# padding\n".repeat((2 << 20) / 10));
        ProfileReader generous = new ProfileReader(4 << 20);

        ParsedProfile parsed = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> generous.read("big.yaml", twoMegabytes));
        assertThat(parsed.profile().vendor().id()).isEqualTo("acme-hosting");
    }

    @Test
    void reportsAFileThatCannotBeRead(@TempDir Path dir) {
        Path missing = dir.resolve("missing.yaml");
        assertThatThrownBy(() -> reader.read(missing)).isInstanceOf(InvalidProfileException.class)
                .hasMessage(missing + ": cannot read: no such file");
        assertThatThrownBy(() -> reader.read(dir)).isInstanceOf(InvalidProfileException.class)
                .hasMessage(dir + ": cannot read: it is a directory; give a profile file");
    }

    @Test
    void reportsTheSameProblemsInJson() {
        assertThat(errors(reader, "wrong-types.json", () -> reader.readJson("wrong-types.json", fixture("invalid/wrong-types.json"))))
                .containsExactly(
                        "wrong-types.json:5:22: expected a whole number for 'service.usersAffected', found text '25'; write the number without quotes",
                        "wrong-types.json:6:20: invalid value 'critcal' for 'service.criticality'; did you mean 'critical'? (one of: low, medium, high, critical)",
                        "wrong-types.json:8:3: unknown key 'suport'; did you mean 'support'?",
                        "wrong-types.json:9:37: empty item in 'support.channels'; remove it or give a value");
    }

    @Test
    void reportsJsonSyntaxErrorsAndEmptyInput() {
        assertThat(jsonErrors("{\"schemaVersion\": 1,\n \"vendor\": {\"id\": \"x\",}}")).containsExactly(
                "t.json:2:23: invalid JSON: Unexpected character ('}' (code 125)): was expecting double-quote to start field name");
        assertThat(jsonErrors("")).containsExactly("t.json: empty profile; expected an object with '\"schemaVersion\": 1'");
        assertThat(jsonErrors("[1]")).containsExactly("t.json:1:1: a profile must be an object of keys such as 'schemaVersion' "
                + "and 'vendor', found a list; see the profile format in docs/profiles.md");
        assertThat(jsonErrors("{\"schemaVersion\": 1, \"vendor\": {\"id\": \"x\"}} {}")).containsExactly(
                "t.json:1:45: unexpected content after the profile's closing '}'; a profile file holds one JSON object");
    }

    private List<String> errorsIn(String fixture) {
        String name = fixture.substring(fixture.lastIndexOf('/') + 1);
        return errors(reader, name, fixture(fixture));
    }

    private List<String> errors(String yaml) {
        return errors(reader, "t.yaml", bytes(yaml));
    }

    private List<String> jsonErrors(String json) {
        return errors(reader, "t.json", () -> reader.readJson("t.json", bytes(json)));
    }

    private static List<String> errors(ProfileReader reader, String file, byte[] content) {
        return errors(reader, file, () -> reader.read(file, content));
    }

    private static List<String> errors(ProfileReader reader, String file, Supplier<ParsedProfile> read) {
        InvalidProfileException e = catchThrowableOfType(InvalidProfileException.class, read::get);
        assertThat(e).as("%s should be invalid", file).isNotNull();
        return e.diagnostics().stream().map(Diagnostic::render).toList();
    }
}
