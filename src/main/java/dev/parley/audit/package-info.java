/**
 * The audit log: every moderation and settings action, who made it, when, and the state before and after.
 * Shown at {@code /moderation/log} and in each comment's history.
 */
package dev.parley.audit;
