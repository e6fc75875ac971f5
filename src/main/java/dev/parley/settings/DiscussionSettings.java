package dev.parley.settings;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The single row of owner-editable discussion settings (created by the first migration). */
@Entity
@Table(name = "discussion_settings")
public class DiscussionSettings extends PanacheEntityBase {

    public static final int MIN_THREAD_DEPTH = 1;
    public static final int MAX_THREAD_DEPTH = 10;
    static final int THE_ROW = 1;
    static final int MAX_WORDS = 20000;

    @Id
    public Integer id;

    /** How deep replies nest; deeper replies are shown at this level. 1 means no nesting. */
    @Column(name = "thread_depth", nullable = false)
    public int threadDepth;

    @Enumerated(EnumType.STRING)
    @Column(name = "publish_policy", nullable = false, length = 24)
    public PublishPolicy publishPolicy;

    @Column(name = "require_name_email", nullable = false)
    public boolean requireNameEmail;

    @Column(name = "require_sign_in", nullable = false)
    public boolean requireSignIn;

    @Column(name = "hold_links", nullable = false)
    public int holdLinks;

    @Column(name = "moderation_words", nullable = false, length = MAX_WORDS)
    public String moderationWords;

    @Column(name = "disallowed_words", nullable = false, length = MAX_WORDS)
    public String disallowedWords;

    @Column(name = "close_after_days", nullable = false)
    public int closeAfterDays;

    @Column(name = "comments_per_page", nullable = false)
    public int commentsPerPage;

    @Column(name = "newest_first", nullable = false)
    public boolean newestFirst;

    @Column(name = "flood_seconds", nullable = false)
    public int floodSeconds;

    @Column(name = "min_form_seconds", nullable = false)
    public int minFormSeconds;

    @Column(name = "report_threshold", nullable = false)
    public int reportThreshold;

    @Column(name = "trash_days", nullable = false)
    public int trashDays;

    @Column(name = "spam_days", nullable = false)
    public int spamDays;

    @Column(name = "ip_days", nullable = false)
    public int ipDays;

    @Version
    public int version;

    static DiscussionSettings current() {
        return findById(THE_ROW);
    }

    /** The row's version: it moves with every saved change, so it tells whether settings read earlier still hold. */
    static int currentVersion() {
        return getEntityManager()
                .createQuery("select s.version from DiscussionSettings s where s.id = :id", Integer.class)
                .setParameter("id", THE_ROW)
                .getSingleResult();
    }

    Discussion toDiscussion() {
        return new Discussion(
                threadDepth,
                publishPolicy,
                requireNameEmail,
                requireSignIn,
                holdLinks,
                moderationWords,
                disallowedWords,
                closeAfterDays,
                commentsPerPage,
                newestFirst,
                floodSeconds,
                minFormSeconds,
                reportThreshold,
                trashDays,
                spamDays,
                ipDays);
    }

    void apply(Discussion d) {
        threadDepth = d.threadDepth();
        publishPolicy = d.publishPolicy();
        requireNameEmail = d.requireNameEmail();
        requireSignIn = d.requireSignIn();
        holdLinks = d.holdLinks();
        moderationWords = d.moderationWords();
        disallowedWords = d.disallowedWords();
        closeAfterDays = d.closeAfterDays();
        commentsPerPage = d.commentsPerPage();
        newestFirst = d.newestFirst();
        floodSeconds = d.floodSeconds();
        minFormSeconds = d.minFormSeconds();
        reportThreshold = d.reportThreshold();
        trashDays = d.trashDays();
        spamDays = d.spamDays();
        ipDays = d.ipDays();
    }
}
