package dev.parley.web;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Headers every answer needs whoever produced it (a page, a static file, the server's own 404 or 413): the
 * charset of HTML, so that no browser has to guess it, and HSTS on requests that came over https (directly or
 * through a trusted proxy), so that the browser never again tries the site over plain http.
 */
@ApplicationScoped
public class TransportHeaders {

    private static final String CONTENT_TYPE = "Content-Type";

    @ConfigProperty(name = "parley.hsts.max-age")
    Duration hstsMaxAge;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::onRequest);
    }

    private void onRequest(RoutingContext context) {
        boolean https = "https".equalsIgnoreCase(context.request().scheme());
        context.addHeadersEndHandler(ignored -> {
            MultiMap headers = context.response().headers();
            String type = headers.get(CONTENT_TYPE);
            if (type != null && needsCharset(type)) {
                headers.set(CONTENT_TYPE, type + ";charset=UTF-8");
            }
            if (https && !hstsMaxAge.isZero() && !hstsMaxAge.isNegative()) {
                headers.set("Strict-Transport-Security", "max-age=" + hstsMaxAge.toSeconds());
            }
        });
        context.next();
    }

    private static boolean needsCharset(String type) {
        String lower = type.toLowerCase(Locale.ROOT);
        return lower.startsWith("text/") && !lower.contains("charset=");
    }
}
