package dev.parley.moderation;

import java.util.List;

/** One page of the queue. Pages are numbered from 1. */
public record QueuePage(List<QueueItem> items, long total, int page, int pageSize) {

    public int pageCount() {
        return (int) Math.max(1, (total + pageSize - 1) / pageSize);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pageCount();
    }

    public int previous() {
        return page - 1;
    }

    public int next() {
        return page + 1;
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }
}
