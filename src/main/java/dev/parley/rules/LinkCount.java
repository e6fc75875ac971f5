package dev.parley.rules;

import java.util.regex.Pattern;

/** How many links a comment holds: web addresses with a scheme, and bare "www." addresses. */
public final class LinkCount {

    private static final Pattern LINK = Pattern.compile("(?i)https?://|(?<![\\w./@-])www\\.[\\w-]");

    private LinkCount() {}

    public static int of(String text) {
        if (text == null) {
            return 0;
        }
        return (int) LINK.matcher(text).results().count();
    }
}
