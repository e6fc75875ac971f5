package dev.parley.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses state-changing requests that a browser reports as coming from another site
 * ({@code Sec-Fetch-Site}). This backs up the CSRF token: it also stops a sibling sub-domain that could
 * plant its own CSRF cookie. Browsers that send no such header still need a matching token.
 */
public class CrossSiteFormGuard {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> FOREIGN = Set.of("cross-site", "same-site");

    @ServerRequestFilter(preMatching = true)
    public Response refuseForeignForms(ContainerRequestContext request) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return null;
        }
        String site = request.getHeaderString("Sec-Fetch-Site");
        if (site == null || !FOREIGN.contains(site.strip().toLowerCase())) {
            return null;
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
}
