package dev.vendorrisk.assessor.scoring;

import dev.vendorrisk.assessor.profile.DateOrNever;
import dev.vendorrisk.assessor.profile.FormerParent;
import dev.vendorrisk.assessor.profile.Incident;
import dev.vendorrisk.assessor.profile.VendorProfile;
import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Completeness (contract section 4.5): the share of the facts the rules read that are known.
 * The facts the rules read are the known facts of the profile's risk sections plus the unknown
 * facts some rule needed (the information gaps); unknown facts no rule needed do not count.
 */
public final class Completeness {
    /** Keys that describe rather than inform a rule. */
    private static final Set<String> DESCRIPTIVE = Set.of("name", "summary", "index", "none");

    private Completeness() {
    }

    /** Known facts / (known facts + distinct gaps); 1 when nothing is read. */
    public static double of(VendorProfile profile, long gaps) {
        long known = knownFacts(profile);
        return known + gaps == 0 ? 1.0 : (double) known / (known + gaps);
    }

    /** How many leaf facts of the risk sections are known. */
    public static long knownFacts(VendorProfile p) {
        long n = 0;
        for (Object section : List.of(p.service(), p.company(), p.support(), p.sla(), p.operations(),
                p.continuity(), p.contract(), p.security())) {
            n += count(section);
        }
        if (p.incidents() != null) {
            n += 1;
            for (Incident incident : p.incidents()) {
                n += count(incident);
            }
        }
        return n;
    }

    private static long count(Object value) {
        if (value == null) {
            return 0;
        }
        // instanceof Record, not getClass().isRecord(): that is a native call, once per fact of every profile
        if (value instanceof DateOrNever || value instanceof Collection<?> || !(value instanceof Record)) {
            return 1;
        }
        if (value instanceof FormerParent fp && fp.none()) {
            return 1;
        }
        long n = 0;
        for (Function<Object, Object> accessor : ACCESSORS.get(value.getClass())) {
            n += count(accessor.apply(value));
        }
        return n;
    }

    /**
     * The accessors of a record's informative components, made once per record class into plain functions
     * (a lambda per accessor): called for every fact of every profile, they must cost no more than a call.
     */
    @SuppressWarnings("unchecked")
    private static final ClassValue<Function<Object, Object>[]> ACCESSORS = new ClassValue<>() {
        @Override
        protected Function<Object, Object>[] computeValue(Class<?> type) {
            List<Function<Object, Object>> out = new java.util.ArrayList<>();
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            for (RecordComponent component : type.getRecordComponents()) {
                if (DESCRIPTIVE.contains(component.getName())) {
                    continue;
                }
                try {
                    MethodHandle getter = lookup.unreflect(component.getAccessor());
                    CallSite site = LambdaMetafactory.metafactory(lookup, "apply",
                            MethodType.methodType(Function.class), MethodType.methodType(Object.class, Object.class),
                            getter, getter.type().wrap());
                    out.add((Function<Object, Object>) site.getTarget().invokeExact());
                } catch (Throwable e) {
                    throw new IllegalStateException("cannot read " + component, e);
                }
            }
            return out.toArray(new Function[0]);
        }
    };
}
