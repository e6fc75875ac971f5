package dev.parley.support;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * Watches an instance's shared page until it shows a change made elsewhere, and checks on every answer on the way
 * that a page still without the change had been confirmed by the database before the change was made, and at most
 * one second before it was sent (the header Parley sends with every shared page). Together: a reader is never shown a
 * page older than the change by more than a second. Checked on the answers themselves, so a slow machine makes
 * the wait longer, never the test wrong.
 */
public final class StaleBound {

    /** The most a shared page may go unconfirmed, as issue 13 asks. */
    public static final long BOUND_MS = 1000;

    private static final String CHECKED = "X-Parley-Thread-Checked-Ms-Ago";

    private StaleBound() {}

    /**
     * @param changedAt {@link System#nanoTime()} taken after the change's answer came back (the change had
     *     committed by then)
     * @return the first page that shows the change
     */
    public static Page awaitShown(String baseUri, String path, long changedAt, Predicate<Page> showsChange) {
        AtomicReference<Page> shown = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> {
                    long sentAt = System.nanoTime();
                    Response answer = new Browser(baseUri).getRaw(path);
                    Page page = Page.of(path, answer);
                    String checked = answer.header(CHECKED);
                    assertNotNull(checked, () -> path + " is not answered from a shared rendering");
                    long checkedAgo = Long.parseLong(checked);
                    assertTrue(checkedAgo <= BOUND_MS, () -> "confirmed " + checkedAgo + " ms before it was sent");
                    if (showsChange.test(page)) {
                        shown.set(page);
                        return true;
                    }
                    long sinceChange = (sentAt - changedAt) / 1_000_000;
                    // 2 ms for the two processes' rounding to whole milliseconds.
                    assertTrue(
                            checkedAgo + 2 >= sinceChange,
                            () -> "a page without the change, confirmed " + checkedAgo + " ms before it was sent, "
                                    + sinceChange + " ms after the change");
                    return false;
                });
        return shown.get();
    }
}
