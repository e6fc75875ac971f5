package dev.parley.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A request larger than any of Parley's forms can be ({@code quarkus.http.limits.max-body-size}, far above
 * every field at its limit) gets a plain page that says so, instead of Vert.x's empty 413 and a cut
 * connection. Runs before Quarkus's own size check (route order -2) and before sign-in, so the page uses no
 * per-request beans.
 */
@ApplicationScoped
public class OversizedRequests {

    /** Bodies up to this many times the limit are read and dropped before answering; larger ones are cut. */
    private static final int DRAINED_AT_MOST = 4;

    @CheckedTemplate(basePath = "error")
    static class Templates {
        static native TemplateInstance tooLarge();
    }

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize limit;

    void install(@Observes Router router) {
        router.route().order(-3).handler(this::refuseOversized);
    }

    private void refuseOversized(RoutingContext context) {
        HttpServerRequest request = context.request();
        long length = contentLength(request);
        if (length <= limit.asLongValue()) {
            context.next();
            return;
        }
        HttpServerResponse response = context.response()
                .setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/html;charset=UTF-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .putHeader(HttpHeaders.CONNECTION, "close");
        String page = Templates.tooLarge().render();
        boolean bodyComing = !"100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT));
        if (!bodyComing || length > DRAINED_AT_MOST * limit.asLongValue()) {
            response.end(page).onComplete(sent -> request.connection().close());
            return;
        }
        // A connection closed on unread data is reset, and the browser then shows a network error instead of
        // this page: read the body to its end, keeping none of it, then answer.
        request.handler(ignored -> {});
        request.endHandler(ended -> response.end(page));
        request.resume();
    }

    private static long contentLength(HttpServerRequest request) {
        try {
            String header = request.getHeader(HttpHeaders.CONTENT_LENGTH);
            return header == null ? -1 : Long.parseLong(header.strip());
        } catch (NumberFormatException unreadable) {
            // Not ours to judge: Vert.x refuses a malformed length itself.
            return -1;
        }
    }
}
