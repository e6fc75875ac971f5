package dev.parley.article;

import java.time.Instant;

/** An article as the owner's list shows it. */
public record ArticleRow(
        long id,
        String slug,
        String title,
        boolean published,
        boolean commentsOpen,
        Instant publishedAt,
        Instant updatedAt,
        long approvedComments) {}
