package dev.parley.article;

import dev.parley.web.Html;
import io.quarkus.qute.RawString;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a comment's plain text into HTML: paragraphs and line breaks kept, http(s) URLs linked with
 * {@code rel="nofollow ugc noopener"}, everything else escaped. Readers cannot write markup.
 */
public final class CommentText {

    public static final String USER_LINK_REL = "nofollow ugc noopener";

    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n[ \\t]*\\n\\s*");
    private static final Pattern URL = Pattern.compile("\\bhttps?://[^\\s<>\"'`]+", Pattern.CASE_INSENSITIVE);
    // Punctuation that usually ends the sentence around a URL rather than the URL itself.
    private static final String TRAILING_PUNCTUATION = ".,;:!?)]}*";

    private CommentText() {}

    public static RawString toHtml(String text) {
        String normalized = text.replace("\r\n", "\n").replace('\r', '\n').strip();
        StringBuilder html = new StringBuilder(normalized.length() + 64);
        for (String paragraph : PARAGRAPH_BREAK.split(normalized)) {
            if (paragraph.isBlank()) {
                continue;
            }
            html.append("<p>");
            String[] lines = paragraph.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (i > 0) {
                    html.append("<br>\n");
                }
                appendLinked(html, lines[i]);
            }
            html.append("</p>\n");
        }
        return Html.trusted(html.toString());
    }

    private static void appendLinked(StringBuilder html, String line) {
        Matcher matcher = URL.matcher(line);
        int last = 0;
        while (matcher.find()) {
            String url = trimTrailingPunctuation(matcher.group());
            int end = matcher.start() + url.length();
            html.append(Html.escape(line.substring(last, matcher.start())));
            String escaped = Html.escape(url);
            html.append("<a href=\"")
                    .append(escaped)
                    .append("\" rel=\"")
                    .append(USER_LINK_REL)
                    .append("\">")
                    .append(escaped)
                    .append("</a>");
            last = end;
        }
        html.append(Html.escape(line.substring(last)));
    }

    private static String trimTrailingPunctuation(String url) {
        int end = url.length();
        while (end > 0 && TRAILING_PUNCTUATION.indexOf(url.charAt(end - 1)) >= 0) {
            // Keep a closing parenthesis that belongs to the URL, as in Wikipedia links.
            if (url.charAt(end - 1) == ')' && count(url, '(', end) > count(url, ')', end - 1)) {
                break;
            }
            end--;
        }
        return url.substring(0, end);
    }

    private static int count(String text, char c, int end) {
        int n = 0;
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}
