package dev.parley.web;

/**
 * Keeps people's words from turning Parley's own words around. A name may end in an unclosed right-to-left
 * control (U+202E, U+2067...) that would reverse the rest of its line: inside HTML, templates put such words in
 * {@code <bdi>} (or an element with {@code dir="auto"}); in plain text (page titles, labels, the sentences of
 * the log), they go between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE, which ends whatever the words
 * opened.
 */
public final class Bidi {

    private static final char FIRST_STRONG_ISOLATE = '\u2068';
    private static final char POP_DIRECTIONAL_ISOLATE = '\u2069';

    private Bidi() {}

    /** The words as an isolate of their own; empty for {@code null}. */
    public static String isolate(String words) {
        return words == null || words.isEmpty() ? "" : FIRST_STRONG_ISOLATE + words + POP_DIRECTIONAL_ISOLATE;
    }
}
