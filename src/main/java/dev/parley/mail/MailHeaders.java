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

    /**
     * A header value with letters outside ASCII written as RFC 2047 encoded words ({@code =?UTF-8?B?…?=}), each at
     * most 75 characters and never splitting a character, separated by spaces (which readers drop between encoded
     * words). The SMTP client's own encoding handles one UTF-16 unit at a time and turns an emoji into "??"; an
     * ASCII value is left as it is.
     */
    public static String encodedWords(String value) {
        if (value.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            return value;
        }
        StringBuilder words = new StringBuilder();
        StringBuilder chunk = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            String character = new String(Character.toChars(c));
            int size = character.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            // 45 bytes make 60 characters of base64: with "=?UTF-8?B?" and "?=", 72 in all.
            if (bytes + size > 45) {
                appendWord(words, chunk.toString());
                chunk.setLength(0);
                bytes = 0;
            }
            chunk.append(character);
            bytes += size;
            i += Character.charCount(c);
        }
        appendWord(words, chunk.toString());
        return words.toString();
    }

    private static void appendWord(StringBuilder words, String text) {
        if (text.isEmpty()) {
            return;
        }
        if (words.length() > 0) {
            words.append(' ');
        }
        words.append("=?UTF-8?B?")
                .append(java.util.Base64.getEncoder()
                        .encodeToString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .append("?=");
    }
}
