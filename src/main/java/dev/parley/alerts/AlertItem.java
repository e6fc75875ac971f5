package dev.parley.alerts;

import dev.parley.moderation.QueueItem;
import java.util.List;

/**
 * A comment as an alert shows it: what the queue shows moderators, the text as typed (for the plain-text part),
 * where it was posted, and this moderator's one-click links.
 *
 * @param why "Held for moderation", "Reported", "Marked as spam by a rule"
 * @param signedInWith the login provider the author signed in with, or {@code null} for a guest
 */
public record AlertItem(
        QueueItem item,
        String why,
        String text,
        String articleUrl,
        String signedInWith,
        String commentUrl,
        List<Link> links) {

    /** A one-click link: "Approve" and its address. */
    public record Link(String label, String url) {}

    AlertItem withLinks(List<Link> links) {
        return new AlertItem(item, why, text, articleUrl, signedInWith, commentUrl, links);
    }

    /** "Reported 2 times: Spam or advertising; Harassment", or {@code null}. */
    public String reportLine() {
        if (item.reportCount() <= 0) {
            return null;
        }
        return "Reported " + item.reportCount() + (item.reportCount() == 1 ? " time" : " times")
                + (item.reportReasons().isEmpty() ? "" : ": " + String.join("; ", item.reportReasons()));
    }
}
