package dev.parley.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/**
 * Return targets after sign-in or a form: same-origin paths, or pages of the owner's registered sites, so nobody
 * can bounce users elsewhere.
 */
public final class SafeRedirect {

    private static final Pattern LOCAL_PATH = Pattern.compile("^/(?![/\\\\])[^\\s\\\\]*$");

    private SafeRedirect() {}

    public static String localPathOr(String candidate, String fallback) {
        if (candidate == null
                || candidate.isEmpty()
                || !LOCAL_PATH.matcher(candidate).matches()) {
            return fallback;
        }
        try {
            URI uri = new URI(candidate);
            // A path (with query and fragment) of this site, and one that a Location header can carry.
            return uri.getScheme() == null && uri.getRawAuthority() == null ? candidate : fallback;
        } catch (URISyntaxException notAnAddress) {
            return fallback;
        }
    }

    /** A local path, or a page of a registered site (with its fragment, e.g. {@code #respond}); else the fallback. */
    public static String localOrHostPage(String candidate, String fallback, HostPages hostPages) {
        String local = localPathOr(candidate, null);
        if (local != null) {
            return local;
        }
        if (candidate == null) {
            return fallback;
        }
        int hash = candidate.indexOf('#');
        String page = hash < 0 ? candidate : candidate.substring(0, hash);
        String fragment = hash < 0 ? "" : candidate.substring(hash);
        boolean plainFragment = fragment.matches("(#[A-Za-z0-9_-]{1,64})?");
        return plainFragment && hostPages.knownPage(page).filter(page::equals).isPresent() ? candidate : fallback;
    }
}
