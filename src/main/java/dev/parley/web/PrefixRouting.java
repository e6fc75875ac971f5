package dev.parley.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
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
class PrefixRouting {

    /** Marks a request already routed without its prefix: rerouting starts at the first handler again. */
    private static final String ROUTED = PrefixRouting.class.getName();

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
    }

    private static void route(RoutingContext context, PathPrefix prefix) {
        if (context.get(ROUTED) != null) {
            context.next();
            return;
        }
        String path = context.normalizedPath();
        String query = context.request().query();
        String inside = prefix.inside(path);
        if (inside != null) {
            context.put(ROUTED, Boolean.TRUE);
            context.reroute(context.request().method(), inside + (query == null ? "" : "?" + query));
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
