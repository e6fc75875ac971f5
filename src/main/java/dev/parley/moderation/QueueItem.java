package dev.parley.moderation;

import dev.parley.article.CommentStatus;
import io.quarkus.qute.RawString;
import java.time.Instant;
import java.util.List;

/**
 * A comment as the queue shows it to moderators, with the details readers never see.
 *
 * @param pageUrl the address of the host page that carries the thread, for a thread embedded in another site;
 *     {@code null} for Parley's own articles
 */
public record QueueItem(
        long id,
        int version,
        CommentStatus status,
        String articleTitle,
        String articleSlug,
        String pageUrl,
        String authorName,
        String authorEmail,
        String authorUrl,
        String authorIp,
        Long identityId,
        Instant postedAt,
        RawString bodyHtml,
        boolean isReply,
        boolean byStaff,
        boolean edited,
        List<String> reasons,
        int reportCount,
        boolean hiddenByReports,
        List<String> reportReasons,
        Parent parent,
        String lastDecision) {

    /**
     * The comment a reply answers, as the queue names it: its author and the start of its text ({@code gone}
     * when it was deleted since).
     */
    public record Parent(long id, String authorName, String excerpt, boolean gone) {}

    /**
     * "Held: contains 3 links; moderation word 'casino' in website", or {@code null}. Only while the
     * automatic decision stands: once a moderator has decided, the reasons no longer explain where the
     * comment is, and {@link #lastDecision} says instead who put it there.
     */
    public String reasonLine() {
        if (reasons.isEmpty() || lastDecision != null) {
            return null;
        }
        String verdict = status == CommentStatus.SPAM ? "Spam" : "Held";
        return verdict + ": " + String.join("; ", reasons);
    }

    /** The host of the page that carries an embedded thread ("blog.example.org"), or {@code null}. */
    public String pageHost() {
        if (pageUrl == null) {
            return null;
        }
        try {
            return new java.net.URI(pageUrl).getHost();
        } catch (java.net.URISyntaxException e) {
            return null; // stored canonical, so never; the title's link still leads there
        }
    }

    /** Whether this item gets the decision's button: the same rule the decision itself applies. */
    public boolean offers(Decision decision) {
        return decision.appliesTo(status, reportCount > 0);
    }

    /** The words on the decision's button: approving an approved, reported comment keeps it. */
    public String label(Decision decision) {
        return decision == Decision.APPROVE && status == CommentStatus.APPROVED ? "Keep" : decision.label();
    }

    /** The value of a decision button on this item: {@code approve:12:3} (decision, id, version). */
    public String action(Decision decision) {
        return decision.value() + ":" + id + ":" + version;
    }

    public String pick() {
        return id + ":" + version;
    }
}
