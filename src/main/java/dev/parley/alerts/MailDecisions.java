package dev.parley.alerts;

import dev.parley.article.Comment;
import dev.parley.audit.Actor;
import dev.parley.identity.StaffAlerts;
import dev.parley.identity.StaffAlerts.Member;
import dev.parley.mail.MailToken;
import dev.parley.mail.MailTokens;
import dev.parley.mail.TokenPurpose;
import dev.parley.moderation.ModerationService;
import dev.parley.web.Bidi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * The one-click links of moderators' mails. Looking at a link changes nothing (mail scanners follow links); the
 * confirmation page's button uses the token, once, and decides as the moderator the link was sent to, on the
 * version of the comment the mail showed.
 */
@ApplicationScoped
public class MailDecisions {

    static final String STAFF_GONE = "This link was sent to someone who no longer moderates here.";
    static final String NOT_THIS_LINK =
            "This form does not belong to its link, so nothing was changed. Open the link from the mail again.";
    static final String DELETED = "This comment was deleted, so there is nothing left to decide.";

    @Inject
    MailTokens tokens;

    @Inject
    StaffAlerts staff;

    @Inject
    AlertMails mails;

    @Inject
    ModerationService moderation;

    /**
     * What the page shows.
     *
     * @param status the HTTP status
     * @param item the comment, when the page shows it
     * @param action the button's decision, when the page offers it
     */
    public record Answer(
            int status,
            String title,
            String message,
            AlertItem item,
            OneClick action,
            Long commentId,
            Integer version,
            boolean done) {

        static Answer refused(int status, String message) {
            return new Answer(status, "This link cannot be used", message, null, null, null, null, false);
        }
    }

    /** The link and what it is about, once it checked out. */
    private record Valid(MailToken token, OneClick.Scoped scoped, Member member) {}

    private sealed interface Checked {}

    private record Good(Valid valid) implements Checked {}

    private record Bad(Answer answer) implements Checked {}

    private Checked validate(MailTokens.Check check) {
        if (check instanceof MailTokens.Refused refused) {
            int status = switch (refused.why()) {
                case UNKNOWN -> 404;
                case EXPIRED -> 410;
                case USED -> 409;
            };
            return new Bad(Answer.refused(status, refused.why().sentence()));
        }
        MailToken token = ((MailTokens.Usable) check).token();
        Optional<OneClick.Scoped> scoped = OneClick.parse(token.scope);
        if (scoped.isEmpty() || token.subjectId == null) {
            return new Bad(Answer.refused(404, MailTokens.Refusal.UNKNOWN.sentence()));
        }
        Optional<Member> member = staff.find(token.accountId, token.identityId);
        if (member.isEmpty()) {
            return new Bad(Answer.refused(403, STAFF_GONE));
        }
        return new Good(new Valid(token, scoped.get(), member.get()));
    }

    /** The confirmation page: the comment and one button, or why not. Uses nothing. */
    @Transactional
    Answer look(String token) {
        Checked checked = validate(tokens.check(TokenPurpose.MODERATE, token));
        if (checked instanceof Bad bad) {
            return bad.answer();
        }
        Valid valid = ((Good) checked).valid();
        long id = valid.token().subjectId;
        Comment comment = Comment.findById(id);
        if (comment == null) {
            return new Answer(410, "This comment was deleted", DELETED, null, null, null, null, false);
        }
        AlertItem item = mails.prepare(id, "").map(AlertMails.Prepared::item).orElse(null);
        OneClick action = valid.scoped().action();
        if (comment.version != valid.scoped().version()) {
            return new Answer(409, "Already decided", moderation.conflictAbout(comment), item, null, null, null, false);
        }
        return new Answer(
                200,
                action.button + "?",
                "This link acts for " + Bidi.isolate(valid.member().name())
                        + ", to whom the mail was sent. It works once; nothing changes until you press the button.",
                item,
                action,
                id,
                valid.scoped().version(),
                false);
    }

    /** The button: uses the link and decides, in one transaction. */
    @Transactional
    Answer decide(String token, String commentField, String versionField) {
        Checked checked = validate(tokens.check(TokenPurpose.MODERATE, token));
        if (checked instanceof Bad bad) {
            return bad.answer();
        }
        Valid valid = ((Good) checked).valid();
        long id = valid.token().subjectId;
        int version = valid.scoped().version();
        if (!String.valueOf(id).equals(strip(commentField))
                || !String.valueOf(version).equals(strip(versionField))) {
            return Answer.refused(400, NOT_THIS_LINK);
        }
        if (tokens.use(TokenPurpose.MODERATE, token) instanceof MailTokens.Refused refused) {
            return Answer.refused(409, refused.why().sentence());
        }
        Member member = valid.member();
        OneClick action = valid.scoped().action();
        AlertItem item = mails.prepare(id, "").map(AlertMails.Prepared::item).orElse(null);
        ModerationService.Result result = moderation.decide(
                List.of(new ModerationService.Pick(id, version)),
                action.decision,
                new Actor(member.name(), member.accountId(), member.identityId()));
        if (result.changed() == 1) {
            String who = item == null
                    ? "the comment"
                    : "the comment by " + Bidi.isolate(item.item().authorName());
            return new Answer(
                    200,
                    action.done,
                    action.done + ": " + who + ". The moderation log records it as yours.",
                    item,
                    null,
                    null,
                    null,
                    true);
        }
        String sentence =
                result.conflicts().isEmpty() ? DELETED : result.conflicts().get(0);
        return new Answer(409, "Already decided", sentence, item, null, null, null, false);
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }
}
