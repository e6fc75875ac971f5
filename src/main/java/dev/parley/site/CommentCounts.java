package dev.parley.site;

import dev.parley.article.Article;
import dev.parley.article.Comment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How many approved comments the threads of host pages have, for listing pages ("3 comments"). A page without a
 * thread has 0: counting never creates a thread.
 */
@ApplicationScoped
public class CommentCounts {

    public static final int MAX_PAGES = 100;

    @Inject
    PageThreads pages;

    @Inject
    SiteRegistry sites;

    /**
     * The counts of the pages given (by address) and of the threads named by the host's identifiers (in the site of
     * {@code origin}), keyed as asked ("id:" + identifier for the latter), with the reason for each one refused.
     */
    public record Counts(Map<String, Long> counts, Map<String, String> refused) {}

    /** One count, or why the page cannot have a thread. */
    public sealed interface One permits Counted, Refused {}

    public record Counted(long count) implements One {}

    public record Refused(String reason) implements One {}

    @Transactional
    public Counts count(List<String> pageAddresses, List<String> ids, String origin) {
        Map<String, String> refused = new LinkedHashMap<>();
        Map<String, PageThreads.PageAddress> asked = new LinkedHashMap<>();
        for (String page : pageAddresses) {
            PageThreads.Address read = pages.read(page, null, null);
            if (read instanceof PageThreads.PageAddress address) {
                asked.put(page, address);
            } else {
                refused.put(page, ((PageThreads.Refusal) read).message());
            }
        }
        // Identifiers belong to the site of the origin given: its root page names that site.
        String root = origin == null
                ? null
                : sites.all().stream()
                        .filter(site -> site.addresses().allowsOrigin(origin))
                        .findFirst()
                        .map(site -> origin.strip().replaceAll("/+$", "") + "/")
                        .orElse(null);
        for (String id : ids) {
            if (root == null) {
                refused.put(
                        "id:" + id,
                        "A thread identifier needs the origin of its site (origin=https://…): "
                                + (origin == null ? "none was given." : origin + " is not registered with Parley."));
                continue;
            }
            PageThreads.Address read = id.isEmpty()
                    ? new PageThreads.Refusal(400, "The page identifier is empty.")
                    : pages.read(root, id, null);
            if (read instanceof PageThreads.PageAddress address) {
                asked.put("id:" + id, address);
            } else {
                refused.put("id:" + id, ((PageThreads.Refusal) read).message());
            }
        }
        Map<String, Long> threadOf = threadsOf(asked.values());
        Map<Long, Long> approved = Comment.countApprovedByArticle(
                threadOf.values().stream().distinct().toList());
        Map<String, Long> counts = new LinkedHashMap<>();
        asked.forEach((name, address) -> {
            Long thread = threadOf.get(address.siteId() + " " + address.key());
            if (thread == null && address.key().startsWith("url:")) {
                // A thread the host keys by its own identifier, asked for by its page's address.
                thread = threadOf.get(address.siteId() + " @" + address.canonicalUrl());
            }
            counts.put(name, thread == null ? 0L : approved.getOrDefault(thread, 0L));
        });
        return new Counts(counts, refused);
    }

    /** The approved comments of one page's thread (by address, or by the host's identifier when given). */
    @Transactional
    public One countOne(String page, String id) {
        PageThreads.Address read = pages.read(page, id, null);
        if (read instanceof PageThreads.Refusal refusal) {
            return new Refused(refusal.message());
        }
        PageThreads.PageAddress address = (PageThreads.PageAddress) read;
        Long thread = threadsOf(List.of(address)).get(address.siteId() + " " + address.key());
        return new Counted(
                thread == null
                        ? 0L
                        : Comment.countApprovedByArticle(List.of(thread)).getOrDefault(thread, 0L));
    }

    /** "siteId key" and "siteId @url" to the thread's id, for every thread any address may mean; one query. */
    private static Map<String, Long> threadsOf(Collection<PageThreads.PageAddress> addresses) {
        Map<String, Long> threads = new HashMap<>();
        if (addresses.isEmpty()) {
            return threads;
        }
        List<Long> siteIds = addresses.stream()
                .map(PageThreads.PageAddress::siteId)
                .distinct()
                .toList();
        List<String> keys =
                addresses.stream().map(PageThreads.PageAddress::key).distinct().toList();
        List<String> urls = new ArrayList<>(addresses.stream()
                .filter(a -> a.key().startsWith("url:"))
                .map(PageThreads.PageAddress::canonicalUrl)
                .filter(Objects::nonNull)
                .distinct()
                .toList());
        // "in ()" is not valid SQL: an address no thread has stands in for none.
        urls.add("");
        List<Article> found = Article.<Article>find(
                        "siteId in ?1 and (pageKey in ?2 or pageUrl in ?3) and status = ?4",
                        siteIds,
                        keys,
                        urls,
                        dev.parley.article.ArticleStatus.PUBLISHED)
                .list();
        for (Article thread : found) {
            threads.put(thread.siteId + " " + thread.pageKey, thread.id);
            threads.putIfAbsent(thread.siteId + " @" + thread.pageUrl, thread.id);
        }
        return threads;
    }
}
