package dev.parley.moderation;

import dev.parley.article.Comment;
import dev.parley.article.CommentReported;
import dev.parley.article.CommentStatus;
import dev.parley.identity.SignedIn;
import dev.parley.settings.SettingsService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Readers' reports. A reported comment enters the Reported tab; at the owner's threshold it is hidden from
 * the thread until a moderator decides. One reader (a signed-in identity, or a guest's IP address) counts
 * once per comment; banned people are not counted.
 */
@ApplicationScoped
public class Reports {

    @Inject
    Event<CommentReported> reported;

    /** The reasons a reader can choose, in the order the form lists them. */
    public static final List<String> REASONS = List.of(
            "Spam or advertising",
            "Abusive or harassing",
            "Hate speech",
            "Off topic",
            "Personal information about someone",
            "Something else");

    @Inject
    SettingsService settings;

    @Inject
    Bans bans;

    /** What became of a report. */
    public enum Outcome {
        RECORDED,
        ALREADY_REPORTED,
        NOT_REPORTABLE
    }

    /** The approved comment on this article that a reader may report, if it is one. */
    @Transactional
    public Optional<ReportTarget> target(String slug, long commentId) {
        return reportable(slug, commentId)
                .map(c -> new ReportTarget(c.id, c.authorName, c.article.title, c.article.slug, c.body));
    }

    /**
     * Records a report.
     *
     * @param reporterKey the hash of the reporting browser's token or identity
     */
    @Transactional
    public Outcome report(
            String slug, long commentId, String reason, String reporterKey, Optional<SignedIn> reader, String ip) {
        Optional<Comment> found = reportable(slug, commentId);
        if (found.isEmpty()) {
            return Outcome.NOT_REPORTABLE;
        }
        Comment comment = found.get();
        Instant now = Instant.now();
        String email = reader.map(SignedIn::email).orElse(null);
        Long identity = reader.map(SignedIn::identityId).orElse(null);
        if (bans.reasonFor(email, identity, ip, now).isPresent()) {
            // Banned people are thanked like anyone, and counted by no one.
            return Outcome.RECORDED;
        }
        if (CommentReport.count("comment = ?1 and reporterKey = ?2", comment, reporterKey) > 0) {
            return Outcome.ALREADY_REPORTED;
        }
        CommentReport report = new CommentReport();
        report.comment = comment;
        report.reason = reason;
        report.reporterKey = reporterKey;
        report.reporterIp = ip;
        report.createdAt = now;
        report.persist();
        boolean first = comment.reportedAt == null;
        // Counted in the database, so that reports arriving on several instances add up. The version moves
        // on, so a moderator deciding on what they saw before this report is told to look again.
        Comment.update(
                "reportCount = reportCount + 1, reportedAt = coalesce(reportedAt, ?1), version = version + 1"
                        + " where id = ?2",
                now,
                comment.id);
        int threshold = settings.discussion().reportThreshold();
        if (threshold > 0) {
            Comment.update("hiddenByReports = true where id = ?1 and reportCount >= ?2", comment.id, threshold);
        }
        reported.fire(new CommentReported(comment.id, reason, first));
        return Outcome.RECORDED;
    }

    private static Optional<Comment> reportable(String slug, long commentId) {
        return Optional.ofNullable(Comment.<Comment>findById(commentId))
                .filter(c -> c.status == CommentStatus.APPROVED && !c.hiddenByReports)
                .filter(c -> c.article.slug.equals(slug) && c.article.isPublished());
    }

    /** The comment shown on the report form. */
    public record ReportTarget(
            long commentId, String authorName, String articleTitle, String articleSlug, String body) {}
}
