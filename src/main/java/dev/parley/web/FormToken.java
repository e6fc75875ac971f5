package dev.parley.web;

import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The CSRF token of the {@code postform} tag ({@code inject:formToken}): the browser's CSRF cookie, or a new one,
 * set on this answer only when the page actually carries a form that needs it. A page without such a form (the
 * thread fragment that shared caches keep) therefore sets no cookie.
 *
 * <p>A page never carries the token itself, only {@linkplain #masked masked} with a pad of its own. Pages are
 * compressed, and some also show text a stranger chose (a comment, a reflected field): with the same secret in
 * every answer, the compressed length would tell such a stranger, a character at a time, how much of a guess
 * matches it (the BREACH attack on HTTPS). Masked, the bytes in the page differ on every answer.
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

    /** Starts a masked field: not a character of a token, so a field is either masked or the token itself. */
    static final String MASKED = "~";

    /** The longest masked field of the longest well-formed token (64 characters, padded to 128 bytes). */
    private static final int MAX_MASKED_LENGTH = MASKED.length() + 172;

    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

    @Inject
    RoutingContext routing;

    private String token;

    public String getParameterName() {
        return FIELD;
    }

    /** What the form's field carries: the browser's token, {@linkplain #masked masked}. */
    public String getToken() {
        if (SharedRendering.active()) {
            return SharedRendering.Hole.CSRF_TOKEN.placeholder();
        }
        return masked(raw());
    }

    /** The browser's token itself (or the new one this answer sets): for the cookie and the ETag, never a page. */
    public String raw() {
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

    /**
     * The token as a page carries it: a random pad as long as the token, then the token XORed with the pad,
     * URL-safe Base64, after {@link #MASKED}.
     */
    public static String masked(String token) {
        byte[] plain = token.getBytes(StandardCharsets.US_ASCII);
        byte[] both = Tokens.randomBytes(plain.length * 2);
        for (int i = 0; i < plain.length; i++) {
            both[plain.length + i] = (byte) (both[i] ^ plain[i]);
        }
        return MASKED + BASE64.encodeToString(both);
    }

    /**
     * The token a form field carries: unmasked, or the field as it is when it was not masked (a page served before
     * masking, a client outside a browser that sends the cookie's value); {@code null} when a masked field is
     * malformed.
     */
    public static String unmasked(String field) {
        if (!field.startsWith(MASKED)) {
            return field;
        }
        if (field.length() > MAX_MASKED_LENGTH) {
            return null;
        }
        byte[] both;
        try {
            both = Base64.getUrlDecoder().decode(field.substring(MASKED.length()));
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
        if (both.length == 0 || both.length % 2 != 0) {
            return null;
        }
        int half = both.length / 2;
        byte[] plain = new byte[half];
        for (int i = 0; i < half; i++) {
            plain[i] = (byte) (both[i] ^ both[half + i]);
        }
        return new String(plain, StandardCharsets.ISO_8859_1);
    }

    /** The browser's token, when it has a well-formed one. */
    static String fromCookie(RoutingContext routing) {
        Cookie cookie = routing.request().getCookie(COOKIE);
        return cookie != null && WELL_FORMED.matcher(cookie.getValue()).matches() ? cookie.getValue() : null;
    }
}
