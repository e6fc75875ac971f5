package dev.parley.web;

import java.util.regex.Pattern;

/**
 * The forms that live inside other sites' pages, in the thread fragment: the reply form, its sign-in buttons
 * and its "Log out". One rendering of the fragment is shared by every reader (and kept by shared caches), so these
 * forms cannot carry a reader's CSRF token, and the browser of a page with the script tag may not even keep
 * Parley's cookies. They are checked by where they come from instead: Parley's own origin or a registered
 * site's ({@link CrossSiteFormGuard}); a guest comment needs nothing more, and a signed-in reader's session
 * cookie is SameSite=Lax, so another site cannot post with it.
 */
public final class HostPageForms {

    private static final Pattern PATHS =
            Pattern.compile("/embed/comments|/embed/follow|/embed/reader|/auth/\\d{1,18}/start|/logout");

    private HostPageForms() {}

    /** Whether the path (relative to Parley's root) receives a form of a host page. */
    public static boolean receives(String path) {
        String relative = path.startsWith("/") ? path : "/" + path;
        return PATHS.matcher(relative).matches();
    }
}
