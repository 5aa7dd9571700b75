package dev.vendorrisk.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** The clock that gives "today" for profiles without {@code assessment.assessedOn}; tests replace it. */
@ApplicationScoped
public class Clocks {
    /** The system clock in the default time zone. */
    @Produces
    @ApplicationScoped
    public Clock clock() {
        return Clock.systemDefaultZone();
    }
}
