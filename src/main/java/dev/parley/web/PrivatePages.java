package dev.parley.web;

import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Pages carry a CSRF token, and article pages a reader's own pending comments and remembered details: no shared
 * cache (CDN, proxy) may keep them for someone else. Staff pages and sign-in forms go further: nothing, not even
 * the browser's history, keeps them (a moderation queue with e-mail and IP addresses must not reappear from a
 * shared computer's disk cache after the moderator logged out).
 */
public class PrivatePages {

    static final String SHARED_CACHES_NEVER = "private, no-cache";
    static final String NEVER_STORED = "no-store";

    static final String NO_REFERRER = "no-referrer";

    /**
     * {@link TokenInAddress} pages: the policy replaces the site-wide one in the response's own headers (the HTTP
     * layer added that before the request got here; adding ours would send two).
     */
    @ServerResponseFilter
    public void keepTokensInAddressesPrivate(ResourceInfo resource, io.vertx.core.http.HttpServerResponse http) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method != null && marked(method, method.getDeclaringClass(), TokenInAddress.class)) {
            http.headers().set("Referrer-Policy", NO_REFERRER);
        }
    }

    @ServerResponseFilter
    public void keepPagesPrivate(ContainerResponseContext response, ResourceInfo resource) {
        MediaType type = response.getMediaType();
        // A page returned inside a Response has no media type yet when filters run: its entity says it.
        boolean page = response.getEntity() instanceof TemplateInstance
                || type != null && type.isCompatible(MediaType.TEXT_HTML_TYPE);
        if (!page || response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)) {
            return;
        }
        response.getHeaders()
                .putSingle(HttpHeaders.CACHE_CONTROL, neverStored(resource) ? NEVER_STORED : SHARED_CACHES_NEVER);
    }

    private static boolean neverStored(ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null) {
            return false;
        }
        return marked(method, method.getDeclaringClass(), RolesAllowed.class)
                || marked(method, method.getDeclaringClass(), NoStore.class)
                || marked(method, method.getDeclaringClass(), TokenInAddress.class);
    }

    private static boolean marked(Method method, Class<?> type, Class<? extends Annotation> annotation) {
        return method.isAnnotationPresent(annotation) || type.isAnnotationPresent(annotation);
    }
}
