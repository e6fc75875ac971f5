package dev.parley.support;

import dev.parley.article.Article;
import dev.parley.article.ArticleStatus;
import dev.parley.site.RegisteredOrigins;
import dev.parley.site.Site;
import dev.parley.site.TrailingSlash;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** Registered sites and the threads of their pages, as the owner and the first comments would make them. */
@ApplicationScoped
public class SiteData {

    @Inject
    RegisteredOrigins origins;

    /** A site with these origins (one per line, as the owner types them); CORS answers them at once. */
    public Site site(String origins) {
        Site site = store(origins);
        this.origins.reload();
        return site;
    }

    @Transactional
    Site store(String origins) {
        Site site = new Site();
        site.name = TestData.unique("Site");
        site.origins = origins;
        site.trailingSlash = TrailingSlash.KEEP;
        site.samePageAnyScheme = true;
        site.createdAt = Instant.now();
        site.persist();
        return site;
    }

    /** The thread of a host page, as its first comment creates it ({@code key} "url:…" or "id:…"). */
    @Transactional
    public Article thread(Site site, String pageUrl, String key, String title) {
        Article thread = new Article();
        thread.siteId = site.id;
        thread.pageUrl = pageUrl;
        thread.pageKey = key;
        thread.title = title;
        thread.slug = TestData.unique("page");
        thread.body = "";
        thread.status = ArticleStatus.PUBLISHED;
        Instant now = Instant.now();
        thread.createdAt = now;
        thread.updatedAt = now;
        thread.publish(now);
        thread.persist();
        return thread;
    }

    @Transactional
    public long threadCount() {
        return Article.count("siteId is not null");
    }
}
