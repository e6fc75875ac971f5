package dev.parley.site;

import dev.parley.article.Article;
import dev.parley.article.Comment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How many approved comments the threads of host pages have, for listing pages ("3 comments"). A page without a
 * thread has 0: counting never creates a thread.
 */
@ApplicationScoped
public class CommentCounts {

    public static final int MAX_PAGES = 100;

    /**
     * The counts of the pages given (by address) and of the threads named by the host's identifiers (in the site of
     * {@code origin}), keyed as asked ("id:" + identifier for the latter), with the reason for each one refused.
     */
    public record Counts(Map<String, Long> counts, Map<String, String> refused) {}

    @Transactional
    public Counts count(List<String> pages, List<String> ids, String origin) {
        List<Site> sites = Site.listByName();
        Map<String, String> refused = new LinkedHashMap<>();
        // What each entry asked for looks for: a site and the key its thread is stored under.
        Map<String, Lookup> lookups = new LinkedHashMap<>();
        for (String page : pages) {
            ThreadKeys.Result<ThreadKeys.SitePage> result = ThreadKeys.page(sites, page);
            if (result instanceof ThreadKeys.Found<ThreadKeys.SitePage> found) {
                ThreadKeys.SitePage sitePage = found.value();
                lookups.put(page, new Lookup(sitePage.site().id, sitePage.urlKey(), sitePage.url()));
            } else {
                refused.put(page, ((ThreadKeys.Refused<ThreadKeys.SitePage>) result).reason());
            }
        }
        Optional<Site> idSite = origin == null ? Optional.empty() : ThreadKeys.siteOf(sites, origin);
        for (String id : ids) {
            ThreadKeys.Result<String> key = ThreadKeys.idKey(id);
            if (idSite.isEmpty()) {
                refused.put(
                        "id:" + id,
                        "A thread identifier needs the origin of its site (origin=https://…): "
                                + (origin == null ? "none was given." : origin + " is not registered with Parley."));
            } else if (key instanceof ThreadKeys.Found<String> found) {
                lookups.put("id:" + id, new Lookup(idSite.get().id, found.value(), null));
            } else {
                refused.put("id:" + id, ((ThreadKeys.Refused<String>) key).reason());
            }
        }
        Map<String, Long> threadOf = threadsOf(lookups.values());
        Map<Long, Long> approved = Comment.countApprovedByArticle(
                threadOf.values().stream().distinct().toList());
        Map<String, Long> counts = new LinkedHashMap<>();
        lookups.forEach((asked, lookup) -> {
            Long thread = threadOf.get(lookup.siteId + " " + lookup.key);
            if (thread == null && lookup.url != null) {
                // A thread the host keys by its own identifier, asked for by its page's address.
                thread = threadOf.get(lookup.siteId + " @" + lookup.url);
            }
            counts.put(asked, thread == null ? 0L : approved.getOrDefault(thread, 0L));
        });
        return new Counts(counts, refused);
    }

    /** The approved comments of one page's thread (by address, or by the host's identifier when given). */
    @Transactional
    public ThreadKeys.Result<Long> countOne(String page, String id) {
        ThreadKeys.Result<ThreadKeys.SitePage> found = ThreadKeys.page(Site.listByName(), page);
        if (found instanceof ThreadKeys.Refused<ThreadKeys.SitePage> refused) {
            return new ThreadKeys.Refused<>(refused.reason());
        }
        ThreadKeys.SitePage sitePage = ((ThreadKeys.Found<ThreadKeys.SitePage>) found).value();
        String key = sitePage.urlKey();
        if (id != null) {
            ThreadKeys.Result<String> idKey = ThreadKeys.idKey(id);
            if (idKey instanceof ThreadKeys.Refused<String> refused) {
                return new ThreadKeys.Refused<>(refused.reason());
            }
            key = ((ThreadKeys.Found<String>) idKey).value();
        }
        Long thread =
                threadsOf(List.of(new Lookup(sitePage.site().id, key, null))).get(sitePage.site().id + " " + key);
        return new ThreadKeys.Found<>(
                thread == null
                        ? 0L
                        : Comment.countApprovedByArticle(List.of(thread)).getOrDefault(thread, 0L));
    }

    private record Lookup(long siteId, String key, String url) {}

    /** "siteId key" and "siteId @url" to the thread's id, for every thread any lookup may mean; one query. */
    private static Map<String, Long> threadsOf(Collection<Lookup> lookups) {
        Map<String, Long> threads = new HashMap<>();
        if (lookups.isEmpty()) {
            return threads;
        }
        List<Long> siteIds = lookups.stream().map(Lookup::siteId).distinct().toList();
        List<String> keys = lookups.stream().map(Lookup::key).distinct().toList();
        List<String> urls = new ArrayList<>(lookups.stream()
                .map(Lookup::url)
                .filter(Objects::nonNull)
                .distinct()
                .toList());
        // "in ()" is not valid SQL: an address no thread has stands in for none.
        urls.add("");
        List<Article> found = Article.<Article>find(
                        "siteId in ?1 and (pageKey in ?2 or pageUrl in ?3)", siteIds, keys, urls)
                .list();
        for (Article thread : found) {
            threads.put(thread.siteId + " " + thread.pageKey, thread.id);
            threads.putIfAbsent(thread.siteId + " @" + thread.pageUrl, thread.id);
        }
        return threads;
    }
}
