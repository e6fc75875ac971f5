package dev.parley.site;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The origins of every registered site, kept in memory so that the CORS answer (given before any page code runs,
 * on the I/O thread) needs no database. Read again every {@value #REFRESH} and at once after a change on this
 * instance ({@link #reload()}): another instance answers a newly registered origin within that time.
 */
@ApplicationScoped
public class RegisteredOrigins {

    static final String REFRESH = "10s";
    private static final Logger LOG = Logger.getLogger(RegisteredOrigins.class);

    private volatile List<PageAddresses> sites = List.of();

    void onStart(@Observes StartupEvent start) {
        reload();
    }

    @Scheduled(every = REFRESH, delayed = REFRESH, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        reload();
    }

    /** Reads the sites again; call after registering, changing or removing one. */
    public void reload() {
        try {
            sites = QuarkusTransaction.requiringNew()
                    .call(() -> Site.listByName().stream().map(Site::addresses).toList());
        } catch (RuntimeException e) {
            // The database is away: the origins known until now stay, and the next refresh tries again.
            LOG.debugf("Registered origins not reloaded: %s", e.getMessage());
        }
    }

    /** Whether a browser's {@code Origin} header names an origin of a registered site. */
    public boolean allows(String origin) {
        return origin != null && sites.stream().anyMatch(site -> site.allowsOrigin(origin));
    }
}
