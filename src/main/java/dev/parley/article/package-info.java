/**
 * Articles and their comment threads: the entities, the reader-facing pages ({@code /} and
 * {@code /articles/{slug}}), the thread model handed to templates, and the owner's article admin.
 */
package dev.parley.article;
