package io.uxprobe.agent.status;

import io.uxprobe.agent.log.RunLog;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;

/**
 * Posts every state change of a journey to the webhooks of its journey file: one message per webhook, rendered
 * at once, queued per webhook (bounded, in order) and delivered by that webhook's own thread with retries and
 * backoff, so a probe thread never waits on a webhook. Add it to the board: {@code board.addListener(notifier)}.
 */
public final class Notifier implements Consumer<StateChange>, AutoCloseable {

    /** Messages kept per webhook while it is down when not told otherwise. */
    public static final int DEFAULT_QUEUE = 1000;

    /** How long a webhook a reload removed may still deliver what it has queued. */
    public static final Duration RETIRE_GRACE = Duration.ofSeconds(10);

    private final URI statusUrl;
    private final RunLog log;
    private final Backoff backoff;
    private final int capacity;
    /** Built with the first webhook: an agent without one loads no HTTP client, TLS and all, for it. */
    private OkHttpClient http;
    private final AtomicLong dropped = new AtomicLong();
    private final Map<Webhook.Target, WebhookQueue> queues = new HashMap<>();
    private volatile Map<String, NotifySettings> byJourney = Map.of();
    private int started;

    /** @param statusUrl the status page's external URL, for journeys whose {@code notify:} does not set one */
    public Notifier(URI statusUrl, RunLog log) {
        this(statusUrl, log, Backoff.DEFAULT, DEFAULT_QUEUE);
    }

    public Notifier(URI statusUrl, RunLog log, Backoff backoff, int queueCapacity) {
        if (queueCapacity < 1) throw new IllegalArgumentException("queue capacity must be 1 or more, got " + queueCapacity);
        this.statusUrl = statusUrl;
        this.log = log;
        this.backoff = backoff;
        this.capacity = queueCapacity;
    }

    /**
     * Which webhooks each journey notifies (journey name -> its file's {@code notify:}); call at start and after each
     * reload. Queues of webhooks still configured keep their messages; a webhook no longer configured has
     * {@link #RETIRE_GRACE} to deliver what it has queued, then stops.
     */
    public synchronized void configure(Map<String, NotifySettings> settingsByJourney) {
        Map<Webhook.Target, Webhook> wanted = new HashMap<>();
        settingsByJourney.values().forEach(s -> s.webhooks().forEach(w -> wanted.putIfAbsent(w.target(), w)));
        queues.entrySet().removeIf(e -> {
            if (wanted.containsKey(e.getKey())) return false;
            e.getValue().close(RETIRE_GRACE);
            return true;
        });
        wanted.forEach((target, webhook) -> queues.computeIfAbsent(target,
                t -> new WebhookQueue(webhook, http(), backoff, capacity, log, dropped, ++started)));
        byJourney = Map.copyOf(settingsByJourney);
    }

    private synchronized OkHttpClient http() {
        if (http == null) http = WebhookQueue.client();
        return http;
    }

    /** Queues the change for each webhook of its journey; returns at once. */
    @Override
    public void accept(StateChange change) {
        NotifySettings settings = byJourney.getOrDefault(change.journey(), NotifySettings.NONE);
        if (settings.webhooks().isEmpty()) return;
        URI page = settings.statusUrl().orElse(statusUrl);
        for (Webhook webhook : settings.webhooks()) {
            Outgoing message = Outgoing.of(webhook, change, page);
            WebhookQueue queue;
            synchronized (this) {
                queue = queues.get(webhook.target());
            }
            if (queue != null) queue.offer(message);
        }
    }

    /** Messages dropped since the start: queue overflow, a refusal retrying cannot fix, or stopping. */
    public long dropped() {
        return dropped.get();
    }

    /** Messages waiting, over every webhook. */
    public synchronized int pending() {
        return queues.values().stream().mapToInt(WebhookQueue::pending).sum();
    }

    /** Stops taking messages and delivers what is queued for up to {@code grace}; what is left is logged as dropped. */
    public void close(Duration grace) {
        Map<Webhook.Target, WebhookQueue> all;
        OkHttpClient client;
        synchronized (this) {
            client = http;
            all = Map.copyOf(queues);
            queues.clear();
            byJourney = Map.of();
        }
        all.values().forEach(q -> q.close(grace));
        // a post under way may take the whole call timeout (10 s) on top of the grace period
        long deadline = System.nanoTime() + grace.plusSeconds(11).toNanos();
        try {
            for (WebhookQueue q : all.values()) q.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (client == null) return;
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }
}
