package dev.vendorrisk.assessor.profile;

import java.time.LocalDate;

/**
 * The company the provider separated from, or the explicit answer {@code none}.
 *
 * @param none            true for {@code formerParent: none}; the other components are then null
 * @param name            the parent's name
 * @param separatedOn     when the provider separated from it
 * @param providedSupport whether the parent ran support before the split
 */
public record FormerParent(boolean none, String name, LocalDate separatedOn, Boolean providedSupport) {
    public static final FormerParent NONE = new FormerParent(true, null, null, null);

    @Override
    public String toString() {
        return none ? "none" : "FormerParent[name=" + name + ", separatedOn=" + separatedOn
                + ", providedSupport=" + providedSupport + "]";
    }
}
