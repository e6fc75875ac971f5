package dev.parley.rules;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Brings text to the form words are matched in, so that a word matches however it is written: Unicode
 * compatibility forms (full-width letters, ligatures) and case are folded, HTML tags, character references,
 * Markdown emphasis and invisible characters are removed. "C<b>as</b>ino", "c*a*sino", "ｃａｓｉｎｏ",
 * "ca&#115;ino" and "CA\u00ADSINO" all become "casino".
 */
public final class TextFolding {

    private static final Pattern TAG = Pattern.compile("<[^<>]*>");
    private static final Pattern NUMERIC_REFERENCE = Pattern.compile("&#(x[0-9a-fA-F]{1,6}|[0-9]{1,7});");
    private static final Pattern FORMATTING = Pattern.compile("[*_~`\\u00AD\\u200B-\\u200F\\u2060-\\u2064\\uFEFF]");

    private TextFolding() {}

    public static String fold(String text) {
        return text == null || text.isEmpty() ? "" : foldPlain(TAG.matcher(text).replaceAll(""));
    }

    /**
     * The same, with tags left in: comments are plain text, so "&lt;casino&gt;" is what readers see, and
     * a word must not hide inside angle brackets.
     */
    public static String foldKeepingTags(String text) {
        return text == null || text.isEmpty() ? "" : foldPlain(text);
    }

    private static String foldPlain(String text) {
        String plain = decodeReferences(text);
        plain = Normalizer.normalize(plain, Normalizer.Form.NFKC);
        plain = FORMATTING.matcher(plain).replaceAll("");
        // Upper then lower case: full case folding for the letters Java knows ("Straße" → "strasse").
        return plain.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    private static String decodeReferences(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        Matcher m = NUMERIC_REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String number = m.group(1);
            int codePoint;
            try {
                codePoint =
                        number.startsWith("x") ? Integer.parseInt(number.substring(1), 16) : Integer.parseInt(number);
            } catch (NumberFormatException tooLarge) {
                codePoint = -1;
            }
            String replacement = Character.isValidCodePoint(codePoint) ? Character.toString(codePoint) : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString()
                .replace("&nbsp;", " ")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&amp;", "&");
    }
}
