package dev.parley.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses state-changing requests that come from another site, by the browser's own account: a
 * {@code Sec-Fetch-Site} of another site, or an {@code Origin} that is not Parley's. This backs up the CSRF
 * token: it also stops a sibling sub-domain that could plant its own CSRF cookie, and browsers that send only
 * one of the two headers are still checked. A client that sends neither still needs a matching token. The forms
 * inside registered sites' pages ({@link HostPageForms}) may also come from those sites' origins.
 */
public class CrossSiteFormGuard {

    @jakarta.inject.Inject
    HostPages hostPages;

    private static final Logger LOG = Logger.getLogger(CrossSiteFormGuard.class);
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> FOREIGN = Set.of("cross-site", "same-site");

    @ServerRequestFilter(preMatching = true)
    public Response refuseForeignForms(ContainerRequestContext request) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return null;
        }
        String site = request.getHeaderString("Sec-Fetch-Site");
        boolean foreignSite = site != null && FOREIGN.contains(site.strip().toLowerCase(Locale.ROOT));
        String origin = request.getHeaderString("Origin");
        URI own = request.getUriInfo().getBaseUri();
        // A page sent with "Referrer-Policy: no-referrer" (the pages reached by a mail link, whose address holds a
        // token) makes the browser send "Origin: null" with its own forms; Sec-Fetch-Site still says same-origin.
        boolean ownOpaqueOrigin = "null".equals(origin == null ? null : origin.strip())
                && site != null
                && "same-origin".equals(site.strip().toLowerCase(Locale.ROOT));
        boolean foreignOrigin = origin != null && !ownOpaqueOrigin && !sameOrigin(origin, own);
        if (!foreignSite && !foreignOrigin) {
            return null;
        }
        if (origin != null
                && HostPageForms.receives(request.getUriInfo().getPath())
                && hostPages.isRegisteredOrigin(origin)) {
            // The reply form of a thread inside a registered site's page.
            return null;
        }
        if (foreignOrigin && !foreignSite) {
            // Usually a proxy that hides the public address: PARLEY_BEHIND_PROXY tells Parley to believe it.
            LOG.warnf(
                    "Refused a form from origin %s: Parley's address here is %s (behind a proxy, set"
                            + " PARLEY_BEHIND_PROXY=true)",
                    origin.length() > 100 ? origin.substring(0, 100) : origin, origin(own));
        }
        return Response.status(Response.Status.FORBIDDEN)
                .type(MediaType.TEXT_HTML_TYPE)
                .entity(ErrorPages.Templates.page(
                        403,
                        "Form sent from another site",
                        "Parley only accepts forms sent from its own pages. Nothing was saved.",
                        null,
                        null))
                .build();
    }

    /** Whether an {@code Origin} header names this very site; "null" (a sandboxed or opaque origin) never does. */
    static boolean sameOrigin(String header, URI own) {
        try {
            URI origin = URI.create(header.strip());
            return origin.getScheme() != null
                    && origin.getHost() != null
                    && origin(origin).equals(origin(own));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String origin(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }
}
