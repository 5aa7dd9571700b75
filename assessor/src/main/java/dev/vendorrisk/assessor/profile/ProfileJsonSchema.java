package dev.vendorrisk.assessor.profile;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.classmate.ResolvedType;
import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.CustomDefinitionProviderV2;
import com.github.victools.jsonschema.generator.SchemaGenerationContext;
import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The JSON Schema (draft 2020-12) of a vendor profile, generated from the profile records with
 * victools' jsonschema-generator: keys from the record components, enums by their wire values,
 * descriptions from {@link ProfileDescriptions}, {@code never}/{@code none} as alternatives,
 * ranges, {@code additionalProperties: false}. Editors use it to complete and check profiles; the
 * reader stays the authority (it also checks what a schema cannot, such as ISO country codes).
 */
public final class ProfileJsonSchema {
    /** The schema's {@code $id}. */
    public static final String ID = "https://vendorrisk.dev/schema/profile-v1.json";

    private static final String DATE_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
    /** Facts that must be given: everything else may be absent or null ("not known"). */
    private static final Set<String> REQUIRED = Set.of("VendorProfile.schemaVersion", "VendorProfile.vendor", "Vendor.id",
            "Waiver.rule", "Waiver.justification", "Waiver.owner", "Waiver.expires");
    private static final Map<String, String> PATTERNS = Map.of(
            "Vendor.id", "^[a-z0-9][a-z0-9-]*$",
            "Vendor.country", "^[A-Z]{2}$",
            "Service.currency", "^[A-Z]{3}$",
            "Waiver.rule", "^[A-Z]+-[0-9]{3}$",
            "Waiver.vendor", "^[a-z0-9][a-z0-9-]*$");
    private static final Map<String, Integer> MINIMUM = Map.of(
            "VendorProfile.schemaVersion", 1,
            "Company.staffCount", 1,
            "Company.foundedYear", ProfileChecks.FIRST_FOUNDING_YEAR);
    private static final Map<String, Integer> MAXIMUM = Map.of(
            "VendorProfile.schemaVersion", 1,
            "Sla.availabilityPercent", 100);

    private ProfileJsonSchema() {
    }

    /** The schema as a JSON tree. */
    public static ObjectNode generate() {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12,
                OptionPreset.PLAIN_JSON)
                .with(Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT)
                .with(Option.NULLABLE_FIELDS_BY_DEFAULT)
                .without(Option.NONSTATIC_NONVOID_NONGETTER_METHODS);
        config.forFields()
                .withIgnoreCheck(f -> f.isFakeContainerItemScope() ? false
                        : f.getDeclaringType().getErasedType() == Incident.class && f.getName().equals("index")
                        || f.getDeclaringType().getErasedType() == FormerParent.class && f.getName().equals("none"))
                .withDescriptionResolver(f -> f.isFakeContainerItemScope() ? null
                        : ProfileDescriptions.of(f.getDeclaringType().getErasedType(), f.getName()))
                .withRequiredCheck(f -> REQUIRED.contains(key(f)))
                .withNullableCheck(f -> !REQUIRED.contains(key(f)))
                .withStringPatternResolver(f -> PATTERNS.get(key(f)))
                .withNumberInclusiveMinimumResolver(f -> {
                    if (f.isFakeContainerItemScope()) {
                        return null;
                    }
                    Integer min = MINIMUM.get(key(f));
                    if (min != null) {
                        return BigDecimal.valueOf(min);
                    }
                    Class<?> type = f.getType().getErasedType();
                    return type == Integer.class || type == Double.class ? BigDecimal.ZERO : null;
                })
                .withNumberInclusiveMaximumResolver(f -> {
                    Integer max = f.isFakeContainerItemScope() ? null : MAXIMUM.get(key(f));
                    return max == null ? null : BigDecimal.valueOf(max);
                });
        config.forTypesInGeneral().withCustomDefinitionProvider(new CustomDefinitionProviderV2() {
          @Override
          public CustomDefinition provideCustomSchemaDefinition(ResolvedType type, SchemaGenerationContext context) {
            Class<?> raw = type.getErasedType();
            ObjectNode node = context.getGeneratorConfig().createObjectNode();
            if (raw == LocalDate.class) {
                node.put("type", "string").put("format", "date").put("pattern", DATE_PATTERN);
            } else if (raw == DateOrNever.class) {
                ArrayNode anyOf = node.putArray("anyOf");
                anyOf.addObject().put("type", "string").put("format", "date").put("pattern", DATE_PATTERN);
                anyOf.addObject().put("const", "never");
            } else if (raw == FormerParent.class) {
                ArrayNode anyOf = node.putArray("anyOf");
                anyOf.add(context.createStandardDefinition(type, this));
                anyOf.addObject().put("const", "none");
            } else if (raw.isEnum()) {
                node.put("type", "string");
                ArrayNode values = node.putArray("enum");
                for (Object constant : raw.getEnumConstants()) {
                    values.add(wire(raw, (Enum<?>) constant));
                }
            } else {
                return null;
            }
            return new CustomDefinition(node, CustomDefinition.DefinitionType.STANDARD, CustomDefinition.AttributeInclusion.YES);
          }
        });
        ObjectNode schema = new SchemaGenerator(config.build()).generateSchema(VendorProfile.class);
        dropMisplacedAdditionalProperties(schema);
        ObjectNode out = new ObjectMapper().createObjectNode();
        out.put("$schema", schema.path("$schema").asText());
        out.put("$id", ID);
        out.put("title", "Vendor Risk Assessor profile (schemaVersion 1)");
        out.put("description", "One service bought from one vendor. A key that is absent or null means"
                + " 'not known'; the assessor reports it as an information gap.");
        schema.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("$schema")) {
                out.set(e.getKey(), e.getValue());
            }
        });
        return out;
    }

    /** The schema as indented JSON text. */
    public static String json() {
        try {
            return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(generate());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The generator also puts {@code additionalProperties: false} on the {@code anyOf} wrapper of
     * "an object or none", where it would forbid the object's own keys; it belongs on the object only.
     */
    private static void dropMisplacedAdditionalProperties(com.fasterxml.jackson.databind.JsonNode node) {
        if (node instanceof ObjectNode object && object.has("anyOf") && !object.has("properties")) {
            object.remove("additionalProperties");
        }
        node.forEach(ProfileJsonSchema::dropMisplacedAdditionalProperties);
    }

    private static String key(FieldScope f) {
        return f.getDeclaringType().getErasedType().getSimpleName() + "." + f.getName();
    }

    static String wire(Class<?> type, Enum<?> constant) {
        try {
            JsonProperty property = type.getField(constant.name()).getAnnotation(JsonProperty.class);
            return property != null ? property.value() : constant.name().toLowerCase(Locale.ROOT);
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }
}
