package dev.vendorrisk.assessor.scoring;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.vendorrisk.assessor.Diagnostic;
import dev.vendorrisk.assessor.RuleBaseException;
import java.util.List;

/** Reads a scoring file strictly: unknown keys and wrong types are diagnostics with line and column. */
public final class PolicyReader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    private PolicyReader() {
    }

    /** Parses one scoring file; the result may be partial (an overlay). */
    public static Policy read(String file, String content) {
        if (content.isBlank()) {
            return new Policy(null, null, null, null, null, null, null, null, null, null, null, null);
        }
        try {
            Policy policy = YAML.readValue(content, Policy.class);
            return policy != null ? policy : read(file, "");
        } catch (UnrecognizedPropertyException e) {
            throw failure(file, e, "unknown key '" + e.getPropertyName() + "'; valid keys: "
                    + String.join(", ", e.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList()));
        } catch (JsonProcessingException e) {
            throw failure(file, e, e.getOriginalMessage().split("\\R")[0]);
        }
    }

    /** Checks that a merged policy has every value the model needs. */
    public static void check(String file, Policy policy) {
        List<String> problems = policy.problems();
        if (!problems.isEmpty()) {
            throw new RuleBaseException(problems.stream().map(p -> new Diagnostic(file, 0, 0, p)).toList());
        }
    }

    private static RuleBaseException failure(String file, JsonProcessingException e, String message) {
        JsonLocation at = e.getLocation();
        return new RuleBaseException(List.of(new Diagnostic(file, at == null ? 0 : at.getLineNr(),
                at == null ? 0 : at.getColumnNr(), message)));
    }
}
