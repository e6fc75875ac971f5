/**
 * Readers' mail about threads: "Notify me of follow-up comments", "Notify me when my comment is approved" and
 * "Follow this thread"; the double opt-in that confirms an address before anything else is mailed to it; the
 * mails themselves (queued in the transaction that publishes a comment); and the pages links in those mails open
 * (confirm, manage, one-click unsubscribe), which need no account. The reply feature calls into this one.
 */
package dev.parley.subscription;
