package dev.parley.subscription;

import dev.parley.article.Article;
import dev.parley.article.ThreadLocator;
import dev.parley.identity.ReaderIdentity;
import dev.parley.mail.MailComposer;
import dev.parley.mail.MailHeaders;
import dev.parley.mail.MailTokens;
import dev.parley.mail.Outbox;
import dev.parley.mail.TokenPurpose;
import dev.parley.web.EmailAddress;
import dev.parley.web.Routes;
import dev.parley.web.Tokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Readers' subscriptions: asking for mail about a thread (with the reply form or "Follow this thread"), the
 * double opt-in that confirms an address, and stopping mail. An address gets nothing but its confirmation mail
 * until it is confirmed; its subscriptions start then.
 */
@ApplicationScoped
@Named("readerMail")
public class Subscriptions {

    /** At most this many confirmation mails go to one address in a day, however often it is typed into a form. */
    static final int CONFIRMATIONS_PER_DAY = 3;

    static final Duration CONFIRMATION_VALID = Duration.ofDays(7);

    public static final String EMAIL_NEEDED = "Please enter your email address to get mail about this thread.";
    public static final String EMAIL_INVALID = EmailAddress.INVALID;
    public static final String EMAIL_TOO_LONG = "Your email address can have at most 100 characters.";

    /** What became of a request for mail, as the reader is told it. */
    public enum Answer {
        /** The address is confirmed: mail starts now. */
        ACTIVE("Your address is confirmed: mail about this thread will come to it. Every mail has a link to stop it."),
        /** A confirmation mail was queued. */
        CONFIRMATION_SENT(
                "A confirmation mail is on its way: follow its link to start getting mail about this thread."),
        /** The address had its confirmation mails for today: none more was sent. */
        CONFIRMATION_RECENT("A confirmation mail was already sent to this address recently, so no new one was sent:"
                + " follow the link in it to start getting mail about this thread."),
        /** Mail is not set up on this site: nothing was recorded. */
        MAIL_OFF("This site cannot send mail yet, so no mail will come about this thread.");

        private final String sentence;

        Answer(String sentence) {
            this.sentence = sentence;
        }

        public String sentence() {
            return sentence;
        }

        /** The short code the redirect after posting carries, for the page to say the sentence. */
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        public static Optional<Answer> ofCode(String code) {
            for (Answer a : values()) {
                if (a.code().equals(code)) {
                    return Optional.of(a);
                }
            }
            return Optional.empty();
        }
    }

    @Inject
    Outbox outbox;

    @Inject
    MailComposer composer;

    @Inject
    MailTokens tokens;

    @Inject
    ReaderLinks links;

    @Inject
    EntityManager entityManager;

    /** Whether reader mail can be offered at all ({@code inject:readerMail.available} in templates). */
    public boolean available() {
        return outbox.configured();
    }

    /**
     * The field message for an address typed to get mail, or empty when it is fine. Line breaks and other
     * control characters are refused: the address goes into a mail header.
     */
    public static Optional<String> problemWith(String email) {
        if (email == null || email.isBlank()) {
            return Optional.of(EMAIL_NEEDED);
        }
        if (email.strip().length() > 100) {
            return Optional.of(EMAIL_TOO_LONG);
        }
        if (!MailHeaders.isHeaderSafe(email) || !EmailAddress.isValid(email)) {
            return Optional.of(EMAIL_INVALID);
        }
        return Optional.empty();
    }

    /**
     * Records a request for mail about a thread in the caller's transaction (the comment's, for the reply form),
     * and sends the confirmation mail when the address is not confirmed yet.
     *
     * @param email an address {@link #problemWith} accepted
     * @param identityId the signed-in reader asking, or {@code null}
     * @param follow mail about every comment published in the thread
     * @param approvalCommentId mail once this held comment is published, or {@code null}
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Answer subscribe(Article article, String email, Long identityId, boolean follow, Long approvalCommentId) {
        if (!available()) {
            return Answer.MAIL_OFF;
        }
        Instant now = Instant.now();
        MailAddress address = MailAddress.findByEmail(email).orElseGet(() -> {
            MailAddress created = new MailAddress();
            created.email = MailAddress.normalized(email);
            created.manageNonce = Tokens.random(24);
            created.createdAt = now;
            created.persist();
            return created;
        });
        if (follow
                && Subscription.count(
                                "addressId = ?1 and articleId = ?2 and kind = ?3",
                                address.id,
                                article.id,
                                SubscriptionKind.FOLLOW)
                        == 0) {
            record(address, article, SubscriptionKind.FOLLOW, null, identityId, now);
        }
        if (approvalCommentId != null) {
            record(address, article, SubscriptionKind.APPROVAL, approvalCommentId, identityId, now);
        }
        if (!address.confirmed() && vouchedFor(identityId, address.email)) {
            // The reader's login provider verified this very address: no confirmation mail is needed.
            address.confirmedAt = now;
        }
        if (address.confirmed()) {
            return Answer.ACTIVE;
        }
        return askToConfirm(address, article, now);
    }

    /** Whether the signed-in reader's provider vouched for this address (email_verified at their last sign-in). */
    private static boolean vouchedFor(Long identityId, String address) {
        if (identityId == null) {
            return false;
        }
        ReaderIdentity reader = ReaderIdentity.findById(identityId);
        return reader != null
                && reader.emailVerified
                && reader.email != null
                && MailAddress.normalized(reader.email).equals(address);
    }

    /** "Follow this thread": a request for mail about it, made without commenting. */
    @Transactional
    public Optional<Answer> follow(ThreadLocator thread, String email, Long identityId) {
        Optional<Article> found = thread.locate();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Article article = found.get();
        if (article.id == null) {
            // The thread of another site's page with no comment yet: following it creates it, as a first comment does.
            article.persist();
        }
        return Optional.of(subscribe(article, email, identityId, true, null));
    }

    private static void record(
            MailAddress address, Article article, SubscriptionKind kind, Long commentId, Long identityId, Instant now) {
        Subscription s = new Subscription();
        s.addressId = address.id;
        s.articleId = article.id;
        s.kind = kind;
        s.commentId = commentId;
        s.identityId = identityId;
        s.createdAt = now;
        s.persist();
    }

    /** The confirmation mail, unless the address had its share today; the request is recorded either way. */
    private Answer askToConfirm(MailAddress address, Article article, Instant now) {
        long sentToday = ConfirmationRequest.count(
                "addressId = ?1 and sent = true and requestedAt > ?2", address.id, now.minus(Duration.ofDays(1)));
        ConfirmationRequest request = new ConfirmationRequest();
        request.addressId = address.id;
        request.requestedAt = now;
        request.sent = false;
        if (sentToday < CONFIRMATIONS_PER_DAY) {
            String token =
                    tokens.issue(TokenPurpose.CONFIRM_ADDRESS, address.id, address.email, null, CONFIRMATION_VALID);
            String site = senderName(article);
            request.sent = outbox.enqueue(composer.compose(
                    new MailComposer.Draft(
                            "subscription-confirm",
                            address.email,
                            "Confirm your subscription to comments on “" + article.title + "”",
                            "subscription-confirm",
                            Map.of(
                                    "title", article.title,
                                    "confirmUrl", links.absolute(Routes.mailConfirm(token)),
                                    "validDays", CONFIRMATION_VALID.toDays()),
                            "You get this mail because this address was entered at " + site + " to get mail about"
                                    + " comments. If it was not you, ignore it: nothing more will be sent.",
                            links.manageUrl(address),
                            links.unsubscribeAllUrl(address),
                            false),
                    site));
        }
        request.persist();
        return request.sent ? Answer.CONFIRMATION_SENT : Answer.CONFIRMATION_RECENT;
    }

    /** The name mails about this thread are sent in: the registered site's for its threads, else Parley's. */
    String senderName(Article article) {
        if (article.siteId != null) {
            // Read straight from the table: the site feature depends on reply, which depends on this one.
            List<?> names = entityManager
                    .createNativeQuery("select name from site where id = ?1")
                    .setParameter(1, article.siteId)
                    .getResultList();
            if (!names.isEmpty() && names.get(0) instanceof String name && !name.isBlank()) {
                return name;
            }
        }
        return composer.siteName();
    }

    /** What a confirmation link leads to, for the page shown before its button. */
    public sealed interface Confirmation {}

    public record ToConfirm(String email, List<Listed> waiting) implements Confirmation {}

    public record AlreadyConfirmed(String email) implements Confirmation {}

    public record NotValid(String sentence) implements Confirmation {}

    /** Looks a confirmation link up without using it (mail scanners follow links). */
    @Transactional
    public Confirmation check(String token) {
        MailTokens.Check check = tokens.check(TokenPurpose.CONFIRM_ADDRESS, token);
        if (check instanceof MailTokens.Refused refused) {
            return new NotValid(refused.why().sentence());
        }
        MailAddress address = MailAddress.findById(((MailTokens.Usable) check).token().subjectId);
        if (address == null) {
            return new NotValid(MailTokens.Refusal.UNKNOWN.sentence());
        }
        return address.confirmed()
                ? new AlreadyConfirmed(address.email)
                : new ToConfirm(address.email, listed(address));
    }

    /** Confirms the address of a link: its waiting subscriptions start. */
    @Transactional
    public Confirmation confirm(String token) {
        MailTokens.Check check = tokens.use(TokenPurpose.CONFIRM_ADDRESS, token);
        if (check instanceof MailTokens.Refused refused) {
            return new NotValid(refused.why().sentence());
        }
        MailAddress address = MailAddress.findById(((MailTokens.Usable) check).token().subjectId);
        if (address == null) {
            return new NotValid(MailTokens.Refusal.UNKNOWN.sentence());
        }
        if (address.confirmedAt == null) {
            address.confirmedAt = Instant.now();
        }
        return new AlreadyConfirmed(address.email);
    }

    /** One subscription on the manage page. */
    public record Listed(long id, String title, String kind, Instant since) {}

    private List<Listed> listed(MailAddress address) {
        List<Subscription> subs = Subscription.list("addressId = ?1 order by createdAt", address.id);
        return subs.stream()
                .map(s -> {
                    Article a = Article.findById(s.articleId);
                    return new Listed(s.id, a == null ? "" : a.title, s.kind.label(), s.createdAt);
                })
                .toList();
    }

    /** The manage page's content: the address and what it gets. */
    public record Managed(String email, boolean confirmed, List<Listed> subscriptions) {}

    @Transactional
    public Optional<Managed> managed(String token) {
        return links.manageAddress(token).map(a -> new Managed(a.email, a.confirmed(), listed(a)));
    }

    /** Stops one subscription of the address of a manage link; nothing when it is gone already. */
    @Transactional
    public boolean stop(String token, long subscriptionId) {
        Optional<MailAddress> address = links.manageAddress(token);
        address.ifPresent(a -> Subscription.delete("id = ?1 and addressId = ?2", subscriptionId, a.id));
        return address.isPresent();
    }

    /**
     * Stops everything an address gets; its manage link changes, so that old mails' manage links stop working.
     *
     * @return the new manage token, or empty when the link was not valid
     */
    @Transactional
    public Optional<String> stopAll(String token) {
        Optional<MailAddress> address = links.manageAddress(token);
        address.ifPresent(a -> {
            Subscription.delete("addressId", a.id);
            a.manageNonce = Tokens.random(24);
        });
        return address.map(links::manageToken);
    }

    /** What an unsubscribe link would stop, for the page shown before its button; empty when not valid. */
    @Transactional
    public Optional<String> unsubscribeWhat(String token) {
        return links.unsubscribeTarget(token).map(target -> {
            if (target instanceof ReaderLinks.OneSubscription one) {
                Subscription s = Subscription.findById(one.subscriptionId());
                Article a = s == null ? null : Article.findById(s.articleId);
                return a == null
                        ? "This subscription has already been stopped."
                        : (s.kind == SubscriptionKind.FOLLOW
                                        ? "Stop mail about new comments on “"
                                        : "Stop the mail about your comment on “")
                                + a.title + "”.";
            }
            return "Stop every mail about comments to this address.";
        });
    }

    /** Unsubscribes; doing it again changes nothing (RFC 8058 clients may post more than once). */
    @Transactional
    public boolean unsubscribe(String token) {
        Optional<ReaderLinks.Target> target = links.unsubscribeTarget(token);
        target.ifPresent(t -> {
            if (t instanceof ReaderLinks.OneSubscription one) {
                Subscription.delete("id", one.subscriptionId());
            } else if (t instanceof ReaderLinks.WholeAddress all) {
                Subscription.delete("addressId", all.addressId());
            }
        });
        return target.isPresent();
    }
}
