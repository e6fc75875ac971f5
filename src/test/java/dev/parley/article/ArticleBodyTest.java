package dev.parley.article;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ArticleBodyTest {

    @Test
    void aMarkdownExcerptIsTheTextReadersSee() {
        String markdown = "# Spring issue\n\nSome *emphasis*, **strong** words and a [link](https://example.org/)."
                + "\n\n- one\n- `two`\n\n> quoted <b>raw</b>\n\n```\ncode()\n```\n";

        assertEquals(
                "Spring issue Some emphasis, strong words and a link. one two quoted <b>raw</b> code()",
                ArticleBody.excerpt(markdown, BodyFormat.MARKDOWN, 280));
    }

    @Test
    void aPlainExcerptIsAsTyped() {
        assertEquals("# Not a heading *here*", ArticleBody.excerpt("# Not a heading\n*here*", BodyFormat.PLAIN, 280));
    }

    @Test
    void longExcerptsAreCutAtAWord() {
        assertEquals("alpha beta…", ArticleBody.excerpt("**alpha** beta gamma", BodyFormat.MARKDOWN, 12));
    }
}
