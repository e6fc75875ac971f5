package dev.parley.moderation;

import dev.parley.article.Comment;
import dev.parley.article.CommentEvent;
import dev.parley.article.CommentStatus;
import dev.parley.audit.Actor;
import dev.parley.audit.AuditAction;
import dev.parley.audit.AuditLog;
import dev.parley.web.Bidi;
import dev.parley.web.FormState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What moderators write themselves: corrections to a comment's text, and replies from the queue. */
@ApplicationScoped
public class StaffWriting {

    static final String EMPTY = "Please type the text.";
    static final String TOO_LONG = "The text can have at most 65,525 characters.";
    static final String GONE = "This comment was deleted a moment ago, so nothing was saved. Your text is below"
            + " if you want to keep a copy.";

    @Inject
    AuditLog audit;

    @Inject
    Event<CommentEvent> events;

    @Inject
    ModerationService moderation;

    /** The outcome of an edit or a reply: the comment concerned, or why not, with messages per field. */
    public record Written(Long commentId, Problem problem, Map<String, String> errors) {

        /** What stopped it, with the HTTP status the form comes back with. */
        public enum Problem {
            NONE(200),
            INVALID(400),
            CONFLICT(409),
            GONE(410);

            public final int status;

            Problem(int status) {
                this.status = status;
            }
        }

        public boolean ok() {
            return problem == Problem.NONE;
        }

        static Written done(long id) {
            return new Written(id, Problem.NONE, Map.of());
        }

        static Written refused(Long id, Problem problem, String field, String message) {
            return new Written(id, problem, Map.of(field, message));
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
            return Written.refused(null, Written.Problem.GONE, FormState.GLOBAL, GONE);
        }
        String body = normalise(text);
        Optional<String> mistake = check(body);
        if (mistake.isPresent()) {
            return Written.refused(id, Written.Problem.INVALID, "comment", mistake.get());
        }
        if (comment.version != version) {
            return Written.refused(
                    id,
                    Written.Problem.CONFLICT,
                    FormState.GLOBAL,
                    moderation.conflictAbout(comment)
                            + " Your text is still here; the comment as it is now is shown above it.");
        }
        if (!body.equals(comment.body)) {
            String before = comment.body;
            comment.body = body;
            comment.bodyHash = Comment.hashOf(body);
            comment.editedAt = Instant.now();
            audit.record(
                    actor,
                    AuditAction.EDIT,
                    id,
                    "Edited the comment by " + Bidi.isolate(comment.authorName),
                    before,
                    body);
        }
        return Written.done(id);
    }

    /**
     * Publishes a staff reply under a comment. Replying to a held comment approves it, as in WordPress: a
     * moderator would not answer a comment readers cannot see. The comment must still be as the moderator
     * saw it ({@code version}), so that a reply never approves what another moderator just marked as spam.
     */
    @Transactional
    public Written reply(long parentId, int version, String text, Actor actor, String actorEmail) {
        Comment parent = Comment.findById(parentId);
        if (parent == null) {
            return Written.refused(null, Written.Problem.GONE, FormState.GLOBAL, GONE);
        }
        String body = normalise(text);
        Optional<String> mistake = check(body);
        if (mistake.isPresent()) {
            return Written.refused(parentId, Written.Problem.INVALID, "comment", mistake.get());
        }
        if (parent.version != version) {
            return Written.refused(
                    parentId,
                    Written.Problem.CONFLICT,
                    FormState.GLOBAL,
                    moderation.conflictAbout(parent) + " Your reply is still here: send it again to publish it.");
        }
        if (parent.status != CommentStatus.APPROVED) {
            // The same decision as the queue's Approve button: one conditional update, one audit entry.
            ModerationService.Result approved =
                    moderation.decide(List.of(new ModerationService.Pick(parentId, version)), Decision.APPROVE, actor);
            if (!approved.conflicts().isEmpty()) {
                return Written.refused(
                        parentId,
                        Written.Problem.CONFLICT,
                        FormState.GLOBAL,
                        approved.conflicts().get(0) + " Your reply is still here: send it again to publish it.");
            }
        }
        Instant now = Instant.now();
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
        events.fire(CommentEvent.posted(reply.id, reply.status));
        audit.record(actor, AuditAction.REPLY, reply.id, "Replied to " + Bidi.isolate(parent.authorName), null, body);
        return Written.done(reply.id);
    }

    private static String normalise(String text) {
        return text == null
                ? ""
                : text.replace("\r\n", "\n").replace('\r', '\n').strip();
    }

    private static Optional<String> check(String body) {
        if (body.isEmpty()) {
            return Optional.of(EMPTY);
        }
        return body.length() > Comment.MAX_BODY ? Optional.of(TOO_LONG) : Optional.empty();
    }
}
