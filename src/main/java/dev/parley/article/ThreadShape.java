package dev.parley.article;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Which top-level thread each comment of a thread is in, from ids and parents only: what the link back to a new
 * comment needs to find its page on a thread with several, without loading every comment's text. It places
 * comments as {@link ThreadService}'s thread does: under their parent when the thread shows the parent, at the
 * top level otherwise; a maximum depth of 1 (no nesting) puts every comment at the top level, any other only moves
 * a reply up within its own thread.
 */
final class ThreadShape {

    /** One comment the thread shows. */
    record Entry(Long id, Long parentId) {}

    private final Map<Long, Long> topOf = new HashMap<>();
    private final Map<Long, Integer> positionOfTop = new HashMap<>();
    private final boolean newestFirst;

    /**
     * @param shown the comments the thread shows, oldest first (a parent always before its replies)
     * @param maxDepth the owner's thread depth
     */
    ThreadShape(List<Entry> shown, int maxDepth, boolean newestFirst) {
        this.newestFirst = newestFirst;
        boolean nested = maxDepth > 1;
        for (Entry entry : shown) {
            Long top = entry.parentId() == null || !nested ? null : topOf.get(entry.parentId());
            if (top == null) {
                top = entry.id();
                positionOfTop.put(top, positionOfTop.size());
            }
            topOf.put(entry.id(), top);
        }
    }

    /** The page that shows the comment, from 1; empty when the thread does not show it. */
    OptionalInt pageOf(long commentId, int perPage) {
        Long top = topOf.get(commentId);
        if (top == null) {
            return OptionalInt.empty();
        }
        int position = positionOfTop.get(top);
        if (newestFirst) {
            position = positionOfTop.size() - 1 - position;
        }
        return OptionalInt.of(perPage <= 0 ? 1 : position / perPage + 1);
    }
}
