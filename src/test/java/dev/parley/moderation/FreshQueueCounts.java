package dev.parley.moderation;

/**
 * For tests elsewhere that count what a queue page costs: the tab counts are kept a few seconds, so a page counts
 * them or not depending on the time since the last one. Forgetting them first makes every page count them.
 */
public final class FreshQueueCounts {

    private FreshQueueCounts() {}

    public static void forget(QueueReader reader) {
        reader.forgetCounts();
    }
}
