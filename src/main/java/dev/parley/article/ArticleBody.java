package dev.parley.article;

import dev.parley.web.Html;
import io.quarkus.qute.RawString;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/** Renders an article body. Markdown may not carry raw HTML or script URLs: both are neutralised. */
public final class ArticleBody {

    private static final Parser MARKDOWN = Parser.builder().build();
    private static final HtmlRenderer SAFE_HTML =
            HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    private ArticleBody() {}

    public static RawString toHtml(String body, BodyFormat format) {
        if (format == BodyFormat.MARKDOWN) {
            return Html.trusted(SAFE_HTML.render(MARKDOWN.parse(body)));
        }
        return CommentText.toHtml(body);
    }

    /**
     * A plain-text excerpt for listings: a Markdown article's text as readers see it (no "#", "*" or link
     * addresses), a plain one as typed; escaped by Qute either way.
     */
    public static String excerpt(String body, BodyFormat format, int maxLength) {
        String text = format == BodyFormat.MARKDOWN ? textOf(MARKDOWN.parse(body)) : body;
        String flat = text.replaceAll("\\s+", " ").strip();
        if (flat.length() <= maxLength) {
            return flat;
        }
        int cut = flat.lastIndexOf(' ', maxLength);
        return flat.substring(0, cut > maxLength / 2 ? cut : maxLength) + "…";
    }

    /** The words of a Markdown document, blocks separated by spaces; raw HTML stays text, as the page shows it. */
    private static String textOf(Node document) {
        StringBuilder text = new StringBuilder();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Text node) {
                text.append(node.getLiteral());
            }

            @Override
            public void visit(Code node) {
                text.append(node.getLiteral());
            }

            @Override
            public void visit(HtmlInline node) {
                text.append(node.getLiteral());
            }

            @Override
            public void visit(SoftLineBreak node) {
                text.append(' ');
            }

            @Override
            public void visit(HardLineBreak node) {
                text.append(' ');
            }

            @Override
            protected void visitChildren(Node parent) {
                super.visitChildren(parent);
                if (parent instanceof Block) {
                    text.append(' ');
                }
            }

            @Override
            public void visit(FencedCodeBlock node) {
                text.append(node.getLiteral()).append(' ');
            }

            @Override
            public void visit(IndentedCodeBlock node) {
                text.append(node.getLiteral()).append(' ');
            }

            @Override
            public void visit(HtmlBlock node) {
                text.append(node.getLiteral()).append(' ');
            }
        });
        return text.toString();
    }
}
