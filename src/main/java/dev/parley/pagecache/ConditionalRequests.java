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

    /**
     * Whether the browser's copy is current: by its ETag when it sends one (RFC 9110 §13.2.2: If-None-Match wins),
     * else by its date, when dates can tell ({@code byDate}: a page whose only per-visitor value is one the browser
     * already had).
     */
    static boolean notModified(
            String ifNoneMatch, String etag, String ifModifiedSince, java.time.Instant lastModified, boolean byDate) {
        if (ifNoneMatch != null && !ifNoneMatch.isBlank()) {
            return matches(ifNoneMatch, etag);
        }
        if (!byDate || ifModifiedSince == null) {
            return false;
        }
        try {
            java.time.Instant since = java.time.ZonedDateTime.parse(
                            ifModifiedSince.strip(), java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
            return !lastModified.isAfter(since);
        } catch (java.time.format.DateTimeParseException unreadable) {
            return false;
        }
    }

    /** The Last-Modified header's form of a time. */
    static String httpDate(java.time.Instant instant) {
        return java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atZone(java.time.ZoneOffset.UTC));
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
