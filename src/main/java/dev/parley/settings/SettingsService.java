package dev.parley.settings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Map;

/** Reads and changes the discussion settings. Reads are a primary-key lookup, cheap enough per request. */
@ApplicationScoped
public class SettingsService {

    static final String DEPTH_OUT_OF_RANGE = "Choose a depth from " + DiscussionSettings.MIN_THREAD_DEPTH + " to "
            + DiscussionSettings.MAX_THREAD_DEPTH + ".";

    /** A read-only copy handed to other features and views. */
    public record Discussion(int threadDepth) {}

    @Transactional
    public Discussion discussion() {
        return new Discussion(DiscussionSettings.current().threadDepth);
    }

    /**
     * Changes the thread depth as the owner typed it.
     *
     * @return the message per field when the value is refused; empty when saved
     */
    @Transactional
    public Map<String, String> changeThreadDepth(String typed) {
        int depth;
        try {
            depth = Integer.parseInt(typed == null ? "" : typed.strip());
        } catch (NumberFormatException notANumber) {
            return Map.of("threadDepth", DEPTH_OUT_OF_RANGE);
        }
        if (depth < DiscussionSettings.MIN_THREAD_DEPTH || depth > DiscussionSettings.MAX_THREAD_DEPTH) {
            return Map.of("threadDepth", DEPTH_OUT_OF_RANGE);
        }
        DiscussionSettings.current().threadDepth = depth;
        return Map.of();
    }
}
