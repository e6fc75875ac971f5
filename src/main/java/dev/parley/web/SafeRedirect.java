package dev.parley.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/** Return targets after sign-in or a form: same-origin paths only, so nobody can bounce users elsewhere. */
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
}
