package dev.parley.web;

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
        return candidate;
    }
}
