package dev.parley.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Serves Parley under {@code PARLEY_PATH_PREFIX} (e.g. {@code /comments}), read at every start. The host's
 * proxy passes requests on as they came ({@code location /comments/ { proxy_pass http://127.0.0.1:8080; }}),
 * and each is routed as the same path without the prefix, so resources, static files and sign-in keep their
 * paths inside Parley. Links carry the prefix through {@link Routes}. Addresses outside the prefix are not
 * Parley's: they get a 404, except the bare prefix and "/", which lead to Parley's front page. The management
 * port (health, metrics) has its own router and is not affected.
 */
@ApplicationScoped
public class PrefixRouting {

    /** Marks a request already routed without its prefix: rerouting starts at the first handler again. */
    private static final String ROUTED = PrefixRouting.class.getName();

    /** Marks a provider's callback, routed without its prefix only after sign-in has run (see below). */
    private static final String DEFERRED = PrefixRouting.class.getName() + ".deferred";

    /**
     * A login provider's answer, {@code /auth/{id}/callback}: Quarkus completes the code flow only on a request
     * whose path is the callback path it sent the provider, the one with the prefix. So sign-in sees it as it
     * came, and it is routed without the prefix after that, if the code flow left it to Parley's own page.
     */
    private static final Pattern CALLBACK = Pattern.compile("^/auth/\\d{1,18}/callback$");

    /** Just after Quarkus' authentication (-200) and authorization (-100) handlers. */
    private static final int AFTER_SIGN_IN = -90;

    /**
     * The path of a request inside Parley, without the prefix, in every handler: before or after the request
     * was routed without it.
     */
    public static String pathInside(RoutingContext context) {
        String path = context.normalizedPath();
        if (context.get(ROUTED) != null) {
            return path;
        }
        String inside = PathPrefix.current().inside(path);
        return inside == null ? path : inside;
    }

    @ConfigProperty(name = "parley.path-prefix")
    Optional<String> configured;

    void serveUnderPrefix(@Observes Router router) {
        // Checked by ParleyMain before anything starts; this repeats it for dev mode and tests.
        PathPrefix prefix = PathPrefix.parse(configured.orElse(""));
        PathPrefix.use(prefix);
        if (prefix.isRoot()) {
            return;
        }
        router.route().order(Integer.MIN_VALUE).handler(context -> route(context, prefix));
        router.route().order(AFTER_SIGN_IN).handler(context -> {
            if (context.get(DEFERRED) != null && context.get(ROUTED) == null) {
                reroute(context, prefix.inside(context.normalizedPath()));
            } else {
                context.next();
            }
        });
    }

    private static void reroute(RoutingContext context, String inside) {
        String query = context.request().query();
        context.put(ROUTED, Boolean.TRUE);
        context.reroute(context.request().method(), inside + (query == null ? "" : "?" + query));
    }

    private static void route(RoutingContext context, PathPrefix prefix) {
        if (context.get(ROUTED) != null) {
            context.next();
            return;
        }
        String path = context.normalizedPath();
        String inside = prefix.inside(path);
        if (inside != null && CALLBACK.matcher(inside).matches()) {
            context.put(DEFERRED, Boolean.TRUE);
            context.next();
        } else if (inside != null) {
            reroute(context, inside);
        } else if (path.equals(prefix.value()) || path.equals("/")) {
            context.response()
                    .setStatusCode(302)
                    .putHeader("Location", prefix.link("/"))
                    .end();
        } else if (path.startsWith("/q/")) {
            // Quarkus' own pages in development (the Dev UI); health and metrics live on the management port.
            context.next();
        } else {
            context.response()
                    .setStatusCode(404)
                    .putHeader("Content-Type", "text/plain; charset=utf-8")
                    .putHeader("Cache-Control", "no-store")
                    .end("Not found. Parley answers under " + prefix.link("/") + "\n");
        }
    }
}
