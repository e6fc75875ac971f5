package dev.parley.web;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The time zone of the dates readers see ({@code PARLEY_TIME_ZONE}). Read and checked at start-up, so
 * that a misspelt zone stops Parley with a clear message instead of breaking pages later.
 */
@Startup
@ApplicationScoped
public class SiteTimeZone {

    private static volatile ZoneId zone = ZoneOffset.UTC;

    SiteTimeZone(@ConfigProperty(name = "parley.time-zone") String configured) {
        try {
            zone = ZoneId.of(configured.strip());
        } catch (java.time.DateTimeException unknown) {
            throw new IllegalStateException(
                    "PARLEY_TIME_ZONE=" + configured + " is not a time zone; use a name such as Europe/Paris or UTC",
                    unknown);
        }
    }

    /** For template extensions, which are static. */
    static ZoneId zone() {
        return zone;
    }
}
