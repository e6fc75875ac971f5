package dev.parley.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/**
 * Return targets after sign-in or a form: paths of Parley's own pages only, so nobody can bounce users elsewhere.
 * Under a path prefix that means paths under it: the rest of the host site is not Parley's to send readers to.
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
            return uri.getScheme() == null
                            && uri.getRawAuthority() == null
                            && PathPrefix.current().inside(uri.normalize().getRawPath()) != null
                    ? candidate
                    : fallback;
        } catch (URISyntaxException notAnAddress) {
            return fallback;
        }
    }
}
