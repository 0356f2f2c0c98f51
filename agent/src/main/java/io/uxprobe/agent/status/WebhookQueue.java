package io.uxprobe.agent.status;

import io.uxprobe.agent.log.RunLog;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The messages for one webhook target, posted one at a time, in order, by one thread of their own. A failed post
 * is retried after a backoff until it is delivered; the message behind it waits, so order holds. When the queue
 * is full the oldest message is dropped (counted and logged), so a webhook down for hours costs bounded memory.
 * A refusal that retrying cannot fix (a 4xx other than 408/425/429, a redirect) drops that message at once.
 */
final class WebhookQueue {

    private final Webhook.Target target;
    private final String name;
    private final OkHttpClient http;
    private final Backoff backoff;
    private final int capacity;
    private final RunLog log;
    private final AtomicLong dropped;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<Outgoing> queue = new ArrayDeque<>();
    /** The message being posted: still the head of the queue until delivered or given up. */
    private Outgoing inFlight;
    /** The queue overflowed while {@link #inFlight} was being posted: drop it unless this attempt delivers it. */
    private boolean inFlightDropped;
    /** Set by {@link #close}: deliver what can be delivered before then, then stop. */
    private long closeByNanos = Long.MAX_VALUE;
    private boolean closing;
    private final Thread worker;

    WebhookQueue(Webhook webhook, OkHttpClient http, Backoff backoff, int capacity, RunLog log, AtomicLong dropped, int number) {
        this.target = webhook.target();
        this.name = webhook.describe();
        this.http = http;
        this.backoff = backoff;
        this.capacity = capacity;
        this.log = log;
        this.dropped = dropped;
        this.worker = Thread.ofPlatform().daemon().name("uxprobe-webhook-" + number).start(this::work);
    }

    /** Never blocks beyond a lock held for a few instructions: probe threads call this. */
    void offer(Outgoing message) {
        lock.lock();
        try {
            if (closing) {
                drop(message, "the agent is stopping");
                return;
            }
            if (queue.size() >= capacity) {
                Outgoing oldest = queue.pollFirst();
                if (oldest == inFlight) inFlightDropped = true;
                else drop(oldest, "the queue is full (" + capacity + " messages)");
            }
            queue.addLast(message);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    int pending() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /** Stops taking messages; the worker keeps delivering until the queue is empty or {@code grace} has passed. */
    void close(Duration grace) {
        lock.lock();
        try {
            closing = true;
            closeByNanos = System.nanoTime() + grace.toNanos();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits for the worker to finish, interrupting it if it outlives {@code wait}. */
    void join(Duration wait) throws InterruptedException {
        if (!worker.join(wait)) {
            worker.interrupt();
            worker.join(Duration.ofSeconds(1));
        }
    }

    private void work() {
        try {
            while (true) {
                Outgoing message = next();
                if (message == null || !deliver(message)) break;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        lock.lock();
        try {
            for (Outgoing left : queue) drop(left, "the agent stopped before the webhook took it");
            queue.clear();
        } finally {
            lock.unlock();
        }
    }

    /** The head of the queue, waiting for one; null once closing and empty or past the grace period. */
    private Outgoing next() throws InterruptedException {
        lock.lock();
        try {
            while (queue.isEmpty() && !closing) changed.await();
            if (queue.isEmpty() || System.nanoTime() - closeByNanos > 0) return null;
            inFlight = queue.peekFirst();
            inFlightDropped = false;
            return inFlight;
        } finally {
            lock.unlock();
        }
    }

    /** False when stopping cut the retries short: the message stays queued, and is dropped with the rest. */
    private boolean deliver(Outgoing message) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            Attempt result = post(message);
            lock.lock();
            try {
                boolean droppedMeanwhile = inFlightDropped;
                if (result.delivered() || result.permanent() || droppedMeanwhile) {
                    if (!droppedMeanwhile) queue.pollFirst();
                    inFlight = null;
                    if (result.delivered()) {
                        log.info("webhook delivered", RunLog.fields("webhook", name, "journey", message.journey(), "state", message.state(),
                                "attempts", attempt));
                    } else if (result.permanent()) {
                        drop(message, "the webhook refused it (" + result.error() + "); retrying would not help");
                    } else {
                        drop(message, "the queue is full (" + capacity + " messages)");
                    }
                    return true;
                }
                Duration wait = backoff.after(attempt);
                if (closing && System.nanoTime() + wait.toNanos() - closeByNanos > 0) {
                    inFlight = null;
                    return false;
                }
                log.error("webhook delivery failed, will retry", RunLog.fields("webhook", name, "journey", message.journey(),
                        "state", message.state(), "attempt", attempt, "retryIn", Words.duration(wait), "error", result.error()));
                long left = wait.toNanos();
                while (left > 0) left = changed.awaitNanos(left);
            } finally {
                lock.unlock();
            }
        }
    }

    /** Called with the lock held. */
    private void drop(Outgoing message, String why) {
        long total = dropped.incrementAndGet();
        log.error("webhook message dropped", RunLog.fields("webhook", name, "journey", message.journey(), "state", message.state(),
                "why", why, "droppedTotal", total));
    }

    private record Attempt(boolean delivered, boolean permanent, String error) {}

    private Attempt post(Outgoing message) {
        Request.Builder request = new Request.Builder().url(target.url().toString())
                .header("User-Agent", "uxprobe")
                .post(RequestBody.create(message.body(), MediaType.get(message.contentType())));
        try {
            for (Map.Entry<String, String> h : target.headers().entrySet()) request.header(h.getKey(), h.getValue());
        } catch (IllegalArgumentException e) {
            // OkHttp's message would quote the header value: a token, perhaps
            return new Attempt(false, true, "a header cannot be sent as HTTP");
        }
        try (Response response = http.newCall(request.build()).execute()) {
            int code = response.code();
            if (code >= 200 && code < 300) return new Attempt(true, false, "");
            boolean transient_ = code >= 500 || code == 408 || code == 425 || code == 429;
            return new Attempt(false, !transient_, "HTTP " + code);
        } catch (IOException | RuntimeException e) {
            // the exception names the host and port at most: OkHttp never puts headers or the path in these messages
            return new Attempt(false, false, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    /**
     * Keeps connections between posts, and so meets one the receiver closed meanwhile (a keep-alive timeout shorter
     * than the time between state changes): OkHttp's own recovery sends the post again on a new connection.
     */
    static OkHttpClient client() {
        return new OkHttpClient.Builder()
                .connectTimeout(5, TimeUnit.SECONDS)
                .callTimeout(10, TimeUnit.SECONDS)
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(true)
                .build();
    }
}
