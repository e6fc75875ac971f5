package dev.parley.web;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every text answer is compressed when the client asks (gzip or deflate), whoever produced it, and an answer
 * that arrives already compressed is sent as it is: the one decision, taken here when the headers go out.
 *
 * <p>Quarkus' own scheme marks every answer {@code Content-Encoding: identity} at the start (route order 0)
 * and lifts the mark for pages and JSON of the types in {@code quarkus.http.compress-media-types}. That mark
 * breaks an answer Parley gzips itself: JAX-RS adds {@code Content-Encoding: gzip} beside it, Quarkus sees
 * "identity" first and removes both, and Netty then gzips the gzipped bytes again. So the mark is taken off at
 * once (order 1), and put back just before the headers are sent only on answers of types outside the list
 * (Parley sends none today: images, archives would be). Netty's compressor leaves alone an
 * answer that names its encoding ({@code gzip}, or the {@code identity} mark, which Vert.x drops before
 * sending), and empty answers (304, HEAD) in any case.
 *
 * <p>That holds for HTTP/1.1 (browsers without TLS, and every reverse proxy). Over HTTP/2 (h2 with TLS, h2c)
 * Vert.x takes a {@code Content-Encoding} header as the encoding to apply, and gzips a gzipped answer again:
 * bytes compressed ahead must only be sent as they are to HTTP/1.x requests.
 *
 * <p>Each compressible answer says {@code Vary: Accept-Encoding}, so that a CDN or proxy keeping a public
 * answer (the anonymous thread, counts, static files) never hands the compressed copy to a client that did
 * not ask for it.
 */
@ApplicationScoped
public class Compression {

    /** Right after Quarkus marks the answer "identity" (order 0), before any page code runs. */
    private static final int AFTER_QUARKUS_MARK = 1;

    private static final String ACCEPT_ENCODING = "Accept-Encoding";

    @ConfigProperty(name = "quarkus.http.compress-media-types")
    List<String> compressedTypes;

    private Set<String> types;

    void install(@Observes Router router) {
        types = compressedTypes.stream()
                .map(type -> type.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        // First of all, so that answers written before order 0 (the prefix's 404, CORS refusals, the 413 page) are
        // decided too.
        router.route().order(Integer.MIN_VALUE).handler(this::decideWhenHeadersGoOut);
        router.route().order(AFTER_QUARKUS_MARK).handler(Compression::removeQuarkusMark);
    }

    private static void removeQuarkusMark(RoutingContext context) {
        MultiMap headers = context.response().headers();
        if (HttpHeaders.IDENTITY.toString().equals(headers.get(HttpHeaders.CONTENT_ENCODING))) {
            headers.remove(HttpHeaders.CONTENT_ENCODING);
        }
        context.next();
    }

    private void decideWhenHeadersGoOut(RoutingContext context) {
        context.addHeadersEndHandler(ignored -> {
            MultiMap headers = context.response().headers();
            String type = headers.get(HttpHeaders.CONTENT_TYPE);
            int status = context.response().getStatusCode();
            if (type == null && (status == 304 || status == 204)) {
                // Never encoded (Netty passes them by): no mark either, which a 304 would otherwise carry into
                // the headers a cache keeps with its compressed copy.
                return;
            }
            // Without a type (a redirect) there is nothing worth compressing: an empty body "gzipped" is not.
            if (type == null || !compressible(type)) {
                if (!headers.contains(HttpHeaders.CONTENT_ENCODING)) {
                    headers.set(HttpHeaders.CONTENT_ENCODING, HttpHeaders.IDENTITY);
                }
                return;
            }
            // A request rerouted under the path prefix passes here twice: one Vary is enough.
            boolean varies = headers.getAll(HttpHeaders.VARY).stream()
                    .anyMatch(vary -> vary.toLowerCase(Locale.ROOT).contains("accept-encoding"));
            if (!varies) {
                headers.add(HttpHeaders.VARY, ACCEPT_ENCODING);
            }
        });
        context.next();
    }

    private boolean compressible(String contentType) {
        int parameters = contentType.indexOf(';');
        String type = parameters < 0 ? contentType : contentType.substring(0, parameters);
        return types.contains(type.strip().toLowerCase(Locale.ROOT));
    }
}
