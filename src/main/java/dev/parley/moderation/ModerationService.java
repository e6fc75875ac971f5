package dev.parley.moderation;

import dev.parley.article.Comment;
import dev.parley.article.CommentEvent;
import dev.parley.article.CommentStatus;
import dev.parley.audit.Actor;
import dev.parley.audit.AuditLog;
import dev.parley.audit.AuditRow;
import dev.parley.web.Bidi;
import dev.parley.web.TemplateExtensions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The decisions moderators make. Each names the version of the comment the moderator saw: when someone
 * else changed it since, nothing is overwritten and the moderator is told who did what and when
 * (optimistic locking, decided by a conditional update so that it holds across instances).
 */
@ApplicationScoped
public class ModerationService {

    @Inject
    AuditLog audit;

    @Inject
    QueueReader queue;

    @Inject
    Event<CommentEvent> events;

    /** A comment as the moderator saw it: its id and version. */
    public record Pick(long id, int version) {

        /** Reads {@code 12:3}; empty when it is not two numbers. */
        static Optional<Pick> parse(String value) {
            if (value == null) {
                return Optional.empty();
            }
            String[] parts = value.strip().split(":");
            try {
                return parts.length == 2
                        ? Optional.of(new Pick(Long.parseLong(parts[0]), Integer.parseInt(parts[1])))
                        : Optional.empty();
            } catch (NumberFormatException notNumbers) {
                return Optional.empty();
            }
        }
    }

    /** How many comments changed, and a sentence for each one that someone else had changed first. */
    public record Result(int changed, List<String> conflicts) {}

    @Transactional
    public Result decide(List<Pick> picks, Decision decision, Actor actor) {
        int changed = 0;
        List<String> conflicts = new ArrayList<>();
        // The same comment ticked twice (a form sent with a duplicated field) is decided once.
        Map<Long, Pick> once = new LinkedHashMap<>();
        picks.forEach(pick -> once.putIfAbsent(pick.id(), pick));
        for (Pick pick : once.values()) {
            Comment comment = Comment.findById(pick.id());
            if (comment == null) {
                conflicts.add(alreadyChanged(pick.id(), "A comment", null));
                continue;
            }
            boolean reported = comment.reportedAt != null;
            if (comment.version != pick.version() || !decision.appliesTo(comment.status, reported)) {
                conflicts.add(conflictAbout(comment));
                continue;
            }
            String before = describe(comment);
            String who = comment.authorName;
            int updated = decision == Decision.DELETE
                    ? Comment.delete("id = ?1 and version = ?2", pick.id(), pick.version()) > 0 ? 1 : 0
                    : Comment.update(
                            "status = ?1, decidedAt = ?2, decidedBy = ?3, reportedAt = null, reportCount = 0,"
                                    + " hiddenByReports = false,"
                                    + " version = version + 1 where id = ?4 and version = ?5",
                            decision.outcome(),
                            Instant.now(),
                            actor.accountId(),
                            pick.id(),
                            pick.version());
            if (updated == 0) {
                conflicts.add(alreadyChanged(pick.id(), "The comment by " + Bidi.isolate(who), null));
                continue;
            }
            changed++;
            events.fire(new CommentEvent(pick.id(), comment.status, decision.outcome()));
            String after = decision == Decision.DELETE ? null : "Status: " + label(decision.outcome());
            String summary = reported && decision == Decision.APPROVE && comment.status == CommentStatus.APPROVED
                    ? "Kept the comment by " + Bidi.isolate(who) + " and dismissed its reports"
                    : decision.audited().label() + ": comment by " + Bidi.isolate(who);
            audit.record(actor, decision.audited(), pick.id(), summary, before, after);
        }
        queue.forgetCounts();
        return new Result(changed, conflicts);
    }

    /**
     * "The comment by Ann was already approved by Bob at 24 November 2026 at 14:02.", or, when a reader's
     * report came after the last decision, that it was reported again.
     */
    private String alreadyChanged(long id, String subject, Instant reportedAt) {
        Optional<AuditRow> last = audit.lastAbout(id);
        if (reportedAt != null && (last.isEmpty() || last.get().at().isBefore(reportedAt))) {
            return subject + " was reported again a moment ago; look at it once more before deciding.";
        }
        if (last.isEmpty()) {
            return subject + " was changed by someone else a moment ago; the page now shows it as it is.";
        }
        AuditRow row = last.get();
        return subject + " was already " + row.action().label().toLowerCase(Locale.ROOT) + " by "
                + Bidi.isolate(row.actorName()) + " at " + TemplateExtensions.readable(row.at()) + ".";
    }

    /** The conflict sentence for a comment someone else changed (also for pages reached from a mail's link). */
    public String conflictAbout(Comment comment) {
        return alreadyChanged(comment.id, "The comment by " + Bidi.isolate(comment.authorName), comment.reportedAt);
    }

    static String describe(Comment c) {
        return "Status: " + label(c.status) + "\nText: " + c.body;
    }

    static String label(CommentStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }
}
