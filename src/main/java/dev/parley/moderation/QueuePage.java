package dev.parley.moderation;

import java.util.List;
import java.util.Map;

/**
 * One page of the queue, found by keyset paging: {@code newer}/{@code older} are the cursors of the
 * neighbouring pages ({@code null} at either end), so no page costs more than its own rows.
 *
 * @param counts each tab's count, bounded: {@link #COUNT_CAP} or more is shown as "10,000+"
 */
public record QueuePage(
        QueueFilter filter,
        List<QueueItem> items,
        Map<QueueTab, Long> counts,
        String previousCursor,
        String nextCursor) {

    public static final long COUNT_CAP = 10_000;

    public boolean isEmpty() {
        return items.isEmpty();
    }

    public QueueTab tab() {
        return filter.tab();
    }

    public List<QueueTab> tabs() {
        return List.of(QueueTab.values());
    }

    public String count(QueueTab tab) {
        long n = counts.getOrDefault(tab, 0L);
        return n >= COUNT_CAP ? String.format("%,d+", COUNT_CAP) : String.format("%,d", n);
    }

    public boolean hasPrevious() {
        return previousCursor != null;
    }

    public boolean hasNext() {
        return nextCursor != null;
    }

    public String previousLink() {
        return filter.at(null, previousCursor).link();
    }

    /** Whether this is a page further on (not the first), which may have emptied since it was linked. */
    public boolean isLaterPage() {
        return filter.after() != null || filter.before() != null;
    }

    public String firstPageLink() {
        return filter.at(null, null).link();
    }

    public String nextLink() {
        return filter.at(nextCursor, null).link();
    }
}
