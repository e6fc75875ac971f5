package dev.parley.web;

import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.regex.Pattern;

/**
 * The CSRF token of the {@code postform} tag ({@code inject:formToken}): the browser's CSRF cookie, or a new one,
 * set on this answer only when the page actually carries a form that needs it. A page without such a form (the
 * thread fragment that shared caches keep) therefore sets no cookie.
 */
@RequestScoped
@Named("formToken")
public class FormToken {

    /** The cookie that holds the token, and the form field that repeats it. */
    public static final String COOKIE = "parley_csrf";

    public static final String FIELD = "_csrf";

    /** Long enough for a reader who writes a long comment before sending it. */
    static final int KEPT_SECONDS = 7 * 24 * 3600;

    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{22,64}");

    @Inject
    RoutingContext routing;

    private String token;

    public String getParameterName() {
        return FIELD;
    }

    public String getToken() {
        if (SharedRendering.active()) {
            return SharedRendering.Hole.CSRF_TOKEN.placeholder();
        }
        if (token == null) {
            token = fromCookie(routing);
            if (token == null) {
                token = newToken(routing);
            }
        }
        return token;
    }

    /** Whether the browser sent a well-formed token (so a page it kept carries the same one). */
    public static boolean hasToken(RoutingContext routing) {
        return fromCookie(routing) != null;
    }

    /** The browser's token, or a new one, set as its cookie on this answer. */
    public static String tokenOf(RoutingContext routing) {
        String token = fromCookie(routing);
        return token != null ? token : newToken(routing);
    }

    private static String newToken(RoutingContext routing) {
        String token = Tokens.random(16);
        Cookie cookie = Cookie.cookie(COOKIE, token)
                .setPath("/")
                .setMaxAge(KEPT_SECONDS)
                .setHttpOnly(true)
                .setSecure(Cookies.secure(routing))
                .setSameSite(io.vertx.core.http.CookieSameSite.LAX);
        routing.response().addCookie(cookie);
        return token;
    }

    /** The browser's token, when it has a well-formed one. */
    static String fromCookie(RoutingContext routing) {
        Cookie cookie = routing.request().getCookie(COOKIE);
        return cookie != null && WELL_FORMED.matcher(cookie.getValue()).matches() ? cookie.getValue() : null;
    }
}
