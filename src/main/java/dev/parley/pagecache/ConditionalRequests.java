package dev.parley.pagecache;

import java.util.Locale;

/** The two request headers a shared page looks at: If-None-Match (RFC 9110 §13.1.2) and Accept-Encoding (§12.5.3). */
final class ConditionalRequests {

    private ConditionalRequests() {}

    /** Whether the browser's copy is the page: weak comparison, as GET allows. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        String wanted = opaque(etag);
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || opaque(tag).equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    /** Whether the coding is acceptable: named (or "*") without q=0. */
    static boolean accepts(String acceptEncoding, String coding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.split(",")) {
            String[] pieces = part.split(";");
            String name = pieces[0].strip().toLowerCase(Locale.ROOT);
            if (!name.equals(coding) && !name.equals("*") && !name.equals("x-" + coding)) {
                continue;
            }
            boolean refused = false;
            for (int i = 1; i < pieces.length; i++) {
                String parameter = pieces[i].strip().toLowerCase(Locale.ROOT).replace(" ", "");
                if (parameter.matches("q=0(\\.0{0,3})?")) {
                    refused = true;
                }
            }
            return !refused;
        }
        return false;
    }
}
