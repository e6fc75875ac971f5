package dev.parley.moderation;

import dev.parley.web.Routes;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the queue shows: a tab, optional filters (exact article, author name, email, IP address; words in
 * the text), an order, and a position (the keyset cursor of the item to continue after or before).
 */
public record QueueFilter(
        QueueTab tab,
        String article,
        String author,
        String email,
        String ip,
        String text,
        boolean searchAll,
        boolean oldestFirst,
        String after,
        String before) {

    /** A text search on its own looks at this many of the tab's newest comments, unless asked to search all. */
    public static final int TEXT_WINDOW = 10_000;

    static QueueFilter of(
            String tab,
            String article,
            String author,
            String email,
            String ip,
            String text,
            String scope,
            String order,
            String after,
            String before) {
        return new QueueFilter(
                QueueTab.parse(tab),
                clean(article),
                clean(author),
                clean(email),
                clean(ip),
                clean(text),
                "all".equals(scope),
                "oldest".equals(order),
                clean(after),
                clean(before));
    }

    public boolean hasFilters() {
        return article != null || author != null || email != null || ip != null || text != null;
    }

    public QueueFilter onTab(QueueTab other) {
        return new QueueFilter(other, article, author, email, ip, text, searchAll, oldestFirst, null, null);
    }

    /**
     * A text search with no other filter reads at most {@link #TEXT_WINDOW} of the tab's newest comments,
     * so that it stays fast on a large site; other filters narrow by index first, so they search everything.
     */
    public boolean isWindowedSearch() {
        return text != null && !searchAll && article == null && author == null && email == null && ip == null;
    }

    public String textWindowLabel() {
        return String.format(java.util.Locale.ROOT, "%,d", TEXT_WINDOW);
    }

    /** The same search over every comment of the tab. */
    public QueueFilter searchingAll() {
        return new QueueFilter(tab, article, author, email, ip, text, true, oldestFirst, null, null);
    }

    /** The same tab without filters. */
    public QueueFilter cleared() {
        return new QueueFilter(tab, null, null, null, null, null, false, false, null, null);
    }

    QueueFilter at(String afterCursor, String beforeCursor) {
        return new QueueFilter(
                tab, article, author, email, ip, text, searchAll, oldestFirst, afterCursor, beforeCursor);
    }

    /** This view's address, to return to after a decision and to page with. */
    public String link() {
        Map<String, String> query = new LinkedHashMap<>();
        if (tab != QueueTab.PENDING) {
            query.put("tab", tab.value());
        }
        put(query, "article", article);
        put(query, "author", author);
        put(query, "email", email);
        put(query, "ip", ip);
        put(query, "q", text);
        if (searchAll && text != null) {
            query.put("scope", "all");
        }
        if (oldestFirst) {
            query.put("order", "oldest");
        }
        put(query, "after", after);
        put(query, "before", before);
        StringBuilder link = new StringBuilder(Routes.moderation());
        query.forEach((k, v) -> link.append(link.indexOf("?") < 0 ? '?' : '&')
                .append(k)
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return link.toString();
    }

    public String tabLink(QueueTab other) {
        return onTab(other).link();
    }

    private static void put(Map<String, String> query, String key, String value) {
        if (value != null) {
            query.put(key, value);
        }
    }

    private static String clean(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
