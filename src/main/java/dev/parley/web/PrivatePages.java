package dev.parley.web;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Pages carry a CSRF token, and article pages a reader's own pending comments and remembered details:
 * no shared cache (CDN, proxy) may keep them for someone else.
 */
public class PrivatePages {

    @ServerResponseFilter
    public void keepPagesPrivate(ContainerResponseContext response) {
        MediaType type = response.getMediaType();
        if (type != null
                && type.isCompatible(MediaType.TEXT_HTML_TYPE)
                && !response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "private, no-cache");
        }
    }
}
