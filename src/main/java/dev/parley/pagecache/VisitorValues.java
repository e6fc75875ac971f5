package dev.parley.pagecache;

import dev.parley.web.FormToken;
import dev.parley.web.ReplyFormStamps;
import dev.parley.web.SharedRendering.Hole;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What one answer puts into a shared page's holes, and the tag that names the result: the same for a browser until
 * the page changes, whichever path answers (from memory, or the page code).
 *
 * @param token the browser's CSRF token, or {@code null} when the page carries none (the page carries it masked)
 * @param hadToken whether the browser sent that token (rather than getting a new one with this answer)
 * @param etag weak: the bytes differ per answer (the form's key and time), the page does not. With a CSRF token, its
 *     hash is part of the tag, so that a browser whose token changed never keeps a page with the old one; the
 *     fragment's tag changes with the minute of its form's time, as the fragment did before it was kept.
 */
record VisitorValues(Map<Hole, byte[]> values, String token, boolean hadToken, String etag) {

    static VisitorValues of(SharedPage page, Supplier<String> token, boolean hadToken, ReplyFormStamps stamps) {
        Map<Hole, byte[]> values = new EnumMap<>(Hole.class);
        String csrf = null;
        if (page.has(Hole.CSRF_TOKEN)) {
            csrf = token.get();
            values.put(Hole.CSRF_TOKEN, ascii(FormToken.masked(csrf)));
        }
        if (page.has(Hole.FORM_KEY)) {
            values.put(Hole.FORM_KEY, ascii(stamps.getKey()));
        }
        if (page.has(Hole.FORM_SHOWN)) {
            values.put(Hole.FORM_SHOWN, ascii(stamps.getShown()));
        }
        String sharedShown = null;
        if (page.has(Hole.SHARED_FORM_SHOWN)) {
            sharedShown = stamps.getSharedShown();
            values.put(Hole.SHARED_FORM_SHOWN, ascii(sharedShown));
        }
        StringBuilder tag = new StringBuilder("W/\"").append(page.contentHash);
        if (csrf != null) {
            tag.append('-').append(dev.parley.web.Tokens.sha256(csrf), 0, 8);
        }
        if (sharedShown != null) {
            tag.append('-').append(dev.parley.web.Tokens.sha256(sharedShown), 0, 8);
        }
        return new VisitorValues(values, csrf, hadToken, tag.append('"').toString());
    }

    /** Whether a browser's date can tell that its copy is current: it already had the token this page carries. */
    boolean datesTell() {
        return token == null || hadToken;
    }

    private static byte[] ascii(String value) {
        return value.getBytes(StandardCharsets.US_ASCII);
    }
}
