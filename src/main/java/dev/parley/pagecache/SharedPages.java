package dev.parley.pagecache;

import dev.parley.web.FormToken;
import dev.parley.web.ReplyFormStamps;
import dev.parley.web.SharedRendering;
import dev.parley.web.SharedRendering.Hole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Pages every anonymous reader shares (an article with its thread, a thread fragment), rendered once and then
 * answered from memory, already compressed, with only the per-visitor values put in.
 *
 * <p>A kept rendering is used only while it is known to be right: it is checked against the stamps the database
 * keeps (migration V13) at the first answer after any write on this instance, and at least every
 * {@code parley.page-cache.check-every} (250 ms), so that a change made through another instance shows within that
 * time; never kept longer than {@code parley.page-cache.max-age} without rendering again (what depends on the
 * clock alone, such as comments closing after some days). A check is one primary-key look-up; a page is
 * rendered again only when its thread, its article or the site's settings changed.
 */
@ApplicationScoped
public class SharedPages {

    /** Says how long ago, in milliseconds, the rendering was last confirmed current by the database. */
    public static final String CHECKED_HEADER = "X-Parley-Thread-Checked-Ms-Ago";

    /** How a kind of shared page is answered: who may keep it, and which values differ per answer. */
    public enum Policy {
        /** An article page: it carries the visitor's CSRF token, so only their browser may keep it. */
        ARTICLE("private, no-cache", true),
        /** A thread fragment without a token: shared caches may keep it briefly (see EmbedResource). */
        FRAGMENT("public, max-age=0, s-maxage=10", false);

        final String cacheControl;
        final boolean perVisitor;

        Policy(String cacheControl, boolean perVisitor) {
            this.cacheControl = cacheControl;
            this.perVisitor = perVisitor;
        }
    }

    /** What a resource renders for a shared page: the HTML (with placeholders), or nothing to share. */
    public interface Renderer {
        Optional<String> render();
    }

    private final Map<String, Slot> slots = new ConcurrentHashMap<>();

    /**
     * The same slots by the request that reached them (path and query as sent), for {@link MemoryAnswers}, which
     * answers before any page code runs and so cannot work out a page's key itself.
     */
    private final Map<String, Slot> byRequest = new ConcurrentHashMap<>();

    @Inject
    io.quarkus.vertx.http.runtime.CurrentVertxRequest currentRequest;

    private final AtomicLong bytes = new AtomicLong();

    @Inject
    ThreadStamps stamps;

    @Inject
    LocalWrites.Generation writes;

    @Inject
    FormToken formToken;

    @Inject
    ReplyFormStamps formStamp;

    @ConfigProperty(name = "parley.page-cache.enabled", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "parley.page-cache.check-every", defaultValue = "250ms")
    Duration checkEvery;

    @ConfigProperty(name = "parley.page-cache.max-age", defaultValue = "60s")
    Duration maxAge;

    @ConfigProperty(name = "parley.page-cache.max-bytes", defaultValue = "32M")
    io.quarkus.runtime.configuration.MemorySize maxBytes;

    /**
     * Answers a shared page: from memory while it is right, else rendered now and kept.
     *
     * @param key what identifies the page among all shared pages (its kind, thread, page of comments, ...)
     * @param slug the thread whose stamps the page depends on
     * @param render renders the page when needed; empty means there is nothing to share (no such thread), and the
     *     caller answers as it would without this cache
     * @return the answer, or empty when {@code render} gave nothing
     */
    public Optional<Response> answer(String key, String slug, Policy policy, HttpHeaders request, Renderer render) {
        if (!enabled) {
            return render.render().map(html -> respond(SharedPage.of(html), 0, policy, request, true));
        }
        Slot slot = slots.computeIfAbsent(key, k -> new Slot());
        Kept kept = slot.kept;
        long now = System.nanoTime();
        if (kept == null || !kept.fresh(now, writes.current(), checkEvery, maxAge)) {
            synchronized (slot) {
                kept = slot.kept;
                if (kept == null || !kept.fresh(System.nanoTime(), writes.current(), checkEvery, maxAge)) {
                    kept = refresh(slot, kept, slug, render);
                }
            }
        }
        if (kept == null) {
            slots.remove(key, slot);
            byRequest.values().removeIf(aliased -> aliased == slot);
            return Optional.empty();
        }
        slot.policy = policy;
        io.vertx.ext.web.RoutingContext routing = currentRequest.getCurrent();
        if (routing != null && byRequest.size() < MAX_REQUEST_ALIASES) {
            byRequest.put(MemoryAnswers.requestKey(routing), slot);
        }
        long checkedAgo = Duration.ofNanos(System.nanoTime() - kept.checkedAt).toMillis();
        return Optional.of(respond(kept.page, checkedAgo, policy, request, false));
    }

    /** Confirms the kept rendering against the database, or renders again; {@code null} when there is none. */
    private Kept refresh(Slot slot, Kept kept, String slug, Renderer render) {
        long generation = writes.current();
        long startedAt = System.nanoTime();
        try {
            if (kept != null && startedAt - kept.renderedAt < maxAge.toNanos()) {
                Optional<ThreadStamps.Stamp> now = stamps.current(kept.stamp);
                if (now.isPresent() && now.get().equals(kept.stamp)) {
                    kept.confirm(startedAt, generation);
                    return kept;
                }
            }
            // The stamps are read before the thread: a change that commits in between leaves a rendering newer
            // than its stamp, which the next check renders again; never one older than its stamp.
            Optional<ThreadStamps.Stamp> stamp = stamps.bySlug(slug);
            Optional<String> html = SharedRendering.render(render::render);
            if (stamp.isEmpty() || html.isEmpty()) {
                forget(slot);
                return null;
            }
            Kept fresh = new Kept(SharedPage.of(html.get()), stamp.get(), startedAt, generation);
            keep(slot, fresh);
            return fresh;
        } catch (SQLException failure) {
            // A page that cannot be confirmed is not answered: this instance may have lost the database while
            // another still writes to it. The page code's error mapping tells "unavailable" (503) from a bug.
            throw new IllegalStateException("A kept page could not be checked against the database", failure);
        }
    }

    private void keep(Slot slot, Kept fresh) {
        Kept old = slot.kept;
        if (old != null) {
            fresh.page.laterThan(old.page);
        }
        slot.kept = fresh;
        long total = bytes.addAndGet(fresh.page.bytes() - (old == null ? 0 : old.page.bytes()));
        if (total > maxBytes.asLongValue()) {
            evictUntilUnder(maxBytes.asLongValue() * 3 / 4, slot);
        }
    }

    private void forget(Slot slot) {
        Kept old = slot.kept;
        slot.kept = null;
        if (old != null) {
            bytes.addAndGet(-old.page.bytes());
        }
    }

    /** Over its memory: drops the pages answered least recently until well under (never the one just made). */
    private void evictUntilUnder(long target, Slot keep) {
        var byAge = slots.entrySet().stream()
                .filter(e -> e.getValue() != keep && e.getValue().kept != null)
                .sorted(java.util.Comparator.comparingLong(e -> e.getValue().kept.lastAnswered))
                .iterator();
        Iterator<Map.Entry<String, Slot>> it = byAge;
        while (bytes.get() > target && it.hasNext()) {
            Map.Entry<String, Slot> oldest = it.next();
            synchronized (oldest.getValue()) {
                forget(oldest.getValue());
            }
            slots.remove(oldest.getKey(), oldest.getValue());
        }
        byRequest.values().removeIf(slot -> slot.kept == null);
    }

    private Response respond(SharedPage page, long checkedAgo, Policy policy, HttpHeaders request, boolean uncached) {
        io.vertx.ext.web.RoutingContext routing = currentRequest.getCurrent();
        VisitorValues visitor =
                VisitorValues.of(page, formToken::raw, routing != null && FormToken.hasToken(routing), formStamp);
        Map<Hole, byte[]> values = visitor.values();
        String etag = visitor.etag();
        Response.ResponseBuilder answer;
        if (ConditionalRequests.notModified(
                request.getHeaderString(HttpHeaders.IF_NONE_MATCH),
                etag,
                request.getHeaderString(HttpHeaders.IF_MODIFIED_SINCE),
                page.renderedAt,
                visitor.datesTell())) {
            answer = Response.notModified();
        } else if (!overHttp2()
                && ConditionalRequests.accepts(request.getHeaderString(HttpHeaders.ACCEPT_ENCODING), "gzip")) {
            // Over HTTP/2, Vert.x reads Content-Encoding as an order to compress: it compresses the plain page.
            answer = Response.ok(page.gzipBuffer(values)).header("Content-Encoding", "gzip");
        } else {
            answer = Response.ok(page.plainBuffer(values));
        }
        if (!uncached) {
            answer.header(CHECKED_HEADER, checkedAgo);
        }
        return answer.type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.LAST_MODIFIED, ConditionalRequests.httpDate(page.renderedAt))
                .header(HttpHeaders.CACHE_CONTROL, policy.cacheControl)
                .header(HttpHeaders.VARY, "Cookie, Accept-Encoding")
                .build();
    }

    private boolean overHttp2() {
        io.vertx.ext.web.RoutingContext routing = currentRequest.getCurrent();
        return routing != null && routing.request().version() == io.vertx.core.http.HttpVersion.HTTP_2;
    }

    /** Forgets every kept page (tests that change the database behind Hibernate's back, and the operator's switch). */
    public void clear() {
        slots.values().forEach(slot -> {
            synchronized (slot) {
                forget(slot);
            }
        });
        slots.clear();
        byRequest.clear();
    }

    /** Spellings of requests remembered for answering from memory (beyond it, the page code answers them). */
    static final int MAX_REQUEST_ALIASES = 100_000;

    /**
     * The kept page for a request as it was sent, when it is known to be right without asking the database;
     * empty when the page code must answer (nothing kept, or due for a check).
     */
    Optional<Ready> readyFor(String requestKey) {
        if (!enabled) {
            return Optional.empty();
        }
        Slot slot = byRequest.get(requestKey);
        Kept kept = slot == null ? null : slot.kept;
        if (kept == null || !kept.fresh(System.nanoTime(), writes.current(), checkEvery, maxAge)) {
            return Optional.empty();
        }
        return Optional.of(new Ready(
                kept.page,
                slot.policy,
                Duration.ofNanos(System.nanoTime() - kept.checkedAt).toMillis()));
    }

    /** A kept page ready to answer with, and how. */
    record Ready(SharedPage page, Policy policy, long checkedAgo) {}

    /** One page's place in the cache; its lock makes concurrent readers of a stale page wait for one rendering. */
    private static final class Slot {
        volatile Kept kept;
        volatile Policy policy;
    }

    /** A rendering with what it was made from and when it was last confirmed current. */
    private static final class Kept {
        final SharedPage page;
        final ThreadStamps.Stamp stamp;
        final long renderedAt;
        volatile long checkedAt;
        volatile long checkedGeneration;
        volatile long lastAnswered;

        Kept(SharedPage page, ThreadStamps.Stamp stamp, long checkedAt, long generation) {
            this.page = page;
            this.stamp = stamp;
            this.renderedAt = checkedAt;
            this.checkedAt = checkedAt;
            this.checkedGeneration = generation;
            this.lastAnswered = checkedAt;
        }

        boolean fresh(long now, long generation, Duration checkEvery, Duration maxAge) {
            lastAnswered = now;
            return generation == checkedGeneration
                    && now - checkedAt < checkEvery.toNanos()
                    && now - renderedAt < maxAge.toNanos();
        }

        void confirm(long at, long generation) {
            checkedAt = at;
            checkedGeneration = generation;
        }
    }
}
