package dev.parley.site;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;

/**
 * Finds which registered site a page belongs to and the key its thread is stored under ("url:" + the canonical
 * address, or "id:" + the host's stable identifier). Reads only: looking a page up never stores anything.
 */
public final class ThreadKeys {

    public static final int MAX_ID = 500;

    private ThreadKeys() {}

    /** A page of a registered site, with its canonical address. */
    public record SitePage(Site site, String url) {
        public String urlKey() {
            return "url:" + url;
        }
    }

    /** The site whose origin the page is on and its canonical address, or why there is none. */
    public static Result<SitePage> page(List<Site> sites, String raw) {
        PageAddresses.Refused refusal = null;
        for (Site site : sites) {
            PageAddresses addresses = site.addresses();
            if (!addresses.allowsOrigin(originOf(raw))) {
                continue;
            }
            PageAddresses.Result result = addresses.canonical(raw);
            if (result instanceof PageAddresses.Canonical canonical) {
                return new Found<>(new SitePage(site, canonical.url()));
            }
            refusal = (PageAddresses.Refused) result;
        }
        if (refusal != null) {
            return new Refused<>(refusal.reason());
        }
        if (sites.isEmpty()) {
            return new Refused<>("No site is registered with Parley yet.");
        }
        // No site has the page's origin: a malformed address says so; a good one on another origin is refused.
        PageAddresses.Result first = sites.get(0).addresses().canonical(raw);
        if (first instanceof PageAddresses.Refused malformed
                && !malformed.reason().startsWith("Pages of ")) {
            return new Refused<>(malformed.reason());
        }
        return new Refused<>("Pages of " + originOf(raw) + " cannot carry Parley threads: no site registered with"
                + " Parley has that origin.");
    }

    /** The first site that registered this origin ({@code https://blog.example.org}). */
    public static Optional<Site> siteOf(List<Site> sites, String origin) {
        return sites.stream().filter(s -> s.addresses().allowsOrigin(origin)).findFirst();
    }

    /** The key of a thread the host names by its own identifier, or why the identifier cannot be one. */
    public static Result<String> idKey(String id) {
        if (id == null || id.isBlank()) {
            return new Refused<>("The thread identifier is empty.");
        }
        if (id.length() > MAX_ID) {
            return new Refused<>("The thread identifier is longer than " + MAX_ID + " characters.");
        }
        if (id.codePoints().anyMatch(cp -> Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029)) {
            return new Refused<>("The thread identifier has control characters.");
        }
        return new Found<>("id:" + id);
    }

    /** A value found, or why not, in words for the host's developer. */
    public sealed interface Result<T> permits Found, Refused {}

    public record Found<T>(T value) implements Result<T> {}

    public record Refused<T>(String reason) implements Result<T> {}

    private static String originOf(String raw) {
        try {
            URI uri = new URI(raw == null ? "" : raw.strip());
            return uri.getScheme() == null || uri.getHost() == null
                    ? null
                    : uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
