package dev.vendorrisk.assessor.profile;

import java.util.List;

/** Null-preserving defensive copies: {@code null} stays "unknown", a list becomes immutable. */
final class Lists {
    private Lists() {
    }

    static <T> List<T> copy(List<T> list) {
        return list == null ? null : List.copyOf(list);
    }
}
