package dev.parley.article;

/** Whether readers can see an article. */
public enum ArticleStatus {
    DRAFT,
    PUBLISHED
}
