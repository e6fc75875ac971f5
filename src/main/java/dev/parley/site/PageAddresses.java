package dev.parley.site;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Makes a page's address canonical for one site, so that every way of writing the same page finds the same
 * thread: scheme and host in lower case, no default port, no fragment, dot segments resolved, percent escapes
 * in upper case (and unreserved characters decoded), only the query parameters the owner keeps (sorted), the
 * trailing slash as the owner wants it, and http/https as one page when the owner says so. An address that is
 * not a plain http(s) address of one of the site's origins is refused, with the reason in words.
 */
public final class PageAddresses {

    public static final int MAX_LENGTH = 2000;

    private final List<String> origins;
    private final List<String> keptQueryParams;
    private final TrailingSlash trailingSlash;
    private final boolean samePageAnyScheme;

    public PageAddresses(
            List<String> origins,
            List<String> keptQueryParams,
            TrailingSlash trailingSlash,
            boolean samePageAnyScheme) {
        this.origins = origins.stream()
                .map(PageAddresses::originOf)
                .flatMap(Optional::stream)
                .toList();
        this.keptQueryParams = keptQueryParams;
        this.trailingSlash = trailingSlash;
        this.samePageAnyScheme = samePageAnyScheme;
    }

    /** The canonical address, or why the address cannot carry a thread of this site. */
    public sealed interface Result permits Canonical, Refused {}

    public record Canonical(String url) implements Result {}

    /** @param unregistered the address is well formed, but no registered origin is its own */
    public record Refused(String reason, boolean unregistered) implements Result {
        Refused(String reason) {
            this(reason, false);
        }
    }

    public Result canonical(String raw) {
        if (raw == null || raw.isBlank()) {
            return new Refused("The page address is missing.");
        }
        if (raw.length() > MAX_LENGTH) {
            return new Refused("The page address is longer than " + MAX_LENGTH + " characters.");
        }
        if (raw.indexOf('#') >= 0) {
            return new Refused("The page address has a fragment (#…): give the address of the page itself.");
        }
        if (raw.codePoints()
                .anyMatch(c ->
                        c < 0x21 || c >= 0x7f && c < 0xa0 || Character.isWhitespace(c) || Character.isSpaceChar(c))) {
            return new Refused("The page address has spaces or control characters.");
        }
        URI uri;
        try {
            // An address written with its own letters (https://blog.example/مرحبا/, as a hand-written include or a
            // CMS may give it) is the same page as the percent-encoded one a browser sends.
            uri = new URI(percentEncodeNonAscii(raw));
        } catch (URISyntaxException e) {
            return new Refused("The page address is not a valid address.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return new Refused("The page address must start with http:// or https://.");
        }
        if (uri.getRawUserInfo() != null || uri.getHost() == null || uri.isOpaque()) {
            return new Refused("The page address must be a plain web address (https://host/path).");
        }
        Optional<String> path = canonicalPath(uri.getRawPath());
        if (path.isEmpty()) {
            return new Refused("The page address has a malformed percent-encoding.");
        }
        Optional<String> query = keptQuery(uri.getRawQuery());
        if (query.isEmpty()) {
            return new Refused("The page address has a malformed percent-encoding.");
        }
        String origin = origin(scheme, uri.getHost(), uri.getPort());
        Optional<String> registered = registeredOrigin(origin);
        if (registered.isEmpty()) {
            return new Refused(
                    "Pages of " + origin + " cannot carry Parley threads: the site owner has not registered that"
                            + " origin in Parley (Admin › Sites).",
                    true);
        }
        String url = registered.get() + path.get() + query.get();
        return url.length() > MAX_LENGTH
                ? new Refused("The page address is longer than " + MAX_LENGTH + " characters.")
                : new Canonical(url);
    }

    private static String percentEncodeNonAscii(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        raw.codePoints().forEach(cp -> {
            if (cp < 0x80) {
                out.append((char) cp);
            } else {
                for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(String.format("%02X", b & 0xff));
                }
            }
        });
        return out.toString();
    }

    /** Whether a browser's {@code Origin} header names one of the site's origins (any scheme, when the owner allows). */
    public boolean allowsOrigin(String header) {
        if (header == null) {
            return false;
        }
        try {
            URI uri = new URI(header.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return false;
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https"))
                    && registeredOrigin(origin(scheme, uri.getHost(), uri.getPort()))
                            .isPresent();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /**
     * The registered origin a page of {@code origin} is written with: itself or, when http and https are one
     * page, the same host and port in either scheme, https first.
     */
    private Optional<String> registeredOrigin(String origin) {
        if (!samePageAnyScheme) {
            return origins.contains(origin) ? Optional.of(origin) : Optional.empty();
        }
        String hostAndPort = stripScheme(origin);
        return origins.stream()
                .filter(o -> stripScheme(o).equals(hostAndPort))
                .min(Comparator.comparing((String o) -> !o.startsWith("https:")));
    }

    private static String stripScheme(String origin) {
        return origin.substring(origin.indexOf("://") + 3);
    }

    /** The origin of an address the owner typed, written canonically; empty when it is not an http(s) origin. */
    public static Optional<String> originOf(String typed) {
        try {
            URI uri = new URI(typed.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean bare = (uri.getRawPath() == null
                            || uri.getRawPath().isEmpty()
                            || uri.getRawPath().equals("/"))
                    && uri.getRawQuery() == null
                    && uri.getRawFragment() == null
                    && uri.getRawUserInfo() == null;
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && bare) {
                return Optional.of(origin(scheme, uri.getHost(), uri.getPort()));
            }
        } catch (URISyntaxException e) {
            // not an origin
        }
        return Optional.empty();
    }

    private static String origin(String scheme, String host, int port) {
        boolean defaultPort =
                port == -1 || scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
        return scheme + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    private Optional<String> canonicalPath(String rawPath) {
        String path = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
        List<String> segments = new ArrayList<>();
        boolean endsWithSlash = path.endsWith("/");
        for (String segment : path.substring(1).split("/", -1)) {
            Optional<String> normal = normalizeEscapes(segment, "/?#");
            if (normal.isEmpty()) {
                return Optional.empty();
            }
            String s = normal.get();
            if (s.equals(".")) {
                continue;
            }
            if (s.equals("..")) {
                if (!segments.isEmpty()) {
                    segments.remove(segments.size() - 1);
                }
                continue;
            }
            segments.add(s);
        }
        while (!segments.isEmpty() && segments.get(segments.size() - 1).isEmpty()) {
            segments.remove(segments.size() - 1);
        }
        String joined = "/" + String.join("/", segments);
        if (joined.equals("/")) {
            return Optional.of(joined);
        }
        boolean slash = switch (trailingSlash) {
            case KEEP -> endsWithSlash;
            case ADD -> true;
            case REMOVE -> false;
        };
        return Optional.of(slash ? joined + "/" : joined);
    }

    private Optional<String> keptQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty() || keptQueryParams.isEmpty()) {
            return Optional.of("");
        }
        List<String[]> kept = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            Optional<String> name = normalizeEscapes(eq < 0 ? pair : pair.substring(0, eq), "&=+#");
            Optional<String> value = normalizeEscapes(eq < 0 ? "" : pair.substring(eq + 1), "&=+#");
            if (name.isEmpty() || value.isEmpty()) {
                return Optional.empty();
            }
            if (keptQueryParams.contains(name.get())) {
                kept.add(new String[] {name.get(), value.get()});
            }
        }
        kept.sort(Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]));
        StringBuilder query = new StringBuilder();
        for (String[] pair : kept) {
            query.append(query.length() == 0 ? "?" : "&")
                    .append(pair[0])
                    .append('=')
                    .append(pair[1]);
        }
        return Optional.of(query.toString());
    }

    /**
     * Percent escapes in upper case, unreserved characters decoded; empty when an escape is malformed or the
     * escaped bytes are not UTF-8 (an overlong "%C0%AF" included) or decode to a control character.
     */
    static Optional<String> normalizeEscapes(String raw, String keepEscaped) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c != '%') {
                out.append(c);
                i++;
                continue;
            }
            // A run of escapes is one UTF-8 sequence (or several): decode it whole to check it.
            ByteBuffer bytes = ByteBuffer.allocate(raw.length());
            while (i < raw.length() && raw.charAt(i) == '%') {
                if (i + 2 >= raw.length()) {
                    return Optional.empty();
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return Optional.empty();
                }
                bytes.put((byte) (hi * 16 + lo));
                i += 3;
            }
            bytes.flip();
            String decoded;
            try {
                decoded = StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(bytes)
                        .toString();
            } catch (CharacterCodingException e) {
                return Optional.empty();
            }
            if (decoded.codePoints().anyMatch(cp -> cp < 0x20 || cp == 0x7f || cp >= 0x80 && cp < 0xa0)) {
                return Optional.empty();
            }
            for (int cp : decoded.codePoints().toArray()) {
                String ch = new String(Character.toChars(cp));
                byte[] utf8 = ch.getBytes(StandardCharsets.UTF_8);
                if (utf8.length == 1 && isUnreserved((char) cp) && keepEscaped.indexOf(cp) < 0) {
                    out.append((char) cp);
                } else {
                    for (byte x : utf8) {
                        out.append('%').append(String.format("%02X", x & 0xff));
                    }
                }
            }
        }
        return Optional.of(out.toString());
    }

    private static boolean isUnreserved(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || "-._~".indexOf(c) >= 0;
    }
}
