package dev.parley.site;

import dev.parley.web.HostPages;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * The registered sites, kept in memory: the origin checks run on every cross-origin request (some of them before
 * a worker thread is involved), so they never wait for the database. Refreshed when the owner changes a site, and
 * every few seconds for changes made through another instance.
 */
@ApplicationScoped
@Startup
public class SiteRegistry implements HostPages {

    /** One site as the checks need it. */
    public record KnownSite(long id, String name, PageAddresses addresses) {}

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(SiteRegistry.class);

    private volatile List<KnownSite> sites = List.of();
    private volatile boolean failing;

    @Scheduled(every = "${parley.sites.refresh-every:10s}", delayed = "${parley.sites.refresh-every:10s}")
    public void refresh() {
        try {
            sites = QuarkusTransaction.requiringNew()
                    .call(() -> Site.listByName().stream()
                            .map(s -> new KnownSite(s.id, s.name, s.addresses()))
                            .toList());
            failing = false;
        } catch (RuntimeException e) {
            // The database is away (or the application is stopping): the sites known a moment ago still hold.
            if (!failing) {
                LOG.warnf(
                        "Could not re-read the registered sites, keeping the %d known: %s",
                        sites.size(), e.getMessage());
            }
            failing = true;
        }
    }

    @jakarta.annotation.PostConstruct
    void load() {
        refresh();
    }

    public List<KnownSite> all() {
        return sites;
    }

    /**
     * The registered site a page belongs to, with the page's canonical address; or why no site takes it (a
     * malformed address, or an origin nobody registered).
     */
    public Lookup lookUp(String address) {
        PageAddresses.Result first = null;
        for (KnownSite site : sites) {
            PageAddresses.Result result = site.addresses().canonical(address);
            if (result instanceof PageAddresses.Canonical canonical) {
                return new Located(site, canonical.url());
            }
            first = first == null ? result : first;
        }
        PageAddresses.Result why = first != null ? first : NO_SITE.canonical(address);
        return why instanceof PageAddresses.Refused refused
                ? new NotLocated(refused)
                : new NotLocated(new PageAddresses.Refused("Pages of this origin cannot carry Parley threads.", true));
    }

    private static final PageAddresses NO_SITE = new PageAddresses(List.of(), List.of(), TrailingSlash.KEEP, false);

    public sealed interface Lookup permits Located, NotLocated {}

    public record NotLocated(PageAddresses.Refused refused) implements Lookup {}

    public record Located(KnownSite site, String canonicalUrl) implements Lookup {}

    @Override
    public boolean isRegisteredOrigin(String originHeader) {
        return sites.stream().anyMatch(s -> s.addresses().allowsOrigin(originHeader));
    }

    @Override
    public Optional<String> knownPage(String address) {
        return lookUp(address) instanceof Located located ? Optional.of(located.canonicalUrl()) : Optional.empty();
    }
}
