package dev.parley.settings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Reads and changes the discussion settings. Reads are a primary-key lookup, cheap enough per request. */
@ApplicationScoped
public class SettingsService {

    /** A read-only copy handed to other features and views. */
    public record Discussion(int threadDepth) {}

    @Transactional
    public Discussion discussion() {
        return new Discussion(DiscussionSettings.current().threadDepth);
    }

    @Transactional
    public void changeThreadDepth(int depth) {
        if (depth < DiscussionSettings.MIN_THREAD_DEPTH || depth > DiscussionSettings.MAX_THREAD_DEPTH) {
            throw new IllegalArgumentException("thread depth out of range: " + depth);
        }
        DiscussionSettings.current().threadDepth = depth;
    }
}
