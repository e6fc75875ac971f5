package dev.parley.article;

import dev.parley.web.CleanInput;
import dev.parley.web.Cookies;
import dev.parley.web.FormState;
import dev.parley.web.Tokens;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What this browser remembers about its reader, in cookies: a random commenter token (so the author
 * sees their own comments while they await moderation) and, when the reader ticks "Save my name,
 * email, and website", those three fields for the next comment.
 */
public record BrowserCommenter(String token, String name, String email, String url) {

    static final String TOKEN_COOKIE = "parley_commenter";
    static final String NAME_COOKIE = "parley_author";
    static final String EMAIL_COOKIE = "parley_author_email";
    static final String URL_COOKIE = "parley_author_url";
    private static final int ONE_YEAR = 365 * 24 * 3600;

    /**
     * The token as the script tag (embed.js) sends it: a page of another site cannot carry Parley's cookie when
     * the browser blocks third-party cookies, so the script keeps the token in that page's storage instead.
     */
    public static final String TOKEN_HEADER = "X-Parley-Commenter";

    private static final java.util.regex.Pattern TOKEN_SHAPE = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{16,128}");

    public static BrowserCommenter from(Map<String, Cookie> cookies) {
        return new BrowserCommenter(
                value(cookies, TOKEN_COOKIE), value(cookies, NAME_COOKIE),
                value(cookies, EMAIL_COOKIE), value(cookies, URL_COOKIE));
    }

    /** This browser as its cookies say, or, without a token cookie, as the script tag's token header says. */
    public static BrowserCommenter from(HttpHeaders headers) {
        BrowserCommenter fromCookies = from(headers.getCookies());
        String header = headers.getHeaderString(TOKEN_HEADER);
        if (fromCookies.token != null
                || header == null
                || !TOKEN_SHAPE.matcher(header.strip()).matches()) {
            return fromCookies;
        }
        return new BrowserCommenter(header.strip(), fromCookies.name, fromCookies.email, fromCookies.url);
    }

    /** Whether this browser has a token: then what it is shown is its own, for no shared cache to keep. */
    public boolean hasToken() {
        return token != null && !token.isBlank();
    }

    /** The token's hash as stored with comments, or {@code null} when this browser has no token yet. */
    public String tokenHash() {
        return token == null || token.isBlank() ? null : Tokens.sha256(token);
    }

    /** This browser with a token: its own, or {@code fresh} on its first comment. */
    public BrowserCommenter withToken(String fresh) {
        if (token != null && !token.isBlank()) {
            return this;
        }
        return new BrowserCommenter(fresh, name, email, url);
    }

    /**
     * The cookies to send after a comment: the token always; the reader's details when they asked us to
     * remember them, otherwise instructions to forget any that were saved.
     */
    public List<NewCookie> cookies(boolean remember, String name, String email, String url, boolean secure) {
        List<NewCookie> cookies = new ArrayList<>();
        cookies.add(cookie(TOKEN_COOKIE, token, ONE_YEAR, secure));
        int maxAge = remember ? ONE_YEAR : 0;
        cookies.add(cookie(NAME_COOKIE, remember ? name : "", maxAge, secure));
        cookies.add(cookie(EMAIL_COOKIE, remember ? email : "", maxAge, secure));
        cookies.add(cookie(URL_COOKIE, remember ? url : "", maxAge, secure));
        return cookies;
    }

    /** The reply form, filled in with the details this browser was asked to remember. */
    public FormState rememberedDetails() {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        values.put("author", name);
        values.put("email", email);
        values.put("url", url);
        if (remembersDetails()) {
            values.put("wp-comment-cookies-consent", "yes");
        }
        return FormState.of(values);
    }

    public boolean remembersDetails() {
        return name != null && !name.isBlank();
    }

    private static NewCookie cookie(String name, String value, int maxAge, boolean secure) {
        String encoded = URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
        return Cookies.httpOnly(name, encoded, maxAge, secure);
    }

    private static String value(Map<String, Cookie> cookies, String name) {
        Cookie cookie = cookies.get(name);
        if (cookie == null || cookie.getValue() == null || cookie.getValue().isEmpty()) {
            return null;
        }
        try {
            // Put back into the form as typed: without the control characters forms never let through.
            return CleanInput.clean(URLDecoder.decode(cookie.getValue(), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }
}
