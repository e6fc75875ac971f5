package dev.parley.web;

import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * The double-submit CSRF check of every state-changing request: the form's token ({@link FormToken}, which pages
 * carry masked) must equal the browser's CSRF cookie. The forms of host pages ({@link HostPageForms}) are checked by
 * their origin instead. A refusal is a bare 400, which {@link ErrorPages} explains, giving back what the reader
 * wrote.
 */
public class CsrfCheck {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @ServerRequestFilter(readBody = true)
    public Optional<Response> checkToken(ResteasyReactiveContainerRequestContext request, RoutingContext routing) {
        if (SAFE_METHODS.contains(request.getMethod())
                || HostPageForms.receives(request.getUriInfo().getPath())
                || isOneClickUnsubscribe(request.getUriInfo().getPath())) {
            return Optional.empty();
        }
        MediaType type = request.getMediaType();
        boolean form = type != null
                && (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                        || type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE));
        String cookie = FormToken.fromCookie(routing);
        ResteasyReactiveRequestContext context = CurrentRequestManager.get();
        Object field = form && context != null ? context.getFormParameter(FormToken.FIELD, true, false) : null;
        if (cookie == null || !(field instanceof String token) || !same(cookie, FormToken.unmasked(token))) {
            return Optional.of(Response.status(Response.Status.BAD_REQUEST).build());
        }
        return Optional.empty();
    }

    private static final java.util.regex.Pattern ONE_CLICK_UNSUBSCRIBE = java.util.regex.Pattern.compile(
            java.util.regex.Pattern.quote(Routes.MAIL_UNSUBSCRIBE) + "/[A-Za-z0-9_-]{1,200}");

    /**
     * One-click unsubscribe (RFC 8058): the reader's mail provider POSTs {@code List-Unsubscribe=One-Click} to the
     * link of the mail's {@code List-Unsubscribe} header, from its own servers, with no cookie, no form token and
     * no or another Origin; it cannot pass either check. Exempting exactly this address is safe: the signed token
     * in the address is the authority (it can only stop mail, for the subscription it names), and doing it twice,
     * or by a forged cross-site form, only stops mail its holder could stop anyway.
     */
    static boolean isOneClickUnsubscribe(String path) {
        String relative = path.startsWith("/") ? path : "/" + path;
        return ONE_CLICK_UNSUBSCRIBE.matcher(relative).matches();
    }

    private static boolean same(String a, String b) {
        return a != null
                && b != null
                && !a.isEmpty()
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
