package dev.parley.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** PARLEY_PATH_PREFIX in its one spelling, and the values refused at start. */
class PathPrefixTest {

    @ParameterizedTest
    @ValueSource(strings = {"/comments", "comments", "/comments/", " /comments "})
    void oneSpelling(String raw) {
        assertEquals("/comments", PathPrefix.parse(raw).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "  "})
    void emptyIsTheRoot(String raw) {
        assertTrue(PathPrefix.parse(raw).isRoot());
        assertEquals("/admin", PathPrefix.parse(raw).link("/admin"));
    }

    @Test
    void severalStepsAreOneSpellingToo() {
        assertEquals(
                "/blog/comments-2.0_x~y",
                PathPrefix.parse("blog/comments-2.0_x~y/").value());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "//comments",
                "/a//b",
                "/../admin",
                "/a/./b",
                "/com ments",
                "/comments?x=1",
                "/comments#top",
                "/c%6fmments",
                "/kommentare\u00e4",
                "https://blog.example.org/comments",
                "\\comments",
                "/a;b"
            })
    void malformedValuesAreRefusedInWords(String raw) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> PathPrefix.parse(raw));
        assertTrue(refused.getMessage().startsWith("PARLEY_PATH_PREFIX \""), refused.getMessage());
        assertTrue(refused.getMessage().contains("e.g. /comments"), refused.getMessage());
    }

    @Test
    void controlCharactersAreNotEchoed() {
        IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, () -> PathPrefix.parse("/a\u001b[31mb"));
        assertTrue(!refused.getMessage().contains("\u001b"), refused.getMessage());
    }

    @Test
    void requestPathsInsideAndOutside() {
        PathPrefix prefix = PathPrefix.parse("/comments");
        assertEquals("/articles/x", prefix.inside("/comments/articles/x"));
        assertEquals("/", prefix.inside("/comments/"));
        assertNull(prefix.inside("/comments"));
        assertNull(prefix.inside("/commentsx/a"));
        assertNull(prefix.inside("/articles/x"));
        assertEquals("/comments/admin", prefix.link("/admin"));
    }
}
