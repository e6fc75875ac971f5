package dev.parley.web;

import io.quarkus.qute.TemplateInstance;
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
        // A page returned inside a Response has no media type yet when filters run: its entity says it.
        boolean page = response.getEntity() instanceof TemplateInstance
                || type != null && type.isCompatible(MediaType.TEXT_HTML_TYPE);
        if (page && !response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "private, no-cache");
        }
    }
}
