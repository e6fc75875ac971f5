package dev.parley.support;

import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Counts the SQL statements one request makes Hibernate prepare: every query, native ones included, every insert,
 * update and delete (Parley's statement inspector, LocalWrites, shows each statement Hibernate prepares to every
 * StatementObserver; Hibernate's statistics count prepared statements at the same point).
 *
 * <p>Only requests that carry {@link #HEADER} are counted, and only statements made while serving them: the
 * request's Vert.x context follows it onto the worker thread, so statements of the scheduled jobs and of other
 * requests running meanwhile are never mixed in, as they would be with the site-wide Hibernate statistics.
 */
@ApplicationScoped
public class StatementCounter implements dev.parley.pagecache.StatementObserver {

    public static final String HEADER = "X-Parley-Test-Statements";

    private static final String TALLY = StatementCounter.class.getName();

    private final Map<String, CompletableFuture<List<String>>> finished = new ConcurrentHashMap<>();

    /** What one request answered, and the statements it ran, in order. */
    public record Counted<T>(T answer, List<String> statements) {
        public int count() {
            return statements.size();
        }

        /** The statements one per line, for a failing assertion to show what ran. */
        public String listing() {
            return String.join("\n", statements);
        }
    }

    /** Sends one request from this browser (the request must be one, with no redirect followed) and counts it. */
    public <T> Counted<T> count(Browser browser, Function<Browser, T> request) {
        String id = UUID.randomUUID().toString();
        CompletableFuture<List<String>> done = new CompletableFuture<>();
        finished.put(id, done);
        browser.withHeader(HEADER, id);
        try {
            T answer = request.apply(browser);
            // The tally is closed when the answer has been written, which the client may see a moment earlier.
            return new Counted<>(answer, done.get(30, TimeUnit.SECONDS));
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("the request was not counted", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            browser.withoutHeader(HEADER);
            finished.remove(id);
        }
    }

    @Override
    public void prepared(String sql) {
        // Startup work and some jobs run outside any request's (duplicated) context: nothing to count there.
        if (VertxContext.isOnDuplicatedContext()) {
            List<String> tally = ContextLocals.<List<String>>get(TALLY, null);
            if (tally != null) {
                tally.add(sql);
            }
        }
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::onRequest);
    }

    private void onRequest(RoutingContext context) {
        String id = context.request().getHeader(HEADER);
        CompletableFuture<List<String>> done = id == null ? null : finished.get(id);
        if (done != null) {
            List<String> tally = Collections.synchronizedList(new ArrayList<>());
            ContextLocals.put(TALLY, tally);
            context.addEndHandler(ended -> {
                synchronized (tally) {
                    done.complete(List.copyOf(tally));
                }
            });
        }
        context.next();
    }
}
