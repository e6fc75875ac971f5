package dev.parley.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every way of writing one page's address finds the same thread; what is not a page address is refused. */
class PageAddressesTest {

    private static final PageAddresses BLOG = new PageAddresses(
            List.of("https://Blog.Example.org/", "http://localhost:8081"), List.of("p"), TrailingSlash.KEEP, true);

    private static String canonical(PageAddresses site, String raw) {
        PageAddresses.Result result = site.canonical(raw);
        return assertInstanceOf(PageAddresses.Canonical.class, result, raw + ": " + result)
                .url();
    }

    private static PageAddresses.Refused refused(PageAddresses site, String raw) {
        return assertInstanceOf(PageAddresses.Refused.class, site.canonical(raw), raw);
    }

    @Test
    void schemeHostPortDotsEscapesAndDroppedParametersAreMadeCanonical() {
        String page = "https://blog.example.org/2026/caf%C3%A9/";
        assertEquals(page, canonical(BLOG, "https://blog.example.org/2026/caf%C3%A9/"));
        assertEquals(page, canonical(BLOG, "HTTP://BLOG.example.org:80/2026/./x/../caf%c3%a9/?utm_source=a"));
        assertEquals(page, canonical(BLOG, "https://blog.example.org:443/2026/caf%C3%A9/"));
        assertEquals("https://blog.example.org/a-b~c", canonical(BLOG, "https://blog.example.org/%61%2D%62%7E%63"));
        assertEquals(
                "https://blog.example.org/a%2Fb",
                canonical(BLOG, "https://blog.example.org/a%2fb"), "an escaped slash stays");
        assertEquals("https://blog.example.org/?p=12", canonical(BLOG, "https://blog.example.org/?utm=1&p=12"));
        assertEquals("http://localhost:8081/post", canonical(BLOG, "http://localhost:8081/post"));
        assertEquals(
                "https://blog.example.org/2026/%D9%85%D8%B1%D8%AD%D8%A8%D8%A7/",
                canonical(BLOG, "https://blog.example.org/2026/مرحبا/?utm=1"),
                "written with its own letters: the same page as the percent-encoded address");
        assertEquals(
                canonical(BLOG, "https://blog.example.org/%F0%9F%91%8B"),
                canonical(BLOG, "https://blog.example.org/👋"));
    }

    @Test
    void theOwnersTrailingSlashAndSchemeChoicesApply() {
        PageAddresses add = new PageAddresses(List.of("https://b.example"), List.of(), TrailingSlash.ADD, true);
        PageAddresses remove = new PageAddresses(List.of("https://b.example"), List.of(), TrailingSlash.REMOVE, false);
        assertEquals("https://b.example/post/", canonical(add, "http://b.example/post"));
        assertEquals("https://b.example/post", canonical(remove, "https://b.example/post/"));
        assertEquals("https://b.example/", canonical(remove, "https://b.example"));
        assertTrue(refused(remove, "http://b.example/post").unregistered(), "http is another origin when told so");
    }

    @Test
    void whatIsNotAPlainAddressOfARegisteredOriginIsRefusedWithItsReason() {
        assertTrue(refused(BLOG, "https://evil.example/post").unregistered());
        assertTrue(refused(BLOG, "https://blog.example.org.evil.example/").unregistered());
        assertTrue(refused(BLOG, "https://blog.example.org/post#c").reason().contains("fragment"));
        assertTrue(refused(BLOG, "https://blog.example.org/%C0%AF").reason().contains("percent-encoding"), "overlong");
        assertTrue(refused(BLOG, "https://blog.example.org/%zz").reason().contains("valid"));
        assertTrue(refused(BLOG, "https://blog.example.org/%00").reason().contains("percent-encoding"), "NUL");
        assertTrue(refused(BLOG, "https://blog.example.org/a b").reason().contains("spaces"));
        assertTrue(refused(BLOG, "https://blog.example.org/a\u00a0b").reason().contains("spaces"), "no-break space");
        assertTrue(refused(BLOG, "https://blog.example.org/a\u0085").reason().contains("control"));
        assertTrue(refused(BLOG, "https://user:pw@blog.example.org/").reason().contains("plain"));
        assertTrue(refused(BLOG, "ftp://blog.example.org/").reason().contains("http"));
        assertTrue(refused(BLOG, "//blog.example.org/").reason().contains("http"));
        assertTrue(refused(BLOG, "https://blog.example.org/" + "a".repeat(2000))
                .reason()
                .contains("longer"));
        assertTrue(refused(BLOG, "").reason().contains("missing"));
    }

    @Test
    void originsAreAllowedOnlyWhenRegistered() {
        assertTrue(BLOG.allowsOrigin("https://blog.example.org"));
        assertTrue(BLOG.allowsOrigin("http://blog.example.org"), "the same page in either scheme");
        assertTrue(!BLOG.allowsOrigin("https://blog.example.org.evil.example"));
        assertTrue(!BLOG.allowsOrigin("null"));
        assertEquals(
                "https://blog.example.org",
                PageAddresses.originOf("https://Blog.Example.org/").orElseThrow());
        assertTrue(PageAddresses.originOf("https://blog.example.org/path").isEmpty());
    }
}
