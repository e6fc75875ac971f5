package dev.parley.mail;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One mail, rendered and waiting in (or delivered from) the outbox. */
@Entity
@Table(name = "mail_outbox")
public class OutboxMail extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** What the mail is about, e.g. "held-comment"; the mail log shows it. */
    @Column(nullable = false, length = 40)
    public String kind;

    @Column(nullable = false, length = 320)
    public String recipient;

    @Column(name = "sender_name", nullable = false, length = 200)
    public String senderName;

    @Column(nullable = false, length = 400)
    public String subject;

    @Column(name = "text_body", nullable = false, length = 1_000_000)
    public String textBody;

    @Column(name = "html_body", nullable = false, length = 1_000_000)
    public String htmlBody;

    /** The one-click unsubscribe address (RFC 8058); null for mails that are not a subscription. */
    @Column(name = "unsubscribe_url", length = 1000)
    public String unsubscribeUrl;

    /** Mail to staff is not rate-limited per address (a busy queue is not mail-bombing). */
    @Column(name = "for_staff", nullable = false)
    public boolean forStaff;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public MailStatus status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    /** Until then one sender has it; a sender that died leaves it to be taken up again afterwards. */
    @Column(name = "claimed_until")
    public Instant claimedUntil;

    @Column(name = "last_error", length = 1000)
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;
}
