/**
 * Mail: the outbox every mail goes through (written in the transaction of what caused it, delivered by
 * {@link dev.parley.mail.MailSender} with retries), the SMTP set-up from the environment, the one-time links
 * mails carry, and the owner's mail page (status, test mail, mail log).
 */
package dev.parley.mail;
