package dev.parley.web;

import io.quarkus.qute.RawString;

/**
 * The one place where text becomes HTML. Everything else reaches templates as plain strings and is
 * escaped by Qute.
 */
public final class Html {

    private Html() {}

    /** Escapes text for use in element content and in double- or single-quoted attribute values. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Marks HTML that a renderer of ours produced from escaped input as safe to emit unescaped.
     * Callers must have built {@code html} only from {@link #escape(String)}d text and fixed markup.
     */
    public static RawString trusted(String html) {
        return new RawString(html);
    }
}
