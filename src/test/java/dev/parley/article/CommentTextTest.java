package dev.parley.article;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommentTextTest {

    private static String html(String text) {
        return CommentText.toHtml(text).getValue();
    }

    @Test
    void paragraphsAndLineBreaksAreKept() {
        assertEquals("<p>one<br>\ntwo</p>\n<p>three</p>\n", html("one\r\ntwo\n\n\n  \nthree\n"));
    }

    @Test
    void markupIsEscaped() {
        assertEquals(
                "<p>&lt;b onclick=&quot;x&quot;&gt;it&#39;s&lt;/b&gt; &amp;amp;</p>\n",
                html("<b onclick=\"x\">it's</b> &amp;"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "see https://example.org/a?b=1&c=2. | https://example.org/a?b=1&amp;c=2 | .",
                "(http://example.org/x) | http://example.org/x | )",
                "https://en.wikipedia.org/wiki/Foo_(bar) | https://en.wikipedia.org/wiki/Foo_(bar) | ''",
                "HTTPS://EXAMPLE.ORG, | HTTPS://EXAMPLE.ORG | ,",
            })
    void webAddressesBecomeLinksWithoutTheirTrailingPunctuation(String text, String href, String after) {
        String html = html(text);
        String link = "<a href=\"" + href + "\" rel=\"nofollow ugc noopener\">" + href + "</a>";
        assertEquals(true, html.contains(link + after.replace("''", "")), html);
    }

    @Test
    void otherSchemesAreNotLinked() {
        assertEquals(
                "<p>javascript:alert(1) data:text/html,x ftp://x.org</p>\n",
                html("javascript:alert(1) data:text/html,x ftp://x.org"));
    }

    @Test
    void quotesCannotBreakOutOfTheLink() {
        assertEquals(
                "<p><a href=\"https://x.org/\" rel=\"nofollow ugc noopener\">https://x.org/</a>&quot;onmouseover=&quot;a</p>\n",
                html("https://x.org/\"onmouseover=\"a"));
    }
}
