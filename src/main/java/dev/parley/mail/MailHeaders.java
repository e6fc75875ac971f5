package dev.parley.mail;

/**
 * Makes text safe for a mail header: no CR, LF or other control character from user input ever reaches one
 * (header injection), and a value is kept to a length mail servers accept.
 */
public final class MailHeaders {

    static final int MAX_SUBJECT = 200;

    private MailHeaders() {}

    /** Control characters (line breaks included) become spaces; runs of spaces one; cut at {@code max}. */
    public static String safe(String value, int max) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), max));
        boolean space = false;
        for (int i = 0; i < value.length() && out.length() < max; ) {
            int c = value.codePointAt(i);
            i += Character.charCount(c);
            boolean blank =
                    Character.isISOControl(c) || Character.isWhitespace(c) || c == 0x2028 || c == 0x2029 || c == 0x85;
            if (blank) {
                space = out.length() > 0;
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.appendCodePoint(c);
        }
        if (out.length() > max) {
            out.setLength(max);
        }
        return out.toString();
    }

    /** A subject line: safe, and shortened with an ellipsis when too long. */
    public static String subject(String value) {
        String safe = safe(value, MAX_SUBJECT + 1);
        return safe.length() > MAX_SUBJECT ? safe.substring(0, MAX_SUBJECT - 1).strip() + "…" : safe;
    }

    /** Whether a typed address could go into a To header unchanged (no line break or control character). */
    public static boolean isHeaderSafe(String value) {
        return value != null
                && value.codePoints().noneMatch(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029);
    }
}
