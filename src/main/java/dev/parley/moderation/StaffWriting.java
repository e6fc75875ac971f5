package dev.parley.moderation;

import dev.parley.article.Comment;
import dev.parley.article.CommentStatus;
import dev.parley.audit.Actor;
import dev.parley.audit.AuditAction;
import dev.parley.audit.AuditLog;
import dev.parley.web.FormState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;

/** What moderators write themselves: corrections to a comment's text, and replies from the queue. */
@ApplicationScoped
public class StaffWriting {

    static final String EMPTY = "Please type the text.";
    static final String TOO_LONG = "The text can have at most 65,525 characters.";

    @Inject
    AuditLog audit;

    @Inject
    ModerationService moderation;

    /** The outcome of an edit or a reply: the comment concerned, or messages per field. */
    public record Written(Long commentId, Map<String, String> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /**
     * Replaces a comment's text, recorded with the text before and after.
     *
     * @param version the version the moderator edited; a newer one means someone else changed it first
     */
    @Transactional
    public Written edit(long id, int version, String text, Actor actor) {
        Comment comment = Comment.findById(id);
        if (comment == null) {
            return new Written(null, Map.of(FormState.GLOBAL, "This comment was deleted a moment ago."));
        }
        String body = normalise(text);
        Map<String, String> errors = check(body);
        if (!errors.isEmpty()) {
            return new Written(id, errors);
        }
        if (comment.version != version) {
            return new Written(
                    id,
                    Map.of(
                            FormState.GLOBAL,
                            moderation.conflictAbout(comment) + " Your text is still here: compare, then save again."));
        }
        if (!body.equals(comment.body)) {
            String before = comment.body;
            comment.body = body;
            comment.bodyHash = Comment.hashOf(body);
            comment.editedAt = Instant.now();
            audit.record(actor, AuditAction.EDIT, id, "Edited the comment by " + comment.authorName, before, body);
        }
        return new Written(id, Map.of());
    }

    /**
     * Publishes a staff reply under a comment. Replying to a held comment approves it, as in WordPress:
     * a moderator would not answer a comment readers cannot see.
     */
    @Transactional
    public Written reply(long parentId, String text, Actor actor, String actorEmail) {
        Comment parent = Comment.findById(parentId);
        if (parent == null) {
            return new Written(null, Map.of(FormState.GLOBAL, "This comment was deleted a moment ago."));
        }
        String body = normalise(text);
        Map<String, String> errors = check(body);
        if (!errors.isEmpty()) {
            return new Written(parentId, errors);
        }
        Instant now = Instant.now();
        if (parent.status != CommentStatus.APPROVED) {
            String before = ModerationService.describe(parent);
            parent.status = CommentStatus.APPROVED;
            parent.decidedAt = now;
            parent.decidedBy = actor.accountId();
            parent.reportedAt = null;
            parent.reportCount = 0;
            parent.hiddenByReports = false;
            audit.record(
                    actor,
                    AuditAction.APPROVE,
                    parentId,
                    "Approved the comment by " + parent.authorName + " by replying to it",
                    before,
                    "Status: approved");
        }
        Comment reply = new Comment();
        reply.article = parent.article;
        reply.parentId = parentId;
        reply.status = CommentStatus.APPROVED;
        reply.byStaff = true;
        reply.authorName = actor.name();
        reply.authorEmail = actorEmail;
        reply.body = body;
        reply.bodyHash = Comment.hashOf(body);
        reply.identityId = actor.identityId();
        reply.createdAt = now;
        reply.decidedAt = now;
        reply.decidedBy = actor.accountId();
        reply.persist();
        audit.record(actor, AuditAction.REPLY, reply.id, "Replied to " + parent.authorName, null, body);
        return new Written(reply.id, Map.of());
    }

    private static String normalise(String text) {
        return text == null
                ? ""
                : text.replace("\r\n", "\n").replace('\r', '\n').strip();
    }

    private static Map<String, String> check(String body) {
        if (body.isEmpty()) {
            return Map.of("comment", EMPTY);
        }
        if (body.length() > Comment.MAX_BODY) {
            return Map.of("comment", TOO_LONG);
        }
        return Map.of();
    }
}
