package dev.parley.mail;

import dev.parley.web.Tokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The one-time links in mails. A link carries a random 256-bit token; the database keeps only its hash, the
 * purpose, what it is about, who it was sent to and until when it works. A changed, made-up, expired, used or
 * misapplied link is refused with the reason, and changes nothing.
 */
@ApplicationScoped
public class MailTokens {

    /** What the holder of a link brought: the token's row when it may be used, or why not. */
    public sealed interface Check {}

    public record Usable(MailToken token) implements Check {}

    public record Refused(Refusal why) implements Check {}

    /** Why a link was refused, with the sentence the plain page shows. */
    public enum Refusal {
        UNKNOWN("This link is not valid. It may have been changed or cut short when it was copied."),
        EXPIRED("This link has expired."),
        USED("This link has already been used. Each link works once.");

        private final String sentence;

        Refusal(String sentence) {
            this.sentence = sentence;
        }

        public String sentence() {
            return sentence;
        }
    }

    /** Who a staff link is for: a local account or a reader identity with a role (one of the two). */
    public record Recipient(Long accountId, Long identityId) {}

    /**
     * Makes a link token in the caller's transaction.
     *
     * @return the token to put into the link (shown once, in the mail, never stored)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public String issue(TokenPurpose purpose, Long subjectId, String scope, Recipient to, Duration validFor) {
        String token = Tokens.random(32);
        MailToken row = new MailToken();
        row.tokenHash = Tokens.sha256(token);
        row.purpose = purpose;
        row.subjectId = subjectId;
        row.scope = scope;
        row.accountId = to == null ? null : to.accountId();
        row.identityId = to == null ? null : to.identityId();
        row.createdAt = Instant.now();
        row.expiresAt = row.createdAt.plus(validFor);
        row.persist();
        return token;
    }

    /** Looks a link up without using it (for the confirmation page that comes before the action). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Check check(TokenPurpose purpose, String token) {
        if (token == null || token.length() > 100 || !token.matches("[A-Za-z0-9_-]+")) {
            return new Refused(Refusal.UNKNOWN);
        }
        Optional<MailToken> row = MailToken.<MailToken>find("tokenHash", Tokens.sha256(token))
                .firstResultOptional()
                .filter(t -> t.purpose == purpose);
        if (row.isEmpty()) {
            return new Refused(Refusal.UNKNOWN);
        }
        if (row.get().usedAt != null) {
            return new Refused(Refusal.USED);
        }
        if (!row.get().expiresAt.isAfter(Instant.now())) {
            return new Refused(Refusal.EXPIRED);
        }
        return new Usable(row.get());
    }

    /**
     * Uses a link: checks it and marks it used in the caller's transaction, by a conditional update, so that
     * of two uses at once (two tabs, two instances) exactly one goes through.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Check use(TokenPurpose purpose, String token) {
        Check check = check(purpose, token);
        if (check instanceof Usable usable) {
            int marked =
                    MailToken.update("usedAt = ?1 where id = ?2 and usedAt is null", Instant.now(), usable.token().id);
            if (marked == 0) {
                return new Refused(Refusal.USED);
            }
        }
        return check;
    }

    /** Forgets links that ran out more than a day ago (the purge calls this). */
    @Transactional
    public long forgetExpired(Instant now) {
        return MailToken.delete("expiresAt < ?1", now.minus(Duration.ofDays(1)));
    }
}
