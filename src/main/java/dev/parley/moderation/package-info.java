/**
 * The moderation queue at {@code /moderation}: pending comments across all articles and the
 * moderators' decisions on them (approve, reject to trash, mark as spam).
 */
package dev.parley.moderation;
