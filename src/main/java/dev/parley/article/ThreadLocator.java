package dev.parley.article;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The thread a comment is for, found inside the transaction that posts it: one of Parley's articles, or the
 * thread of a page on another site, which its first comment creates.
 *
 * @param slug the thread's address in Parley, known before the thread exists
 * @param finder the thread: saved, or new and unsaved (its first comment saves it); empty when there is none to
 *     comment on
 */
public record ThreadLocator(String slug, Supplier<Optional<Article>> finder) {

    public static ThreadLocator article(String slug) {
        return new ThreadLocator(slug, () -> Article.findPublished(slug));
    }

    public Optional<Article> locate() {
        return finder.get();
    }
}
