package dev.parley.identity;

import dev.parley.audit.Actor;
import dev.parley.audit.AuditAction;
import dev.parley.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The staff members who moderate (local accounts, and people signed in with a provider who hold a role) and the
 * mail each chose to get about comments that need a moderator.
 */
@ApplicationScoped
public class StaffAlerts {

    @Inject
    AuditLog audit;

    /**
     * A staff member as alert mail sees them.
     *
     * @param accountId set for a local account
     * @param identityId set for someone signed in with a login provider
     * @param email where their mail goes (the provider's address for the latter)
     */
    public record Member(
            Long accountId, Long identityId, String name, String email, MailAlerts alerts, Instant digestSentAt) {

        static Member of(Account a) {
            return new Member(a.id, null, a.displayName, a.email, a.mailAlerts, a.digestSentAt);
        }

        static Member of(ReaderIdentity r) {
            return new Member(null, r.id, r.displayName, r.email, r.mailAlerts, r.digestSentAt);
        }
    }

    /** Everyone with a role and an address who chose {@code alerts}. */
    @Transactional(Transactional.TxType.REQUIRED)
    public List<Member> choosing(MailAlerts alerts) {
        List<Member> members = new ArrayList<>();
        Account.<Account>list("mailAlerts = ?1 order by id", alerts).forEach(a -> members.add(Member.of(a)));
        ReaderIdentity.<ReaderIdentity>list(
                        "mailAlerts = ?1 and email is not null and (role is not null or claimedModerator = true)"
                                + " order by id",
                        alerts)
                .forEach(r -> members.add(Member.of(r)));
        return members;
    }

    /** The staff member, while they still have a role; empty for a removed account or a reader without one. */
    @Transactional(Transactional.TxType.REQUIRED)
    public Optional<Member> find(Long accountId, Long identityId) {
        if (accountId != null) {
            return Account.<Account>findByIdOptional(accountId).map(Member::of);
        }
        if (identityId != null) {
            return ReaderIdentity.<ReaderIdentity>findByIdOptional(identityId)
                    .filter(r -> r.effectiveRole() != null)
                    .map(Member::of);
        }
        return Optional.empty();
    }

    /**
     * Takes the digest window ending at {@code until} for this member: a conditional update on the end of their
     * last window, so that of two instances running the digest at once exactly one gets it.
     *
     * @return whether this caller sends the digest
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean claimDigest(Member member, Instant until) {
        String entity = member.accountId() != null ? "Account" : "ReaderIdentity";
        long id = member.accountId() != null ? member.accountId() : member.identityId();
        var update = Account.getEntityManager()
                .createQuery("update " + entity + " set digestSentAt = :until where id = :id and "
                        + (member.digestSentAt() == null ? "digestSentAt is null" : "digestSentAt = :seen"))
                .setParameter("until", until)
                .setParameter("id", id);
        if (member.digestSentAt() != null) {
            update.setParameter("seen", member.digestSentAt());
        }
        return update.executeUpdate() == 1;
    }

    /** What the account page shows and changes. */
    @Transactional
    public Optional<MailAlerts> choiceOf(Long accountId, Long identityId) {
        return find(accountId, identityId).map(Member::alerts);
    }

    /**
     * Records a staff member's choice. A digest starts counting from now, so that the first one does not list
     * everything the queue ever held.
     */
    @Transactional
    public void choose(Long accountId, Long identityId, MailAlerts choice, Actor actor) {
        Instant now = Instant.now();
        MailAlerts before;
        String who;
        if (accountId != null) {
            Account account = Account.findById(accountId);
            if (account == null) {
                return;
            }
            before = account.mailAlerts;
            who = account.email;
            account.mailAlerts = choice;
            if (choice.isDigest() && before != choice) {
                account.digestSentAt = now;
            }
        } else {
            ReaderIdentity identity = ReaderIdentity.findById(identityId);
            if (identity == null) {
                return;
            }
            before = identity.mailAlerts;
            who = identity.displayName + " (" + identity.providerName + ")";
            identity.mailAlerts = choice;
            if (choice.isDigest() && before != choice) {
                identity.digestSentAt = now;
            }
        }
        if (before != choice) {
            audit.record(
                    actor,
                    AuditAction.ACCOUNT,
                    null,
                    "Changed the moderation mail of " + who + " to: "
                            + choice.label().toLowerCase(Locale.ROOT),
                    before.label(),
                    choice.label());
        }
    }
}
