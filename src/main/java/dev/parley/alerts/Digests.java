package dev.parley.alerts;

import dev.parley.article.Comment;
import dev.parley.article.CommentStatus;
import dev.parley.identity.MailAlerts;
import dev.parley.identity.StaffAlerts;
import dev.parley.identity.StaffAlerts.Member;
import dev.parley.mail.Outbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Hourly and daily digests: one mail listing the comments held or reported since the staff member's last digest
 * that still wait, with the same one-click links as single alerts. Nothing new, no mail. Each digest window is
 * taken by a conditional update of the member's row ({@link StaffAlerts#claimDigest}), so two instances running
 * the job at once send it once.
 */
@ApplicationScoped
class Digests {

    private static final Logger LOG = Logger.getLogger(Digests.class);

    /** The daily digest comes at this hour of the site's time zone (or at the first run after it). */
    static final LocalTime DAILY_AT = LocalTime.of(8, 0);

    /** At most this many comments with links; the digest says how many more wait and links the queue. */
    static final int SHOWN = 20;

    /**
     * The window ends this long before the run, so that a comment whose transaction was still open when the job
     * looked (created before, committed after) is in the next window rather than in none.
     */
    static final Duration SETTLE = Duration.ofMinutes(1);

    /** An hourly digest is due this long after the last one: runs a little early still count. */
    static final Duration HOURLY_GAP = Duration.ofMinutes(50);

    @Inject
    StaffAlerts staff;

    @Inject
    AlertMails mails;

    @Inject
    Outbox outbox;

    @ConfigProperty(name = "parley.time-zone")
    String timeZone;

    @Scheduled(
            cron = "${parley.alerts.digest-cron:0 0 * * * ?}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        try {
            send(Instant.now());
        } catch (RuntimeException e) {
            LOG.warnf("Moderation digests not sent this hour: %s", e.toString());
        }
    }

    /** Sends the digests due at {@code now}; returns how many were queued. */
    int send(Instant now) {
        if (!outbox.configured()) {
            return 0;
        }
        int sent = 0;
        for (MailAlerts kind : List.of(MailAlerts.HOURLY, MailAlerts.DAILY)) {
            List<Member> members = QuarkusTransaction.requiringNew().call(() -> staff.choosing(kind));
            for (Member member : members) {
                if (!AlertMails.canMail(member) || !isDue(member, now)) {
                    continue;
                }
                if (QuarkusTransaction.requiringNew().call(() -> sendOne(member, now))) {
                    sent++;
                }
            }
        }
        return sent;
    }

    /** The site's time zone, which the daily digest's hour is in. */
    ZoneId zone() {
        return ZoneId.of(timeZone.strip());
    }

    boolean isDue(Member member, Instant now) {
        Instant last = member.digestSentAt();
        if (member.alerts() == MailAlerts.HOURLY) {
            return last == null || !last.plus(HOURLY_GAP).isAfter(now.minus(SETTLE));
        }
        ZonedDateTime local = now.atZone(zone());
        Instant todayAt =
                local.toLocalDate().atTime(DAILY_AT).atZone(local.getZone()).toInstant();
        return !now.isBefore(todayAt) && (last == null || last.isBefore(todayAt.minus(SETTLE)));
    }

    private boolean sendOne(Member member, Instant now) {
        Instant until = now.minus(SETTLE);
        Instant since = member.digestSentAt() != null
                ? member.digestSentAt()
                : until.minus(member.alerts() == MailAlerts.HOURLY ? Duration.ofHours(1) : Duration.ofDays(1));
        if (!staff.claimDigest(member, until)) {
            return false; // another instance took this window
        }
        Set<Long> ids = new LinkedHashSet<>();
        Comment.<Comment>find(
                        "status = ?1 and createdAt > ?2 and createdAt <= ?3 order by createdAt, id",
                        CommentStatus.PENDING,
                        since,
                        until)
                .stream()
                .forEach(c -> ids.add(c.id));
        Comment.<Comment>find("reportedAt > ?1 and reportedAt <= ?2 order by reportedAt, id", since, until).stream()
                .forEach(c -> ids.add(c.id));
        List<AlertMails.Prepared> prepared = new ArrayList<>();
        int total = 0;
        int held = 0;
        int reported = 0;
        for (long id : ids) {
            var one = mails.prepare(id, "");
            if (one.isEmpty() || AlertMails.isOwn(one.get().item().item(), member)) {
                continue;
            }
            total++;
            boolean isReported = one.get().item().item().reportCount() > 0;
            if (isReported) {
                reported++;
            } else {
                held++;
            }
            if (prepared.size() < SHOWN) {
                prepared.add(withWhy(one.get(), isReported ? "Reported" : "Held for moderation"));
            }
        }
        if (total == 0) {
            return false;
        }
        String subject = "Comments to moderate: " + countOf(held, "held") + (held > 0 && reported > 0 ? ", " : "")
                + countOf(reported, "reported");
        String intro = (total == 1 ? "1 comment" : total + " comments") + " came in since your last digest and "
                + (total == 1 ? "waits" : "wait") + " for a moderator.";
        String how = member.alerts() == MailAlerts.HOURLY ? "an hourly digest" : "a daily digest";
        outbox.enqueue(mails.digest(prepared, total, member, subject, intro, how));
        return true;
    }

    private static String countOf(int n, String what) {
        return n == 0 ? "" : n + " " + what;
    }

    private static AlertMails.Prepared withWhy(AlertMails.Prepared p, String why) {
        AlertItem item = p.item();
        return new AlertMails.Prepared(
                new AlertItem(
                        item.item(),
                        why,
                        item.text(),
                        item.articleUrl(),
                        item.signedInWith(),
                        item.commentUrl(),
                        item.links()),
                p.senderName(),
                p.articleTitle());
    }
}
