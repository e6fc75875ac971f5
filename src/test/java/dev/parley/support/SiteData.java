package dev.parley.support;

import dev.parley.article.Article;
import dev.parley.article.ArticleStatus;
import dev.parley.site.PageThreads;
import dev.parley.site.Site;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Threads of host pages, as their first comments would make them (sites: {@link TestData#site}). */
@ApplicationScoped
public class SiteData {

    /** The thread of a host page ({@code key} "url:" + its canonical address, or "id:" + the host's identifier). */
    @Transactional
    public Article thread(Site site, String pageUrl, String key, String title) {
        Article thread = PageThreads.unsaved(new PageThreads.PageAddress(site.id, pageUrl, key, title), title);
        thread.persist();
        return thread;
    }

    @Transactional
    public long threadCount() {
        return Article.count("siteId is not null and status = ?1", ArticleStatus.PUBLISHED);
    }
}
