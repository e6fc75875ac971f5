package dev.parley.site;

import java.util.List;

/** One page of a site's threads, newest first. */
public record ThreadList(long siteId, List<ThreadRow> rows, int page, int pages, long total) {

    public static final int PAGE_SIZE = 50;

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages;
    }

    public int previousPage() {
        return page - 1;
    }

    public int nextPage() {
        return page + 1;
    }

    /** The position of the first row shown, counting from 1 ("Threads 51–100 of 120"). */
    public long first() {
        return (long) (page - 1) * PAGE_SIZE + 1;
    }

    public long last() {
        return first() + rows.size() - 1;
    }
}
