package dev.parley.site;

import dev.parley.article.Article;
import dev.parley.article.Comment;
import dev.parley.article.CommentStatus;
import dev.parley.audit.AuditAction;
import dev.parley.audit.AuditLog;
import dev.parley.web.Bidi;
import dev.parley.web.FormState;
import dev.parley.web.FormValidation;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The owner's work on sites and their threads: register a site's origins and address rules, rename, re-address,
 * close and reopen its threads. Every change is written to the audit log in the same transaction.
 */
@ApplicationScoped
public class SiteAdminService {

    private static final int SHOWN_IN_MESSAGE = 80;

    @Inject
    AuditLog audit;

    @Inject
    FormValidation validation;

    @Inject
    SiteRegistry registry;

    /** Outcome of saving a form: the id of what was saved, or a message per field. */
    public record Saved(Long id, Map<String, String> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    @Transactional
    public List<SiteRow> list() {
        Map<Long, Long> threads = new HashMap<>();
        Article.getEntityManager()
                .createQuery(
                        "select a.siteId, count(a) from Article a where a.siteId is not null group by a.siteId",
                        Object[].class)
                .getResultStream()
                .forEach(row -> threads.put((Long) row[0], (Long) row[1]));
        return Site.listByName().stream()
                .map(s -> new SiteRow(s.id, s.name, s.originList(), threads.getOrDefault(s.id, 0L)))
                .toList();
    }

    @Transactional
    public Optional<Map<String, String>> formValues(long id) {
        return Site.byId(id).map(SiteForm::of);
    }

    @Transactional
    public Optional<String> name(long id) {
        return Site.byId(id).map(s -> s.name);
    }

    /**
     * Adds ({@code id == null}) or changes a site. Changing the address rules or the origins rewrites the
     * address of every thread of the site the new way, so that its page still finds it; a change that would
     * leave a thread outside the origins, or make two threads one page, is refused with the reason.
     */
    public Saved save(Long id, SiteForm form) {
        Saved saved = QuarkusTransaction.requiringNew().call(() -> saveInTransaction(id, form));
        if (saved.ok()) {
            // The origin checks read the registry, not the database: this instance sees the change at once.
            registry.refresh();
        }
        return saved;
    }

    private Saved saveInTransaction(Long id, SiteForm form) {
        Site site = id == null ? new Site() : Site.<Site>findById(id);
        if (site == null) {
            throw new NotFoundException();
        }
        Map<String, String> errors = validation.errorsOf(form);
        List<String> origins = errors.containsKey("origins") ? List.of() : origins(form.origins, id, errors);
        List<String> kept = keptQueryParams(form.keptQueryParams);
        TrailingSlash slash = parseSlash(form.trailingSlash);
        if (slash == null) {
            errors.putIfAbsent("trailingSlash", "Please choose how page addresses end.");
        }
        if (!errors.isEmpty()) {
            return new Saved(id, errors);
        }
        PageAddresses rules = new PageAddresses(origins, kept, slash, form.isSamePageAnyScheme());
        int moved = 0;
        if (site.id != null) {
            Optional<Readdressing> readdressing = readdress(site, rules, errors);
            if (readdressing.isEmpty()) {
                return new Saved(id, errors);
            }
            moved = readdressing.get().apply();
        }
        site.name = form.name.strip();
        site.origins = String.join("\n", origins);
        site.keptQueryParams = String.join(",", kept);
        site.trailingSlash = slash;
        site.samePageAnyScheme = form.isSamePageAnyScheme();
        boolean created = site.id == null;
        if (created) {
            site.createdAt = Instant.now();
            site.persist();
        }
        audit.recordByCurrentUser(
                AuditAction.SITE,
                (created ? "Added" : "Changed") + " the site “" + Bidi.isolate(site.name) + "” (origins: "
                        + String.join(", ", origins) + "; query parameters kept: "
                        + (kept.isEmpty() ? "none" : String.join(", ", kept)) + "; trailing slash: "
                        + slash.name().toLowerCase(Locale.ROOT) + "; http and https one page: "
                        + (site.samePageAnyScheme ? "yes" : "no") + ")"
                        + (moved == 0 ? "" : "; rewrote the addresses of " + moved + " threads"));
        return new Saved(site.id, Map.of());
    }

    /**
     * The origins as typed, one per line, written canonically; the first mistake goes into {@code errors}.
     * An origin belongs to one site only: otherwise a page could not tell which site's thread it carries.
     */
    private static List<String> origins(String typed, Long siteId, Map<String, String> errors) {
        Set<String> canonical = new LinkedHashSet<>();
        for (String line : (typed == null ? "" : typed).split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            Optional<String> origin = PageAddresses.originOf(trimmed);
            if (origin.isEmpty()) {
                errors.put(
                        "origins",
                        "“" + shorten(trimmed)
                                + "” is not an origin. Write the scheme and host only, one per line, such"
                                + " as https://blog.example.org (no path, query or #).");
                return List.of();
            }
            if (!canonical.add(origin.get())) {
                errors.put("origins", origin.get() + " is listed twice.");
                return List.of();
            }
        }
        if (canonical.isEmpty()) {
            errors.put(
                    "origins",
                    "Please list at least one origin whose pages carry threads, such as https://blog.example.org.");
            return List.of();
        }
        for (Site other : Site.listByName()) {
            if (other.id.equals(siteId)) {
                continue;
            }
            for (String theirs : other.originList()) {
                for (String ours : canonical) {
                    if (hostAndPort(theirs).equals(hostAndPort(ours))) {
                        errors.put(
                                "origins",
                                ours + " belongs to the site “" + Bidi.isolate(other.name)
                                        + "” already: a page can carry the threads of one site only.");
                        return List.of();
                    }
                }
            }
        }
        String joined = String.join("\n", canonical);
        if (joined.length() > Site.MAX_ORIGINS) {
            errors.put("origins", "The origins can have at most " + Site.MAX_ORIGINS + " characters.");
            return List.of();
        }
        return List.copyOf(canonical);
    }

    private static String hostAndPort(String origin) {
        return origin.substring(origin.indexOf("://") + 3);
    }

    private static List<String> keptQueryParams(String typed) {
        return Arrays.stream((typed == null ? "" : typed).split("[,\\s]+"))
                .filter(s -> !s.isEmpty())
                .distinct()
                .toList();
    }

    private static TrailingSlash parseSlash(String typed) {
        try {
            return typed == null ? null : TrailingSlash.valueOf(typed);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    /** The new addresses and keys of a site's threads under new rules, ready to be written. */
    private record Readdressing(List<Article> threads, List<String> urls, List<String> keys) {
        int apply() {
            List<Integer> changed = new ArrayList<>();
            for (int i = 0; i < threads.size(); i++) {
                Article thread = threads.get(i);
                if (!thread.pageUrl.equals(urls.get(i)) || !Objects.equals(thread.pageKey, keys.get(i))) {
                    changed.add(i);
                    // A placeholder first: one thread's new key (and slug) may be another's old one until both
                    // are written.
                    thread.pageKey = "moving:" + thread.id;
                    thread.slug = "moving-" + thread.id;
                }
            }
            if (changed.isEmpty()) {
                return 0;
            }
            Article.flush();
            for (int i : changed) {
                Article thread = threads.get(i);
                thread.pageUrl = urls.get(i);
                thread.pageKey = keys.get(i);
                thread.slug = slugOf(thread);
            }
            return changed.size();
        }
    }

    private static Optional<Readdressing> readdress(Site site, PageAddresses rules, Map<String, String> errors) {
        List<Article> threads = Article.list("siteId = ?1 order by id", site.id);
        List<String> urls = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        Map<String, Article> byKey = new HashMap<>();
        for (Article thread : threads) {
            PageAddresses.Result result = rules.canonical(thread.pageUrl);
            if (result instanceof PageAddresses.Refused) {
                errors.put(
                        "origins",
                        "The thread “" + Bidi.isolate(thread.title) + "” is on " + shorten(thread.pageUrl)
                                + ", which these origins leave out. Keep its origin, or re-address the thread first.");
                return Optional.empty();
            }
            String url = ((PageAddresses.Canonical) result).url();
            String key = thread.pageKey != null && thread.pageKey.startsWith("url:") ? "url:" + url : thread.pageKey;
            Article same = byKey.putIfAbsent(key, thread);
            if (same != null) {
                errors.put(
                        FormState.GLOBAL,
                        "With these settings, the threads “" + Bidi.isolate(same.title) + "” and “"
                                + Bidi.isolate(thread.title) + "” would be one page, " + shorten(url)
                                + ". Re-address one of them first, or keep the settings as they were.");
                return Optional.empty();
            }
            urls.add(url);
            keys.add(key);
        }
        return Optional.of(new Readdressing(threads, urls, keys));
    }

    /** What deleting a site would lose, for the page that asks first. */
    public record Deletion(long id, String name, List<String> origins, long threads, long comments) {
        public boolean refused() {
            return threads > 0;
        }
    }

    @Transactional
    public Deletion deletion(long id) {
        Site site = find(id);
        long threads = Article.count("siteId", site.id);
        long comments = Comment.count("article.siteId", site.id);
        return new Deletion(site.id, site.name, site.originList(), threads, comments);
    }

    /**
     * Deletes a site that has no threads. One with threads stays: deleting it would delete readers' comments
     * en masse, which the moderation queue decides one by one; closing its threads stops new ones instead.
     *
     * @return {@code false} when it has threads and was kept
     */
    public boolean delete(long id) {
        boolean deleted = QuarkusTransaction.requiringNew().call(() -> deleteInTransaction(id));
        if (deleted) {
            registry.refresh();
        }
        return deleted;
    }

    private boolean deleteInTransaction(long id) {
        Site site = find(id);
        if (Article.count("siteId", site.id) > 0) {
            return false;
        }
        audit.recordByCurrentUser(AuditAction.SITE, "Deleted the site “" + Bidi.isolate(site.name) + "”");
        site.delete();
        return true;
    }

    /** Closes every open thread of the site for comments; returns how many were open. */
    @Transactional
    public int closeAllThreads(long id) {
        Site site = find(id);
        int closed = Article.update(
                "commentsOpen = false, updatedAt = ?1 where siteId = ?2 and commentsOpen = true",
                Instant.now(),
                site.id);
        audit.recordByCurrentUser(
                AuditAction.THREAD,
                "Closed comments on all threads of the site “" + Bidi.isolate(site.name) + "” (" + closed
                        + " were open)");
        return closed;
    }

    @Transactional
    public ThreadList threads(long siteId, int page) {
        Site site = find(siteId);
        long total = Article.count("siteId", site.id);
        int pages = (int) Math.max(1, (total + ThreadList.PAGE_SIZE - 1) / ThreadList.PAGE_SIZE);
        int shown = Math.min(Math.max(page, 1), pages);
        List<Article> threads = Article.<Article>find("siteId = ?1 order by createdAt desc, id desc", site.id)
                .page(shown - 1, ThreadList.PAGE_SIZE)
                .list();
        Map<Long, Map<CommentStatus, Long>> counts =
                counts(threads.stream().map(a -> a.id).toList());
        List<ThreadRow> rows = threads.stream()
                .map(a -> {
                    Map<CommentStatus, Long> of = counts.getOrDefault(a.id, Map.of());
                    return new ThreadRow(
                            a.id,
                            a.slug,
                            a.title,
                            a.pageUrl,
                            a.pageKey != null && a.pageKey.startsWith("id:"),
                            a.commentsOpen,
                            of.getOrDefault(CommentStatus.APPROVED, 0L),
                            of.getOrDefault(CommentStatus.PENDING, 0L),
                            a.createdAt);
                })
                .toList();
        return new ThreadList(siteId, rows, shown, pages, total);
    }

    /** Approved and pending comments of these threads, in one query. */
    private static Map<Long, Map<CommentStatus, Long>> counts(List<Long> threadIds) {
        if (threadIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Map<CommentStatus, Long>> counts = new HashMap<>();
        Comment.getEntityManager()
                .createQuery(
                        "select c.articleId, c.status, count(c) from Comment c where c.articleId in :ids"
                                + " and c.status in :statuses group by c.articleId, c.status",
                        Object[].class)
                .setParameter("ids", threadIds)
                .setParameter("statuses", List.of(CommentStatus.APPROVED, CommentStatus.PENDING))
                .getResultStream()
                .forEach(row -> counts.computeIfAbsent((Long) row[0], k -> new LinkedHashMap<>())
                        .put((CommentStatus) row[1], (Long) row[2]));
        return counts;
    }

    /** A thread of this site as its editor shows it. */
    public record ThreadEditor(
            long siteId, String siteName, long id, String slug, String title, boolean byIdentifier) {}

    @Transactional
    public ThreadEditor threadEditor(long siteId, long threadId) {
        Article thread = findThread(siteId, threadId);
        return new ThreadEditor(
                siteId,
                find(siteId).name,
                thread.id,
                thread.slug,
                thread.title,
                thread.pageKey != null && thread.pageKey.startsWith("id:"));
    }

    @Transactional
    public Map<String, String> threadFormValues(long siteId, long threadId) {
        return ThreadForm.of(findThread(siteId, threadId));
    }

    /**
     * Renames and re-addresses a thread (the page moved). The address is made canonical by the site's rules,
     * must be one of its origins, and no other thread of the site may have it. A thread the host finds by its
     * own identifier keeps that key; one found by its address gets the new one.
     */
    @Transactional
    public Saved saveThread(long siteId, long threadId, ThreadForm form) {
        Article thread = findThread(siteId, threadId);
        Site site = find(siteId);
        Map<String, String> errors = validation.errorsOf(form);
        String url = null;
        if (!errors.containsKey("pageUrl")) {
            PageAddresses.Result result = site.addresses().canonical(form.pageUrl.strip());
            if (result instanceof PageAddresses.Refused refused) {
                errors.put("pageUrl", outsideOrigins(site, form.pageUrl.strip()).orElse(refused.reason()));
            } else {
                url = ((PageAddresses.Canonical) result).url();
            }
        }
        String key = thread.pageKey != null && thread.pageKey.startsWith("id:") ? thread.pageKey : "url:" + url;
        if (url != null) {
            Optional<Article> holder = Article.<Article>find(
                            "siteId = ?1 and id <> ?2 and (pageUrl = ?3 or pageKey = ?4)", site.id, thread.id, url, key)
                    .firstResultOptional();
            if (holder.isPresent()) {
                errors.put(
                        "pageUrl",
                        "The thread “" + Bidi.isolate(holder.get().title) + "” is on " + shorten(url)
                                + " already. A page carries one thread: re-address or close that one first.");
            }
        }
        if (!errors.isEmpty()) {
            return new Saved(threadId, errors);
        }
        String title = form.title.strip();
        List<String> changes = new ArrayList<>();
        if (!title.equals(thread.title)) {
            changes.add("renamed “" + Bidi.isolate(thread.title) + "” to “" + Bidi.isolate(title) + "”");
        }
        if (!url.equals(thread.pageUrl)) {
            changes.add("moved it from " + thread.pageUrl + " to " + url);
        }
        if (changes.isEmpty()) {
            return new Saved(threadId, Map.of());
        }
        thread.title = title;
        thread.pageUrl = url;
        thread.pageKey = key;
        thread.slug = slugOf(thread);
        thread.updatedAt = Instant.now();
        audit.recordByCurrentUser(
                AuditAction.THREAD, "On the site “" + Bidi.isolate(site.name) + "”: " + String.join("; ", changes));
        return new Saved(threadId, Map.of());
    }

    /**
     * For an address on an origin the site does not have, the owner's own words (the reason readers get speaks
     * of "the owner"): which origins the site has, and what to do.
     */
    private static Optional<String> outsideOrigins(Site site, String address) {
        try {
            java.net.URI uri = new java.net.URI(address);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return Optional.empty();
            }
            String origin = uri.getScheme().toLowerCase(Locale.ROOT) + "://"
                    + uri.getHost().toLowerCase(Locale.ROOT) + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
            if (!origin.startsWith("http") || site.addresses().allowsOrigin(origin)) {
                return Optional.empty();
            }
            return Optional.of(shorten(origin) + " is not an origin of this site, which has "
                    + String.join(", ", site.originList()) + ". Add it to the site's origins first, or give an"
                    + " address on one of them.");
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }

    @Transactional
    public void setThreadOpen(long siteId, long threadId, boolean open) {
        Article thread = findThread(siteId, threadId);
        if (thread.commentsOpen == open) {
            return;
        }
        thread.commentsOpen = open;
        thread.updatedAt = Instant.now();
        audit.recordByCurrentUser(
                AuditAction.THREAD,
                (open ? "Opened" : "Closed") + " comments on the thread “" + Bidi.isolate(thread.title) + "” ("
                        + thread.pageUrl + ")");
    }

    /**
     * A thread's address in Parley follows from its key (see {@link PageThreads.PageAddress#slug}): after a move it
     * is the new key's, so that a new thread at the old address gets the old one without a clash.
     */
    private static String slugOf(Article thread) {
        return new PageThreads.PageAddress(thread.siteId, thread.pageUrl, thread.pageKey, thread.title).slug();
    }

    private static Site find(long id) {
        return Site.byId(id).orElseThrow(NotFoundException::new);
    }

    private static Article findThread(long siteId, long threadId) {
        return Article.<Article>find("id = ?1 and siteId = ?2", threadId, siteId)
                .firstResultOptional()
                .orElseThrow(NotFoundException::new);
    }

    /** A long address or line cut for a message, which must stay readable next to its field. */
    private static String shorten(String text) {
        return text.length() <= SHOWN_IN_MESSAGE ? text : text.substring(0, SHOWN_IN_MESSAGE) + "…";
    }
}
