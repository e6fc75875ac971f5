package dev.parley.identity;

import dev.parley.audit.Actor;
import dev.parley.audit.AuditAction;
import dev.parley.audit.AuditLog;
import dev.parley.mail.MailComposer;
import dev.parley.mail.MailSettings;
import dev.parley.mail.MailToken;
import dev.parley.mail.MailTokens;
import dev.parley.mail.Outbox;
import dev.parley.mail.PublicLinks;
import dev.parley.mail.TokenPurpose;
import dev.parley.web.Bidi;
import dev.parley.web.Routes;
import dev.parley.web.Tokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Moderators invited by mail: the owner gives a name and an address, the invitee chooses their own password
 * through a link that works once and for {@link #VALID_FOR}. Until then the account holds the hash of a random
 * password nobody knows, and is marked invited, so that it cannot sign in.
 */
@ApplicationScoped
public class StaffInvitations {

    static final Duration VALID_FOR = Duration.ofDays(7);

    @Inject
    AuditLog audit;

    @Inject
    PasswordHasher hasher;

    @Inject
    SessionService sessions;

    @Inject
    MailTokens tokens;

    @Inject
    MailComposer composer;

    @Inject
    Outbox outbox;

    @Inject
    PublicLinks links;

    @Inject
    MailSettings settings;

    /** The environment variables mail still needs (empty when invitations can be sent). */
    public List<String> missingMailSettings() {
        return settings.missing();
    }

    /** Creates the invited account and queues its mail; the caller validated the fields and checked the address. */
    @Transactional
    public long invite(String email, String displayName) {
        Account account = new Account();
        account.email = Account.normalizeEmail(email);
        account.displayName = displayName.strip();
        account.passwordHash = hasher.hash(Tokens.random(32));
        account.role = AccountRole.MODERATOR;
        account.createdAt = Instant.now();
        account.invitedAt = account.createdAt;
        account.persist();
        audit.recordByCurrentUser(
                AuditAction.ACCOUNT, "Invited " + Bidi.isolate(account.email) + " by mail to moderate comments");
        send(account);
        return account.id;
    }

    /** Sends a new invitation to an account that has not joined yet; the links sent before stop working. */
    @Transactional
    public boolean sendAgain(long accountId) {
        Account account = Account.findById(accountId);
        if (account == null || !account.invited()) {
            return false;
        }
        expireLinksOf(TokenPurpose.INVITE, account.id);
        account.invitedAt = Instant.now();
        audit.recordByCurrentUser(AuditAction.ACCOUNT, "Sent the invitation again to " + Bidi.isolate(account.email));
        send(account);
        return true;
    }

    private void send(Account account) {
        String token = tokens.issue(
                TokenPurpose.INVITE, account.id, null, new MailTokens.Recipient(account.id, null), VALID_FOR);
        String site = composer.siteName();
        outbox.enqueue(composer.compose(new MailComposer.Draft(
                "invitation",
                account.email,
                "You're invited to moderate comments on " + site,
                "invitation",
                Map.of(
                        "name", account.displayName,
                        "link", links.absolute(Routes.invitation(token)),
                        "days", VALID_FOR.toDays()),
                "You get this because the owner of " + site + " invited this address.",
                null,
                null,
                true)));
    }

    /** Makes the links of one purpose sent about an account stop working: they are shown as expired. */
    static void expireLinksOf(TokenPurpose purpose, long accountId) {
        Instant now = Instant.now();
        MailToken.update(
                "expiresAt = ?1 where purpose = ?2 and subjectId = ?3 and usedAt is null and expiresAt > ?1",
                now,
                purpose,
                accountId);
    }

    /** What the invitation page shows: who is invited. */
    public record Invitee(long accountId, String email, String displayName) {}

    /** The invitation behind a link, without using it (the GET page). */
    @Transactional
    public Result<Invitee> look(String token) {
        MailTokens.Check check = tokens.check(TokenPurpose.INVITE, token);
        if (check instanceof MailTokens.Refused refused) {
            return Result.refused(refused.why());
        }
        return invitee(((MailTokens.Usable) check).token())
                .map(Result::ok)
                .orElseGet(() -> Result.refused(MailTokens.Refusal.UNKNOWN));
    }

    /**
     * Accepts the invitation: sets the chosen password and starts a session, once.
     *
     * @return the new session's token, or why the link was refused
     */
    @Transactional
    public Result<String> accept(String token, String password) {
        String hash = hasher.hash(password);
        MailTokens.Check check = tokens.use(TokenPurpose.INVITE, token);
        if (check instanceof MailTokens.Refused refused) {
            return Result.refused(refused.why());
        }
        MailToken used = ((MailTokens.Usable) check).token();
        Account account = Account.findById(used.subjectId);
        if (account == null || !account.invited()) {
            return Result.refused(MailTokens.Refusal.UNKNOWN);
        }
        account.passwordHash = hash;
        account.invitedAt = null;
        audit.record(
                new Actor(account.displayName, account.id, null),
                AuditAction.ACCOUNT,
                null,
                "Accepted the invitation and chose a password: " + Bidi.isolate(account.email),
                null,
                null);
        return Result.ok(sessions.start(account));
    }

    private static Optional<Invitee> invitee(MailToken token) {
        return Account.<Account>findByIdOptional(token.subjectId)
                .filter(Account::invited)
                .map(a -> new Invitee(a.id, a.email, a.displayName));
    }

    /** A value, or the reason a mail link was refused. */
    public record Result<T>(T value, MailTokens.Refusal refusal) {
        static <T> Result<T> ok(T value) {
            return new Result<>(value, null);
        }

        static <T> Result<T> refused(MailTokens.Refusal why) {
            return new Result<>(null, why);
        }
    }
}
