package dev.parley.web;

import java.util.regex.Pattern;

/**
 * The path Parley is served under behind the host site's reverse proxy ({@code PARLEY_PATH_PREFIX}, e.g.
 * {@code /comments}): with a leading slash and no trailing one, or empty when Parley runs at the root.
 * Quarkus' own {@code quarkus.http.root-path} is fixed when the application is built, so a packaged Parley or
 * its container image could not be moved under a path by configuration; this is read at every start instead.
 */
public record PathPrefix(String value) {

    public static final PathPrefix ROOT = new PathPrefix("");

    /** Set once at start-up by {@link PrefixRouting}, before the first request; the root until then. */
    private static volatile PathPrefix current = ROOT;

    /** The prefix this Parley runs under. */
    public static PathPrefix current() {
        return current;
    }

    static void use(PathPrefix prefix) {
        current = prefix;
    }

    /** Letters, digits and the few marks every proxy and browser passes unescaped; no "." or ".." steps. */
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._~-]+");

    /**
     * The prefix in its one spelling: "comments", "/comments" and "/comments/" all give {@code /comments};
     * empty or "/" gives the root.
     *
     * @throws IllegalArgumentException with a sentence for the operator when the value is not a path
     */
    public static PathPrefix parse(String raw) {
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty() || value.equals("/")) {
            return ROOT;
        }
        String trimmed = value.replaceAll("^/|/$", "");
        if (trimmed.length() > 200) {
            throw refused(raw, "it is longer than 200 characters");
        }
        for (String segment : trimmed.split("/", -1)) {
            if (segment.isEmpty()) {
                throw refused(raw, "it has an empty step (two slashes in a row)");
            }
            if (segment.equals(".") || segment.equals("..")) {
                throw refused(raw, "it has a \".\" or \"..\" step");
            }
            if (!SEGMENT.matcher(segment).matches()) {
                throw refused(raw, "use only letters, digits, \"-\", \"_\", \".\" and \"~\" between the slashes");
            }
        }
        return new PathPrefix("/" + trimmed);
    }

    private static IllegalArgumentException refused(String raw, String why) {
        String shown = raw.length() > 80 ? raw.substring(0, 80) + "…" : raw;
        return new IllegalArgumentException("PARLEY_PATH_PREFIX \"" + shown.replaceAll("\\p{Cntrl}", "?")
                + "\" is not a path prefix: " + why + ". Give the path Parley is reached under, e.g. /comments,"
                + " or leave it empty to serve Parley at the root.");
    }

    public boolean isRoot() {
        return value.isEmpty();
    }

    /** A path inside Parley ("/admin") as the browser reaches it ("/comments/admin"). */
    public String link(String path) {
        return value + path;
    }

    /**
     * The path inside Parley that a request path names, or null when it lies outside the prefix.
     * {@code /comments/admin} gives {@code /admin}; {@code /comments} itself is outside (it needs its slash).
     */
    public String inside(String requestPath) {
        if (isRoot()) {
            return requestPath;
        }
        return requestPath.startsWith(value + "/") ? requestPath.substring(value.length()) : null;
    }

    @Override
    public String toString() {
        return isRoot() ? "(root)" : value;
    }
}
