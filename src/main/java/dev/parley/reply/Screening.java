package dev.parley.reply;

import dev.parley.article.Comment;
import dev.parley.article.CommentStatus;
import dev.parley.identity.AccountRole;
import dev.parley.identity.SignedIn;
import dev.parley.moderation.Bans;
import dev.parley.provider.ProviderService;
import dev.parley.rules.Finding;
import dev.parley.rules.Submission;
import dev.parley.settings.Discussion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides where a new comment goes. Precedence, strongest first (the README shows it as a table):
 * <ol>
 *   <li>a reader with a moderator or owner role publishes directly;
 *   <li>bot signs from a guest (honeypot filled, form stamp missing or forged) → spam;
 *   <li>a ban on the email address, identity or IP address → spam;
 *   <li>a disallowed word → spam;
 *   <li>a moderation word, too many links, or a guest's form sent sooner than the owner's minimum → held;
 *   <li>otherwise the "before a comment appears" setting, with a provider's "skip moderation" → approved.
 * </ol>
 * Every spam or hold decision carries its reasons in plain words.
 */
@ApplicationScoped
class Screening {

    @Inject
    Bans bans;

    @Inject
    ProviderService providers;

    @Inject
    FormStamp stamps;

    /** A reader whose identity carries a moderator or owner role: not screened, not flood-limited. */
    boolean isStaff(Optional<SignedIn> reader) {
        return reader.map(r -> r.role() == AccountRole.MODERATOR || r.role() == AccountRole.OWNER)
                .orElse(false);
    }

    Verdict screen(Comment comment, ReplyForm form, Optional<SignedIn> reader, Discussion settings, Instant now) {
        if (isStaff(reader)) {
            return new Verdict(CommentStatus.APPROVED, List.of());
        }
        List<String> spam = new ArrayList<>();
        List<String> held = new ArrayList<>();
        if (reader.isEmpty()) {
            botSigns(form, settings, now).ifPresent(spam::add);
            sentQuickly(form, settings, now).ifPresent(held::add);
        }
        bans.reasonFor(comment.authorEmail, comment.identityId, comment.authorIp, now)
                .ifPresent(spam::add);
        Submission submission = new Submission(
                comment.body, comment.authorName, comment.authorEmail, comment.authorUrl, comment.authorIp);
        for (Finding finding : settings.rules().check(submission)) {
            (finding.severity() == Finding.Severity.SPAM ? spam : held).add(finding.reason());
        }
        if (!spam.isEmpty()) {
            return new Verdict(CommentStatus.SPAM, spam);
        }
        if (!held.isEmpty()) {
            return new Verdict(CommentStatus.PENDING, held);
        }
        return byPolicy(comment, reader, settings);
    }

    /** What only a program does: fill in the hidden field, or send a form Parley did not show (no valid stamp). */
    private Optional<String> botSigns(ReplyForm form, Discussion settings, Instant now) {
        if (form.honeypot != null && !form.honeypot.isEmpty()) {
            return Optional.of("the hidden field that only bots fill in was filled in");
        }
        if (settings.minFormSeconds() != 0 && stamps.age(form.shown, now).isEmpty()) {
            return Optional.of("sent without the form's time stamp (not from Parley's form)");
        }
        return Optional.empty();
    }

    /**
     * A form Parley showed, sent sooner than the owner's minimum. People do this too (a pasted comment, name
     * and email filled in by the browser), so it is held with the reason for a moderator, not taken for spam.
     */
    private Optional<String> sentQuickly(ReplyForm form, Discussion settings, Instant now) {
        if (settings.minFormSeconds() == 0) {
            return Optional.empty();
        }
        return stamps.age(form.shown, now)
                .map(Duration::toSeconds)
                .filter(seconds -> seconds < settings.minFormSeconds())
                .map(seconds -> "sent " + seconds + (seconds == 1 ? " second" : " seconds")
                        + " after the form was shown (minimum " + settings.minFormSeconds() + ")");
    }

    private Verdict byPolicy(Comment comment, Optional<SignedIn> reader, Discussion settings) {
        if (reader.isPresent()
                && reader.get().providerId() != null
                && providers.publishesDirectly(reader.get().providerId())) {
            return new Verdict(CommentStatus.APPROVED, List.of());
        }
        return switch (settings.publishPolicy()) {
            case PUBLISH_ALL -> new Verdict(CommentStatus.APPROVED, List.of());
            case SIGNED_IN ->
                reader.isPresent()
                        ? new Verdict(CommentStatus.APPROVED, List.of())
                        : new Verdict(CommentStatus.PENDING, List.of("guests' comments are held for approval"));
            case PREVIOUSLY_APPROVED ->
                hasApprovedComment(comment)
                        ? new Verdict(CommentStatus.APPROVED, List.of())
                        : new Verdict(CommentStatus.PENDING, List.of("first comment from this author"));
            case HOLD_ALL -> new Verdict(CommentStatus.PENDING, List.of("every comment is held for approval"));
        };
    }

    /** WordPress's test: an approved comment with the same name and email, or by the same signed-in reader. */
    private static boolean hasApprovedComment(Comment comment) {
        if (comment.identityId != null) {
            return exists("identityId = ?1 and status = ?2", comment.identityId, CommentStatus.APPROVED);
        }
        if (comment.authorEmail == null) {
            return false;
        }
        return exists(
                "authorEmail = ?1 and status = ?2 and authorName = ?3",
                comment.authorEmail,
                CommentStatus.APPROVED,
                comment.authorName);
    }

    /** One row is enough: stops at the first match instead of counting an author's every comment. */
    private static boolean exists(String query, Object... params) {
        return Comment.find(query, params).firstResultOptional().isPresent();
    }
}
