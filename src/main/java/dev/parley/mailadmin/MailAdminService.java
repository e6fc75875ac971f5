package dev.parley.mailadmin;

import dev.parley.mail.MailComposer;
import dev.parley.mail.Outbox;
import dev.parley.web.TemplateExtensions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The mail page's reading and doing: the log a page at a time, the test mail, "Try again now". */
@ApplicationScoped
public class MailAdminService {

    static final int PAGE_SIZE = 50;

    @Inject
    Outbox outbox;

    @Inject
    MailComposer composer;

    /** One page of the mail log (page 1 first) and whether there are older ones. */
    public record LogPage(List<Outbox.LogRow> rows, int page, boolean older) {}

    public LogPage log(int page) {
        int shown = Math.min(Math.max(page, 1), 1_000_000);
        List<Outbox.LogRow> rows = outbox.logFrom((shown - 1) * PAGE_SIZE, PAGE_SIZE + 1);
        boolean older = rows.size() > PAGE_SIZE;
        return new LogPage(older ? rows.subList(0, PAGE_SIZE) : rows, shown, older);
    }

    /**
     * Queues a test mail to {@code to}, in the owner's name. Like any mail to a reader's address it counts
     * towards the per-address limit (a test mail is no way around it).
     *
     * @return whether it was queued (false: mail is not set up, or the address reached its limit)
     */
    @Transactional
    public boolean sendTestMail(String to, String ownerName) {
        String site = composer.siteName();
        return outbox.enqueue(composer.compose(new MailComposer.Draft(
                "test",
                to.strip(),
                "Test mail from " + site,
                "test",
                Map.of("sender", ownerName, "sentAt", TemplateExtensions.readable(Instant.now())),
                "You get this because someone who runs the comments of " + site
                        + " sent a test mail to this address from Parley's mail page.",
                null,
                null,
                false)));
    }

    public boolean retryNow(long id) {
        return outbox.retryNow(id);
    }
}
