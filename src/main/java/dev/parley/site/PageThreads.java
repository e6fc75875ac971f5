package dev.parley.site;

import dev.parley.article.Article;
import dev.parley.article.ArticleStatus;
import dev.parley.article.BodyFormat;
import dev.parley.article.ThreadLocator;
import dev.parley.web.Tokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

/**
 * Finds the thread of a page on a registered site from what the host sends (the page's address, and perhaps
 * its own identifier and title), refusing in words anything that cannot name a page. Nothing here stores a
 * thread: its first comment does (see {@link #locator}).
 */
@ApplicationScoped
public class PageThreads {

    public static final int MAX_ID = 200;

    @Inject
    SiteRegistry sites;

    /** What the host sent, read: a page of a registered site, or why not. */
    public sealed interface Address permits PageAddress, Refusal {}

    /**
     * @param key how the thread is found: "id:" + the host's identifier, or "url:" + the canonical address
     * @param title the host's title for the page; {@code null} when it gave none
     */
    public record PageAddress(long siteId, String canonicalUrl, String key, String title) implements Address {

        /** The thread's address in Parley, the same before and after it exists. */
        public String slug() {
            return "p-" + Tokens.sha256(siteId + "\n" + key).substring(0, 20);
        }
    }

    /** @param status 400 for what is malformed, 403 for an origin nobody registered */
    public record Refusal(int status, String message) implements Address {}

    public Address read(String page, String id, String title) {
        if (id != null && !id.isEmpty()) {
            Optional<String> problem = problemWithText(id, MAX_ID, "The page identifier");
            if (problem.isPresent()) {
                return new Refusal(400, problem.get());
            }
        }
        if (title != null && !title.isEmpty()) {
            Optional<String> problem = problemWithText(title, Article.MAX_TITLE, "The page title");
            if (problem.isPresent()) {
                return new Refusal(400, problem.get());
            }
        }
        SiteRegistry.Lookup lookup = sites.lookUp(page);
        if (lookup instanceof SiteRegistry.NotLocated notLocated) {
            return new Refusal(
                    notLocated.refused().unregistered() ? 403 : 400,
                    notLocated.refused().reason());
        }
        SiteRegistry.Located located = (SiteRegistry.Located) lookup;
        String stableId = id == null || id.isBlank() ? null : id.strip();
        String key = stableId != null ? "id:" + stableId : "url:" + located.canonicalUrl();
        String shownTitle = title == null || title.isBlank() ? null : title.strip();
        return new PageAddress(located.site().id(), located.canonicalUrl(), key, shownTitle);
    }

    private static Optional<String> problemWithText(String text, int max, String what) {
        if (text.codePointCount(0, text.length()) > max) {
            return Optional.of(what + " is longer than " + max + " characters.");
        }
        if (text.codePoints().anyMatch(PageThreads::isControl)) {
            return Optional.of(what + " contains control characters.");
        }
        if (text.isBlank()) {
            return Optional.of(what + " is blank.");
        }
        return Optional.empty();
    }

    private static boolean isControl(int cp) {
        return Character.getType(cp) == Character.CONTROL || cp == 0x2028 || cp == 0x2029;
    }

    /** The page's thread, if its first comment has been posted. */
    @Transactional
    public Optional<Article> existing(PageAddress address) {
        return Article.<Article>find("siteId = ?1 and pageKey = ?2", address.siteId(), address.key())
                .firstResultOptional()
                .filter(Article::isPublished);
    }

    /**
     * Finds the page's thread inside the posting transaction, or makes a new one that the comment saves. A thread
     * found by the host's identifier follows the page to the address the host gives now (the page moved).
     *
     * @param title the title of a new thread, when the host gave none
     */
    public ThreadLocator locator(PageAddress address, String title) {
        return new ThreadLocator(address.slug(), () -> {
            Optional<Article> found = Article.<Article>find(
                            "siteId = ?1 and pageKey = ?2", address.siteId(), address.key())
                    .firstResultOptional();
            if (found.isPresent()) {
                Article thread = found.get();
                if (address.key().startsWith("id:") && !address.canonicalUrl().equals(thread.pageUrl)) {
                    thread.pageUrl = address.canonicalUrl();
                }
                return found.filter(Article::isPublished);
            }
            return Optional.of(unsaved(address, title));
        });
    }

    /** A thread as its first comment will create it. */
    public static Article unsaved(PageAddress address, String title) {
        Instant now = Instant.now();
        Article thread = new Article();
        thread.slug = address.slug();
        thread.title = address.title() != null ? address.title() : title;
        thread.body = "";
        thread.bodyFormat = BodyFormat.PLAIN;
        thread.status = ArticleStatus.PUBLISHED;
        thread.publishedAt = now;
        thread.createdAt = now;
        thread.updatedAt = now;
        thread.siteId = address.siteId();
        thread.pageUrl = address.canonicalUrl();
        thread.pageKey = address.key();
        return thread;
    }
}
