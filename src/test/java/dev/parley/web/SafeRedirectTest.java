package dev.parley.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeRedirectTest {

    @ParameterizedTest
    @ValueSource(strings = {"/moderation", "/moderation?page=2", "/articles/a#comment-1", "/"})
    void localPathsAreFollowed(String path) {
        assertEquals(path, SafeRedirect.localPathOr(path, "/fallback"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://evil.example/",
                "//evil.example",
                "/\\evil.example",
                "\\\\evil",
                "javascript:x",
                "evil.example",
                "/ x",
                ""
            })
    void anythingElseFallsBack(String path) {
        assertEquals("/fallback", SafeRedirect.localPathOr(path, "/fallback"));
    }

    /** Under a path prefix, the rest of the host site is not Parley's to send readers to. */
    @ParameterizedTest
    @ValueSource(strings = {"/comments/moderation", "/comments/articles/a#comment-1", "/comments/"})
    void underAPrefixOnlyItsPathsAreFollowed(String path) {
        PathPrefix.use(PathPrefix.parse("/comments"));
        try {
            assertEquals(path, SafeRedirect.localPathOr(path, "/fallback"));
            for (String elsewhere :
                    new String[] {"/moderation", "/", "/commentsx/a", "/comments/../wp-admin", "/comments"}) {
                assertEquals("/fallback", SafeRedirect.localPathOr(elsewhere, "/fallback"), elsewhere);
            }
        } finally {
            PathPrefix.use(PathPrefix.ROOT);
        }
    }
}
