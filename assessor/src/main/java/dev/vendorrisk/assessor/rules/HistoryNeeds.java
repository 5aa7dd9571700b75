package dev.vendorrisk.assessor.rules;

import dev.vendorrisk.assessor.profile.Incident;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which unknown incident facts the history rules need (contract section 3, "Reading the catalogue"):
 * those that can still change whether HIST-001, HIST-002 or HIST-003 fires, given the facts that are
 * known. Each incident's match of a rule is yes, no or maybe; a rule that some incident already fires,
 * or that no incident can fire any more, needs nothing further. Of a "maybe" incident only the first
 * unknown deciding fact is needed: its date (which decides whether anything else about it matters),
 * then whether the provider caused it, then its duration (and the MTD it is compared with).
 *
 * <p>HIST-001: a provider-caused incident within {@code incidentWindowMonths} lasted longer than the
 * MTD. HIST-002: an incident within {@code unnotifiedWindowMonths} was not notified proactively.
 * HIST-003: {@code repeatedIncidents} or more provider-caused incidents within {@code incidentWindowMonths}.
 * Stateless; the rule file calls it once per evaluation.
 */
public final class HistoryNeeds {
    private static final String MTD = "service.maxTolerableDowntimeHours";

    private HistoryNeeds() {
    }

    private enum Match { YES, NO, MAYBE }

    /** Paths of the unknown facts the history rules need: incident facts and, for HIST-001, the MTD. */
    public static List<String> unknownFacts(List<Incident> incidents, Double mtd, Context c) {
        if (incidents == null || incidents.isEmpty()) {
            return List.of();
        }
        int n = incidents.size();
        Match[] longOutage = new Match[n];
        Match[] unannounced = new Match[n];
        Match[] counted = new Match[n];
        boolean longOutageFires = false;
        boolean longOutageOpen = false;
        boolean unannouncedFires = false;
        boolean unannouncedOpen = false;
        int sure = 0;
        int maybe = 0;
        for (int i = 0; i < n; i++) {
            Incident incident = incidents.get(i);
            longOutage[i] = longOutage(incident, mtd, c);
            unannounced[i] = unannounced(incident, c);
            counted[i] = counted(incident, c);
            longOutageFires |= longOutage[i] == Match.YES;
            longOutageOpen |= longOutage[i] == Match.MAYBE;
            unannouncedFires |= unannounced[i] == Match.YES;
            unannouncedOpen |= unannounced[i] == Match.MAYBE;
            sure += counted[i] == Match.YES ? 1 : 0;
            maybe += counted[i] == Match.MAYBE ? 1 : 0;
        }
        double repeated = c.limit("repeatedIncidents");
        boolean longOutageUndecided = !longOutageFires && longOutageOpen;
        boolean unannouncedUndecided = !unannouncedFires && unannouncedOpen;
        boolean repeatedUndecided = sure < repeated && sure + maybe >= repeated;
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < n; i++) {
            Incident incident = incidents.get(i);
            if (longOutageUndecided && longOutage[i] == Match.MAYBE) {
                if (incident.date() == null) {
                    out.add(incident.path("date"));
                } else if (incident.causedByProvider() == null) {
                    out.add(incident.path("causedByProvider"));
                } else {
                    if (incident.durationHours() == null) {
                        out.add(incident.path("durationHours"));
                    }
                    if (mtd == null) {
                        out.add(MTD);
                    }
                }
            }
            if (unannouncedUndecided && unannounced[i] == Match.MAYBE) {
                out.add(incident.path(incident.date() == null ? "date" : "notifiedProactively"));
            }
            if (repeatedUndecided && counted[i] == Match.MAYBE) {
                out.add(incident.path(incident.date() == null ? "date" : "causedByProvider"));
            }
        }
        return out.isEmpty() ? List.of() : new ArrayList<>(out);
    }

    /** HIST-001's match: provider-caused, within the window, longer than the MTD. */
    private static Match longOutage(Incident i, Double mtd, Context c) {
        Double hours = i.durationHours();
        boolean cannotExceed = hours != null && (hours == 0 || mtd != null && hours <= mtd);
        if (Boolean.FALSE.equals(i.causedByProvider()) || cannotExceed
                || i.date() != null && !c.withinMonths(i.date(), "incidentWindowMonths")) {
            return Match.NO;
        }
        return Boolean.TRUE.equals(i.causedByProvider()) && i.date() != null && hours != null && mtd != null
                ? Match.YES : Match.MAYBE;
    }

    /** HIST-002's match: not notified proactively, within its window. */
    private static Match unannounced(Incident i, Context c) {
        if (Boolean.TRUE.equals(i.notifiedProactively())
                || i.date() != null && !c.withinMonths(i.date(), "unnotifiedWindowMonths")) {
            return Match.NO;
        }
        return Boolean.FALSE.equals(i.notifiedProactively()) && i.date() != null ? Match.YES : Match.MAYBE;
    }

    /** Whether HIST-003 counts the incident: provider-caused, within the window. */
    private static Match counted(Incident i, Context c) {
        if (Boolean.FALSE.equals(i.causedByProvider())
                || i.date() != null && !c.withinMonths(i.date(), "incidentWindowMonths")) {
            return Match.NO;
        }
        return Boolean.TRUE.equals(i.causedByProvider()) && i.date() != null ? Match.YES : Match.MAYBE;
    }
}
