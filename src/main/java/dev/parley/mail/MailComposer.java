package dev.parley.mail;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * Renders a mail from its two Qute templates, {@code templates/mail/NAME.txt} (plain text, nothing escaped)
 * and {@code templates/mail/NAME.html} (escaped as every page is; a comment's text goes through the same
 * {@code CommentText} conversion as on the pages). Both include {@code mail/base}, which adds the footer.
 * No images, no tracking pixels, no remote styles: the HTML part carries its style inline.
 */
@ApplicationScoped
public class MailComposer {

    @Inject
    Engine engine;

    @Inject
    MailSettings settings;

    /**
     * What to send: the template name, its data, and the footer's links.
     *
     * @param footer the sentence at the bottom of the mail saying why it came (e.g. "You get this because…")
     * @param manageUrl the page where the recipient changes what they get (their account page, or the
     *     reader's subscriptions page); always absolute
     * @param unsubscribeUrl the one-click unsubscribe address (RFC 8058); null for mails that are no subscription
     */
    public record Draft(
            String kind,
            String to,
            String subject,
            String template,
            Map<String, Object> data,
            String footer,
            String manageUrl,
            String unsubscribeUrl,
            boolean forStaff) {}

    /** The site's name, as mails are signed and sent from (the host site's name for its threads). */
    public String siteName() {
        return settings.siteName();
    }

    public Message compose(Draft draft) {
        return compose(draft, settings.siteName());
    }

    /** Composes a mail sent in the name of {@code senderName} (a registered site's name, for its threads). */
    public Message compose(Draft draft, String senderName) {
        String subject = MailHeaders.subject(draft.subject());
        String text = render(draft, senderName, subject, "txt");
        String html = render(draft, senderName, subject, "html");
        return new Message(
                draft.kind(), draft.to(), senderName, subject, text, html, draft.unsubscribeUrl(), draft.forStaff());
    }

    private String render(Draft draft, String senderName, String subject, String variant) {
        Template template = engine.getTemplate("mail/" + draft.template() + "." + variant);
        if (template == null) {
            throw new IllegalStateException("Missing mail template mail/" + draft.template() + "." + variant);
        }
        TemplateInstance instance = template.instance();
        draft.data().forEach(instance::data);
        return instance.data("siteName", senderName)
                .data("subject", subject)
                .data("footer", draft.footer())
                .data("manageUrl", draft.manageUrl())
                .data("unsubscribeUrl", draft.unsubscribeUrl())
                .render();
    }
}
