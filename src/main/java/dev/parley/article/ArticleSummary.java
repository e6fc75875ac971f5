package dev.parley.article;

import java.time.Instant;

/** An article as the front page lists it. */
public record ArticleSummary(String slug, String title, String excerpt, Instant publishedAt, long commentCount) {}
