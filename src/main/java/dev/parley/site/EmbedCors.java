package dev.parley.site;

import dev.parley.article.BrowserCommenter;
import dev.parley.reply.ReplyDesk;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.regex.Pattern;

/**
 * CORS for the script tag (embed.js), answered only to the origins of registered sites: the thread fragment, the
 * counts, posting a comment and fetching a signed-in reader's session. Sites are registered at runtime, so Quarkus's static CORS list cannot serve;
 * an origin that is not registered gets no CORS header at all, and its browser keeps the answer from its script.
 * No credentials: embed.js works without third-party cookies and sends Parley's reader tokens as headers.
 * Every other address of Parley answers no CORS, and Parley's own pages still refuse to be framed.
 */
@ApplicationScoped
public class EmbedCors {

    /** What embed.js sends: the commenter token, the signed-in reader token, and the mark of a script post. */
    public static final String COMMENTER_HEADER = BrowserCommenter.TOKEN_HEADER;

    public static final String READER_HEADER = "X-Parley-Reader";
    public static final String SCRIPT_HEADER = ReplyDesk.SCRIPT_HEADER;
    /** The comment a script post made: its id, for embed.js to show it. */
    public static final String COMMENT_HEADER = ReplyDesk.COMMENT_HEADER;

    /** How long a browser may reuse a preflight answer. */
    static final int PREFLIGHT_MAX_AGE_SECONDS = 600;

    private static final Pattern EMBED_PATHS = Pattern.compile("(^|.*/)embed/(thread|counts|comments|reader)");

    @Inject
    SiteRegistry sites;

    void install(@Observes Router router) {
        // Right after the transport headers, before any page code: a preflight never reaches the pages.
        router.route().order(Integer.MIN_VALUE + 1).handler(this::onRequest);
    }

    private void onRequest(RoutingContext context) {
        if (!EMBED_PATHS.matcher(context.normalizedPath()).matches()) {
            context.next();
            return;
        }
        String origin = context.request().getHeader("Origin");
        boolean allowed = origin != null && sites.isRegisteredOrigin(origin);
        if (context.request().method() == HttpMethod.OPTIONS
                && context.request().getHeader("Access-Control-Request-Method") != null) {
            preflight(context, origin, allowed);
            return;
        }
        boolean thread = context.normalizedPath().endsWith("/thread");
        context.addHeadersEndHandler(ignored -> {
            MultiMap headers = context.response().headers();
            // The answer depends on the Origin header, and the thread on the reader's tokens: a shared cache
            // keeps one answer per origin, and never gives the anonymous thread to a reader who sent a token.
            headers.add("Vary", thread ? "Origin, " + COMMENTER_HEADER + ", " + READER_HEADER : "Origin");
            if (allowed) {
                headers.set("Access-Control-Allow-Origin", origin);
                headers.set(
                        "Access-Control-Expose-Headers",
                        COMMENTER_HEADER + ", " + COMMENT_HEADER + ", " + ReplyDesk.MAIL_HEADER);
            }
        });
        context.next();
    }

    private static void preflight(RoutingContext context, String origin, boolean allowed) {
        MultiMap headers = context.response().headers();
        headers.add("Vary", "Origin");
        if (!allowed) {
            context.response()
                    .setStatusCode(403)
                    .putHeader("Content-Type", "text/plain;charset=UTF-8")
                    .end("This origin is not registered with Parley: the owner adds a site's origins in Sites.\n");
            return;
        }
        headers.set("Access-Control-Allow-Origin", origin);
        headers.set("Access-Control-Allow-Methods", "GET, POST");
        headers.set("Access-Control-Allow-Headers", COMMENTER_HEADER + ", " + READER_HEADER + ", " + SCRIPT_HEADER);
        headers.set("Access-Control-Max-Age", String.valueOf(PREFLIGHT_MAX_AGE_SECONDS));
        context.response().setStatusCode(204).end();
    }
}
