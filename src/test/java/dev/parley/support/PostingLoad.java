package dev.parley.support;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Guests posting comments from several threads without pause, each with a text of their own, until stopped.
 * Every form that was sent is kept with its answer, so that a test can check what happened to each and send
 * the failed ones again, as their readers would.
 */
public final class PostingLoad implements AutoCloseable {

    /** A form that was sent, and the answer it got. */
    public record Attempt(GuestPost post, GuestPost.Answer answer) {}

    private static final AtomicInteger GUESTS = new AtomicInteger();

    private final String baseUri;
    private final String prefix;
    private final List<Thread> threads = new ArrayList<>();
    private final List<Attempt> attempts = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger posted = new AtomicInteger();

    public PostingLoad(String baseUri, String prefix, int threadCount) {
        this.baseUri = baseUri;
        this.prefix = prefix;
        for (int i = 0; i < threadCount; i++) {
            Thread thread = new Thread(this::postUntilStopped, prefix + "-poster-" + i);
            thread.setDaemon(true);
            threads.add(thread);
        }
    }

    public PostingLoad start() {
        threads.forEach(Thread::start);
        return this;
    }

    public int posted() {
        return posted.get();
    }

    /** How many answers had this status so far. */
    public long answeredWith(int status) {
        synchronized (attempts) {
            return attempts.stream().filter(a -> a.answer().status() == status).count();
        }
    }

    /** Stops the guests and waits for their last requests; returns every form sent. */
    public List<Attempt> stop() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join(60_000);
            if (thread.isAlive()) {
                throw new AssertionError(thread.getName() + " did not stop within a minute");
            }
        }
        synchronized (attempts) {
            return List.copyOf(attempts);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private void postUntilStopped() {
        while (running.get()) {
            int n = GUESTS.incrementAndGet();
            GuestPost post;
            try {
                post = GuestPost.fill(baseUri, "hello-world", n, prefix + " comment " + n);
            } catch (IOException noFormShown) {
                // The page with the form did not load: nothing was written, nothing can be lost.
                // A short pause, as a reader would take, rather than hammering a server that is away.
                java.util.concurrent.locks.LockSupport.parkNanos(50_000_000L);
                continue;
            }
            GuestPost.Answer answer = post.send();
            if (answer.posted()) {
                posted.incrementAndGet();
            }
            attempts.add(new Attempt(post, answer));
        }
    }
}
