package dev.parley.support;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.restassured.http.Cookie;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.nodes.Element;

/**
 * A minimal browser for tests: keeps cookies, never follows redirects by itself, and submits forms the
 * way a browser does, with every hidden field (the CSRF token included) and the user's input on top.
 */
public final class Browser {

    /** Cookies by path and name, so that two sites' cookies of the same name (Keycloak realms) coexist. */
    // Concurrent: a test may send one page's form several times at once, as a double click does.
    private final Map<String, StoredCookie> cookies = new java.util.concurrent.ConcurrentHashMap<>();

    private record StoredCookie(String name, String value, String path) {}

    private String baseUri;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String publicOrigin;

    /** A browser for the application under test in this JVM. */
    public Browser() {
        this(null);
    }

    /** A browser for an application running elsewhere, such as a separately started process. */
    public Browser(String baseUri) {
        this.baseUri = baseUri;
    }

    /**
     * A browser that reaches instances through a (simulated) load balancer at {@code publicOrigin}: requests
     * carry the proxy's X-Forwarded headers, and addresses on the public origin go to the chosen instance.
     */
    public static Browser behindLoadBalancer(String publicOrigin, String firstInstance) {
        Browser browser = new Browser(firstInstance);
        URI origin = URI.create(publicOrigin);
        browser.publicOrigin = publicOrigin;
        browser.headers.put("X-Forwarded-Proto", origin.getScheme());
        browser.headers.put("X-Forwarded-Host", origin.getHost());
        browser.headers.put("X-Forwarded-Port", String.valueOf(origin.getPort() < 0 ? 80 : origin.getPort()));
        return browser;
    }

    /** Sends the following requests to another instance, as a load balancer may. */
    public void useInstance(String instanceBaseUri) {
        this.baseUri = instanceBaseUri;
    }

    public Page open(String path) {
        path = throughLoadBalancer(path);
        Response response = request(path).get(path);
        remember(response);
        return Page.of(path, response);
    }

    /** Fills in the form found by {@code formSelector} on {@code page} and submits it. */
    public Response submit(Page page, String formSelector, Map<String, String> typed) {
        return submitTo(page, formSelector, null, typed);
    }

    /**
     * Submits a form to another address, as a button with {@code formaction} does ({@code action} null means
     * the form's own).
     */
    public Response submitTo(Page page, String formSelector, String action, Map<String, String> typed) {
        Element form = page.one(formSelector);
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : form.select("input[name], textarea[name], select[name]")) {
            String type = input.attr("type");
            if (("checkbox".equals(type) || "radio".equals(type)) && !input.hasAttr("checked")) {
                continue;
            }
            if ("submit".equals(type)) {
                continue;
            }
            fields.put(input.attr("name"), valueOf(input));
        }
        typed.forEach((name, value) -> {
            if (value == null) {
                fields.remove(name);
            } else {
                fields.put(name, value);
            }
        });
        String target = action == null ? form.attr("action") : action;
        if (!target.startsWith("http") && page.path().startsWith("http")) {
            // A relative action on another site's page (Keycloak's) is relative to that page, as in a browser.
            target = URI.create(page.path()).resolve(target).toString();
        }
        return post(target, fields);
    }

    /**
     * Follows redirects, across sites (such as a login provider and back), until a page that is not a
     * redirect.
     */
    public Page followAll(Response response) {
        Page page = Page.of("(answer)", response);
        for (int hops = 0; isRedirect(page.status()) && hops < 20; hops++) {
            page = open(page.location());
        }
        return page;
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307;
    }

    /** Posts raw form fields, as a script or an attacker would, with this browser's cookies. */
    public Response post(String path, Map<String, String> fields) {
        // Encoded here, as a browser does: the request itself leaves paths untouched (urlEncodingEnabled=false).
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append(body.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        path = throughLoadBalancer(path);
        Response response = request(path)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .body(body.toString())
                .post(path);
        remember(response);
        return response;
    }

    /** Sends a header with every following request, as a browser or a proxy on the way would. */
    public Browser withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** Stops sending a header set with {@link #withHeader}. */
    public Browser withoutHeader(String name) {
        headers.remove(name);
        return this;
    }

    /** The whole answer to a GET, headers included, as the browser received it. */
    public Response getRaw(String path) {
        path = throughLoadBalancer(path);
        Response response = request(path).get(path);
        remember(response);
        return response;
    }

    /** Posts a form body exactly as given, encoded or not, with this browser's cookies. */
    public Response postRaw(String path, String body) {
        Response response = request(path)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .body(body)
                .post(path);
        remember(response);
        return response;
    }

    /** Follows a 303 answer like a browser and returns the page it leads to. */
    public Page follow(Response response) {
        assertEquals(303, response.statusCode(), () -> "expected a redirect, got:\n" + response.asString());
        return open(pathOf(response.header("Location")));
    }

    public Page signIn(String email, String password) {
        Page login = open("/login");
        Response answer = submit(login, "#loginform", Map.of("email", email, "password", password));
        return follow(answer);
    }

    public java.util.Set<String> cookieNames() {
        return cookies.values().stream().map(StoredCookie::name).collect(java.util.stream.Collectors.toSet());
    }

    /** The value of a cookie of this name (the site-wide one first). */
    public String cookie(String name) {
        return cookies.values().stream()
                .filter(c -> c.name().equals(name))
                .min(java.util.Comparator.comparingInt(c -> c.path().length()))
                .map(StoredCookie::value)
                .orElse(null);
    }

    public void setCookie(String name, String value) {
        cookies.put("/\0" + name, new StoredCookie(name, value, "/"));
    }

    public void forget(String name) {
        cookies.values().removeIf(c -> c.name().equals(name));
    }

    /** The path and query of a Location header, without the fragment a browser keeps to itself. */
    public static String pathOf(String location) {
        assertNotNull(location, "no Location header");
        URI uri = URI.create(location);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private RequestSpecification request(String target) {
        RequestSpecification request = given().redirects()
                .follow(false)
                .cookies(cookiesFor(target))
                .headers(headers)
                .urlEncodingEnabled(false);
        if (baseUri == null) {
            return request;
        }
        URI uri = URI.create(baseUri);
        return request.baseUri(uri.getScheme() + "://" + uri.getHost()).port(uri.getPort());
    }

    /** What a browser sends for a field: a textarea's text, a select's chosen option, an input's value. */
    private static String valueOf(Element field) {
        if (field.is("textarea")) {
            return field.wholeText();
        }
        if (field.is("select")) {
            Element chosen = field.selectFirst("option[selected]");
            chosen = chosen == null ? field.selectFirst("option") : chosen;
            return chosen == null ? "" : chosen.hasAttr("value") ? chosen.attr("value") : chosen.text();
        }
        return field.val();
    }

    /** An address on the load balancer's public origin becomes a path on the current instance. */
    private String throughLoadBalancer(String target) {
        return publicOrigin != null && target.startsWith(publicOrigin)
                ? target.substring(publicOrigin.length())
                : target;
    }

    /** The cookies a browser would send to this address: those whose path it is under, most specific first. */
    private Map<String, String> cookiesFor(String target) {
        String path = URI.create(target.replace(" ", "%20")).getRawPath();
        String requestPath = path == null || path.isEmpty() ? "/" : path;
        Map<String, String> chosen = new LinkedHashMap<>();
        cookies.values().stream()
                .filter(c -> requestPath.startsWith(c.path())
                        || (c.path().endsWith("/") && (requestPath + "/").equals(c.path())))
                .sorted(java.util.Comparator.comparingInt(
                                (StoredCookie c) -> c.path().length())
                        .reversed())
                .forEach(c -> chosen.putIfAbsent(c.name(), c.value()));
        return chosen;
    }

    private void remember(Response response) {
        for (Cookie cookie : response.getDetailedCookies()) {
            String path = cookie.getPath() == null || cookie.getPath().isEmpty() ? "/" : cookie.getPath();
            String key = path + "\0" + cookie.getName();
            if (cookie.getMaxAge() == 0
                    || cookie.getValue() == null
                    || cookie.getValue().isEmpty()) {
                cookies.remove(key);
            } else {
                cookies.put(key, new StoredCookie(cookie.getName(), cookie.getValue(), path));
            }
        }
    }
}
