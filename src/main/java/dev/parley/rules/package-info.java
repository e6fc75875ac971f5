/**
 * Content rules that hold a comment for moderation or mark it as spam: moderation words, disallowed words
 * and the link count. Pure functions of the text and the rules, so the same code screens new comments and
 * tries a rule on past ones.
 */
package dev.parley.rules;
