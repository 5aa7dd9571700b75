package dev.vendorrisk.assessor.rules.safety;

import dev.vendorrisk.assessor.portfolio.Derived;
import dev.vendorrisk.assessor.portfolio.PortfolioEntry;
import dev.vendorrisk.assessor.portfolio.PortfolioLimits;
import dev.vendorrisk.assessor.profile.VendorProfile;
import dev.vendorrisk.assessor.rules.Context;
import dev.vendorrisk.assessor.rules.Emit;
import dev.vendorrisk.assessor.rules.Evidence;
import dev.vendorrisk.assessor.rules.Hit;
import dev.vendorrisk.assessor.rules.Unknown;
import dev.vendorrisk.assessor.scoring.Exposure;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every name the safe rule language allows: the fact types and what they offer, the project's
 * helper functions, and the read methods of plain values. Built once from the classes themselves
 * (so a new profile field is allowed without touching this list), plus a short hand-written list
 * for the JDK's value types. A name that is not here is refused.
 */
final class Vocabulary {
    /** The DRL package of the project's own rules: they import exactly these. */
    static final Set<String> IMPORTS = Set.of(
            "dev.vendorrisk.assessor.profile.*",
            "dev.vendorrisk.assessor.rules.*",
            "dev.vendorrisk.assessor.portfolio.*",
            "dev.vendorrisk.assessor.portfolio.Derived.*",
            "dev.vendorrisk.assessor.scoring.Exposure",
            "java.time.LocalDate",
            "java.math.BigDecimal",
            "java.util.List",
            "java.util.Set",
            "java.util.Map");

    /** The one static import: the helper functions. */
    static final Set<String> FUNCTION_IMPORTS = Set.of("dev.vendorrisk.assessor.rules.Emit.*");

    /** Functions an action or a condition may call without a receiver. */
    static final Set<String> FUNCTIONS;

    /** What an action may call to add facts. */
    static final Set<String> INSERTS = Set.of("insert", "insertLogical");

    /** Functions of {@code accumulate}. */
    static final Set<String> ACCUMULATE_FUNCTIONS = Set.of(
            "count", "sum", "min", "max", "average", "collectList", "collectSet");

    /** DRL's operators that are words. */
    static final Set<String> DRL_OPERATORS = Set.of(
            "contains", "not", "memberOf", "matches", "excludes", "soundslike", "in");

    /** Rule attributes allowed, with how their value is checked. */
    static final Set<String> ATTRIBUTES = Set.of(
            "salience", "no-loop", "lock-on-active", "agenda-group", "activation-group", "dialect");

    /** Simple names of the types a rule may name: fact types and plain value types. */
    static final Set<String> TYPES;

    /** Types a rule may create with {@code new}. */
    static final Set<String> CONSTRUCTIBLE;

    /** Static members (methods, constants) by type name. */
    static final Map<String, Set<String>> STATICS;

    /** Methods that may be called on a value. */
    static final Set<String> METHODS;

    /** Properties a condition may read by name (record components, bean getters). */
    static final Set<String> PROPERTIES;

    private static final Set<String> OBJECT_METHODS = Set.of("equals", "hashCode", "toString", "compareTo");

    /** Read methods of the JDK's value types a rule may meet: strings, numbers, dates, enums, collections. */
    private static final Set<String> VALUE_METHODS = Set.of(
            // String
            "length", "isEmpty", "isBlank", "charAt", "contains", "startsWith", "endsWith", "equalsIgnoreCase",
            "compareToIgnoreCase", "indexOf", "lastIndexOf", "substring", "toLowerCase", "toUpperCase", "trim",
            "strip", "concat",
            // numbers
            "intValue", "longValue", "doubleValue", "signum",
            // LocalDate
            "isBefore", "isAfter", "isEqual", "getYear", "getMonthValue", "getDayOfMonth", "plusDays", "plusWeeks",
            "plusMonths", "plusYears", "minusDays", "minusWeeks", "minusMonths", "minusYears", "lengthOfMonth",
            // enums
            "name", "ordinal",
            // collections, read only
            "size", "containsAll", "get", "containsKey", "containsValue", "getOrDefault", "keySet", "values");

    /** Static members of the JDK's value types; nothing that reads the environment (e.g. Integer.getInteger). */
    private static final Map<String, Set<String>> VALUE_STATICS = Map.of(
            "String", Set.of("valueOf", "join", "format"),
            "Integer", Set.of("valueOf", "parseInt", "compare", "max", "min", "sum", "MAX_VALUE", "MIN_VALUE"),
            "Long", Set.of("valueOf", "parseLong", "compare", "max", "min", "sum", "MAX_VALUE", "MIN_VALUE"),
            "Double", Set.of("valueOf", "parseDouble", "compare", "max", "min", "sum", "MAX_VALUE", "MIN_VALUE"),
            "Math", Set.of("abs", "min", "max", "round", "floor", "ceil", "pow", "sqrt"),
            "LocalDate", Set.of("of", "parse"),
            "BigDecimal", Set.of("valueOf", "ZERO", "ONE", "TEN"),
            "List", Set.of("of", "copyOf"),
            "Set", Set.of("of", "copyOf"),
            "Map", Set.of("of", "copyOf"));

    static {
        Set<Class<?>> facts = new LinkedHashSet<>();
        Deque<Class<?>> todo = new ArrayDeque<>(List.of(VendorProfile.class, Context.class, Exposure.class,
                PortfolioEntry.class, PortfolioLimits.class, Hit.class, Evidence.class, Unknown.class));
        todo.addAll(List.of(Derived.class.getDeclaredClasses()));
        while (!todo.isEmpty()) {
            Class<?> c = todo.pop();
            if (!facts.add(c)) {
                continue;
            }
            if (c.isRecord()) {
                for (RecordComponent rc : c.getRecordComponents()) {
                    ownTypes(rc.getGenericType(), todo);
                }
            }
        }
        Set<String> types = new HashSet<>(VALUE_STATICS.keySet());
        types.addAll(Set.of("Boolean", "Number", "Object", "Collection"));
        Set<String> constructible = new HashSet<>();
        Map<String, Set<String>> statics = new HashMap<>(VALUE_STATICS);
        Set<String> methods = new HashSet<>(VALUE_METHODS);
        methods.addAll(OBJECT_METHODS);
        Set<String> properties = new HashSet<>();
        for (Class<?> c : facts) {
            types.add(c.getSimpleName());
            if (c.isRecord()) {
                constructible.add(c.getSimpleName());
            }
            Set<String> own = new HashSet<>();
            for (Method m : c.getDeclaredMethods()) {
                if (!Modifier.isPublic(m.getModifiers()) || m.isSynthetic() || m.isBridge()) {
                    continue;
                }
                if (Modifier.isStatic(m.getModifiers())) {
                    own.add(m.getName());
                } else {
                    methods.add(m.getName());
                    String property = property(m);
                    if (property != null) {
                        properties.add(property);
                    }
                }
            }
            for (Field f : c.getDeclaredFields()) {
                if (f.isEnumConstant() || Modifier.isPublic(f.getModifiers()) && Modifier.isStatic(f.getModifiers())
                        && Modifier.isFinal(f.getModifiers())) {
                    own.add(f.getName());
                }
            }
            if (c.isEnum()) {
                own.add("values");
                own.add("valueOf");
            }
            if (c.isRecord()) {
                for (RecordComponent rc : c.getRecordComponents()) {
                    properties.add(rc.getName());
                }
            }
            statics.merge(c.getSimpleName(), own, (a, b) -> {
                Set<String> both = new HashSet<>(a);
                both.addAll(b);
                return both;
            });
        }
        Set<String> functions = new HashSet<>();
        for (Method m : Emit.class.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers())) {
                functions.add(m.getName());
            }
        }
        FUNCTIONS = Set.copyOf(functions);
        TYPES = Set.copyOf(types);
        CONSTRUCTIBLE = Set.copyOf(constructible);
        Map<String, Set<String>> frozen = new HashMap<>();
        statics.forEach((k, v) -> frozen.put(k, Set.copyOf(v)));
        STATICS = Map.copyOf(frozen);
        METHODS = Set.copyOf(methods);
        PROPERTIES = Set.copyOf(properties);
    }

    private Vocabulary() {
    }

    /** Adds the project's own classes in {@code type} (its generic arguments too) to {@code todo}. */
    private static void ownTypes(Type type, Deque<Class<?>> todo) {
        if (type instanceof Class<?> c) {
            if (c.getName().startsWith("dev.vendorrisk.assessor.")) {
                todo.add(c);
            }
        } else if (type instanceof ParameterizedType p) {
            ownTypes(p.getRawType(), todo);
            for (Type arg : p.getActualTypeArguments()) {
                ownTypes(arg, todo);
            }
        }
    }

    /** {@code getStaffCount} -> {@code staffCount}, {@code isCritical} -> {@code critical}; else null. */
    private static String property(Method m) {
        if (m.getParameterCount() != 0) {
            return null;
        }
        String name = m.getName();
        for (String prefix : new String[] {"get", "is"}) {
            if (name.startsWith(prefix) && name.length() > prefix.length()
                    && Character.isUpperCase(name.charAt(prefix.length()))) {
                return Character.toLowerCase(name.charAt(prefix.length())) + name.substring(prefix.length() + 1);
            }
        }
        return null;
    }
}
