/**
 * "Leave a Reply": the guest comment form's fields and rules, and posting a comment into the
 * moderation queue. Depends on {@code article} for the page it re-renders when input is wrong.
 */
package dev.parley.reply;
