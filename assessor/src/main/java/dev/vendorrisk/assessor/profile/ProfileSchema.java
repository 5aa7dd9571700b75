package dev.vendorrisk.assessor.profile;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The profile format as {@link ProfileBinder} sees it, derived once from the profile records:
 * a key per record component (camelCase, or the component's {@code @JsonProperty} name), enums by
 * their {@code @JsonProperty} wire names. The records stay the single source of truth: a new
 * component is a new key without touching the reader.
 *
 * <p>Two components are not keys: {@link Incident#index()} (the item's place in {@code incidents})
 * and {@link FormerParent#none()} (false for an object, true only for the word {@code none}).
 */
final class ProfileSchema {

    /** The root: a whole profile file. */
    static final RecordType PROFILE = record(VendorProfile.class);

    /** The root of a portfolio waivers file: a list of waivers, each naming its vendor. */
    static final ListKind WAIVER_FILE = new ListKind(record(Waiver.class));

    /** Key name to the objects where that key is valid, for "it belongs in 'company'". */
    static final Map<String, List<String>> HOMES = homes();

    private ProfileSchema() {
    }

    /** What a value in the file may be. */
    sealed interface Kind permits Scalar, EnumKind, ListKind, RecordType, FormerParentKind {
    }

    /** Scalars; {@code expected} completes "expected ... for 'path'". */
    enum Scalar implements Kind {
        /** A non-negative whole number: counts, days. */
        COUNT("a whole number"),
        /** A whole number that may be negative in principle (a year, a version); checked later. */
        INTEGER("a whole number"),
        /** A non-negative decimal: hours, money, percentages. */
        AMOUNT("a number"),
        BOOLEAN("true or false"),
        TEXT("text"),
        DATE("a date (yyyy-mm-dd)"),
        DATE_OR_NEVER("a date (yyyy-mm-dd) or 'never'");

        final String expected;

        Scalar(String expected) {
            this.expected = expected;
        }
    }

    /** An enum, read by wire name. */
    record EnumKind(Map<String, Object> byWire, List<String> wires) implements Kind {
    }

    /** A list of one kind of item. */
    record ListKind(Kind item) implements Kind {
    }

    /** {@code formerParent}: an object, or the word {@code none}. */
    record FormerParentKind(RecordType object) implements Kind {
    }

    /** One key of an object. */
    record Field(String key, int component, Kind kind) {
    }

    /** An object bound to a record through its canonical constructor. */
    static final class RecordType implements Kind {
        final Class<?> type;
        final Constructor<?> constructor;
        /** Arguments for components that are not keys; the rest start as null. */
        final Object[] defaults;
        /** Component set to the item's index when the object is an item of a list, or -1. */
        final int indexComponent;
        final Map<String, Field> fields;
        final List<String> keys;

        private RecordType(Class<?> type, Constructor<?> constructor, Object[] defaults, int indexComponent,
                           Map<String, Field> fields) {
            this.type = type;
            this.constructor = constructor;
            this.defaults = defaults;
            this.indexComponent = indexComponent;
            this.fields = Collections.unmodifiableMap(fields);
            this.keys = List.copyOf(fields.keySet());
        }

        Field field(String key) {
            return fields.get(key);
        }
    }

    private static RecordType record(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] parameterTypes = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Object[] defaults = new Object[components.length];
        Map<String, Field> fields = new LinkedHashMap<>();
        int indexComponent = -1;
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            String name = component.getName();
            if (type == Incident.class && name.equals("index")) {
                indexComponent = i;
                defaults[i] = 0;
            } else if (type == FormerParent.class && name.equals("none")) {
                defaults[i] = false;
            } else if (component.getType().isPrimitive()) {
                throw new IllegalStateException(type.getSimpleName() + "." + name + " is primitive; profile facts must be nullable");
            } else {
                String key = wireName(component);
                fields.put(key, new Field(key, i, kind(type, name, component.getGenericType())));
            }
        }
        try {
            return new RecordType(type, type.getDeclaredConstructor(parameterTypes), defaults, indexComponent, fields);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("no canonical constructor in " + type, e);
        }
    }

    private static String wireName(RecordComponent component) {
        JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
        return property != null && !property.value().isEmpty() ? property.value() : component.getName();
    }

    private static Kind kind(Class<?> owner, String name, Type generic) {
        if (generic instanceof ParameterizedType parameterized && parameterized.getRawType() == List.class) {
            return new ListKind(kind(owner, name, parameterized.getActualTypeArguments()[0]));
        }
        Class<?> type = (Class<?>) generic;
        if (type == Integer.class) {
            boolean signed = owner == VendorProfile.class && name.equals("schemaVersion")
                    || owner == Company.class && name.equals("foundedYear");
            return signed ? Scalar.INTEGER : Scalar.COUNT;
        }
        if (type == Double.class) {
            return Scalar.AMOUNT;
        }
        if (type == Boolean.class) {
            return Scalar.BOOLEAN;
        }
        if (type == String.class) {
            return Scalar.TEXT;
        }
        if (type == LocalDate.class) {
            return Scalar.DATE;
        }
        if (type == DateOrNever.class) {
            return Scalar.DATE_OR_NEVER;
        }
        if (type == FormerParent.class) {
            return new FormerParentKind(record(FormerParent.class));
        }
        if (type.isEnum()) {
            return enumKind(type);
        }
        if (type.isRecord()) {
            return record(type);
        }
        throw new IllegalStateException("unsupported profile type " + type.getName() + " of " + owner.getSimpleName() + "." + name);
    }

    private static EnumKind enumKind(Class<?> type) {
        Map<String, Object> byWire = new LinkedHashMap<>();
        for (Object constant : type.getEnumConstants()) {
            String name = ((Enum<?>) constant).name();
            String wire;
            try {
                JsonProperty property = type.getField(name).getAnnotation(JsonProperty.class);
                wire = property != null ? property.value() : name.toLowerCase(java.util.Locale.ROOT);
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException(e);
            }
            byWire.put(wire, constant);
        }
        return new EnumKind(Collections.unmodifiableMap(byWire), List.copyOf(byWire.keySet()));
    }

    private static Map<String, List<String>> homes() {
        Map<String, List<String>> homes = new TreeMap<>();
        collectHomes(PROFILE, "", homes);
        homes.replaceAll((key, places) -> List.copyOf(places));
        return Collections.unmodifiableMap(homes);
    }

    private static void collectHomes(RecordType type, String where, Map<String, List<String>> homes) {
        for (Field field : type.fields.values()) {
            homes.computeIfAbsent(field.key(), k -> new ArrayList<>()).add(where);
            String path = where.isEmpty() ? field.key() : where + "." + field.key();
            Kind kind = field.kind() instanceof ListKind list ? list.item() : field.kind();
            String child = field.kind() instanceof ListKind ? path + "[]" : path;
            if (kind instanceof RecordType record) {
                collectHomes(record, child, homes);
            } else if (kind instanceof FormerParentKind parent) {
                collectHomes(parent.object(), child, homes);
            }
        }
    }
}
