package dev.vendorrisk.assessor.scoring;

import dev.vendorrisk.assessor.profile.DateOrNever;
import dev.vendorrisk.assessor.profile.FormerParent;
import dev.vendorrisk.assessor.profile.Incident;
import dev.vendorrisk.assessor.profile.VendorProfile;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.List;
import java.util.Set;

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
        if (value instanceof DateOrNever || value instanceof Collection<?> || !value.getClass().isRecord()) {
            return 1;
        }
        if (value instanceof FormerParent fp && fp.none()) {
            return 1;
        }
        long n = 0;
        for (MethodHandle accessor : ACCESSORS.get(value.getClass())) {
            try {
                n += count(accessor.invoke(value));
            } catch (Throwable e) {
                throw new IllegalStateException("cannot read a fact of " + value.getClass().getSimpleName(), e);
            }
        }
        return n;
    }

    /** The accessors of a record's informative components, looked up once per record class. */
    private static final ClassValue<MethodHandle[]> ACCESSORS = new ClassValue<>() {
        @Override
        protected MethodHandle[] computeValue(Class<?> type) {
            List<MethodHandle> out = new java.util.ArrayList<>();
            for (RecordComponent component : type.getRecordComponents()) {
                if (DESCRIPTIVE.contains(component.getName())) {
                    continue;
                }
                try {
                    out.add(MethodHandles.publicLookup().unreflect(component.getAccessor())
                            .asType(MethodType.methodType(Object.class, Object.class)));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot read " + component, e);
                }
            }
            return out.toArray(new MethodHandle[0]);
        }
    };
}
