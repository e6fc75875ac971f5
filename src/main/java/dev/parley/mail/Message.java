package dev.parley.mail;

/**
 * A mail ready for the outbox, as {@link MailComposer} makes it: header values already made safe.
 *
 * @param kind what it is about, for the mail log ("held-comment", "reply", ...)
 * @param unsubscribeUrl one-click unsubscribe address (RFC 8058), or null for mails that are no subscription
 * @param forStaff mail to staff, which the per-address limit does not apply to
 */
public record Message(
        String kind,
        String to,
        String senderName,
        String subject,
        String text,
        String html,
        String unsubscribeUrl,
        boolean forStaff) {}
