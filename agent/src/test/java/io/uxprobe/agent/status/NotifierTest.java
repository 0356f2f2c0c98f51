package io.uxprobe.agent.status;

import io.uxprobe.probes.journey.StatePolicy;
import static io.uxprobe.agent.status.Runs.at;
import static io.uxprobe.agent.status.Runs.errorMessage;
import static io.uxprobe.agent.status.Runs.passed;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.uxprobe.agent.log.RunLog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Webhooks posted to a real local receiver that is down or refusing at first. */
class NotifierTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final URI PAGE = URI.create("https://status.example/uxprobe/");
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final StringWriter logged = new StringWriter();
    private final RunLog log = new RunLog(new PrintWriter(logged), RunLog.Format.TEXT, Clock.systemUTC());
    private final StatusBoard board = new StatusBoard();
    private Notifier notifier;

    private Notifier notifier(int capacity) {
        notifier = new Notifier(URI.create("http://agent.local:9109/"), log, new Backoff(Duration.ofMillis(20), Duration.ofMillis(100)), capacity);
        board.addListener(notifier);
        return notifier;
    }

    @AfterEach
    void stop() {
        if (notifier != null) notifier.close(Duration.ZERO);
    }

    private void notify(String journey, Webhook... webhooks) {
        notifier.configure(Map.of(journey, new NotifySettings(List.of(webhooks), Optional.of(PAGE))));
    }

    /** Up, two failures (DOWN), one good run (UP). */
    private void outage(String journey, String region) {
        board.register(journey, region, StatePolicy.DEFAULT);
        board.record(region, passed(journey, at(0)), false);
        board.record(region, errorMessage(journey, at(1)), false);
        board.record(region, errorMessage(journey, at(2)), false);
        board.record(region, errorMessage(journey, at(3)), false);
        board.record(region, passed(journey, at(9)), false);
    }

    private static JsonNode json(String body) throws Exception {
        return JSON.readTree(body);
    }

    @Test
    void journeysWithoutWebhooksAreNotNotifiedAndTheNotifierStopsAtOnce() {
        notifier(1000);
        notifier.configure(Map.of("playback", NotifySettings.NONE));
        outage("playback", "eu-west");
        assertThat(notifier.pending()).isZero();
        long start = System.nanoTime();
        notifier.close(Duration.ofSeconds(5));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("nothing to deliver, no client to stop").isLessThan(Duration.ofSeconds(1));
        assertThat(logged.toString()).isEmpty();
    }

    @Test
    void oneDownAndOneUpMessagePerIncidentInOrderAfterTheReceiverRefusedTheFirstAttempts() throws Exception {
        notifier(1000);
        try (Receiver receiver = Receiver.refusingFirst(3)) {
            notify("playback", Webhook.json(receiver.url("/hook")));
            outage("playback", "eu-west");

            receiver.awaitAccepted(2, WAIT);
            Thread.sleep(100);
            assertThat(receiver.accepted).hasSize(2);
            assertThat(receiver.attempts.get()).as("3 refused, then each delivered once").isEqualTo(5);

            JsonNode down = json(receiver.bodies().get(0));
            assertThat(down.get("journey").asText()).isEqualTo("playback");
            assertThat(down.get("region").asText()).isEqualTo("eu-west");
            assertThat(down.get("regions").toString()).isEqualTo("[\"eu-west\"]");
            assertThat(down.get("state").asText()).isEqualTo("down");
            assertThat(down.get("previousState").asText()).isEqualTo("up");
            assertThat(down.get("since").asText()).isEqualTo("2025-06-01T12:04:00Z");
            assertThat(down.get("step").asText()).isEqualTo("track");
            assertThat(down.get("reason").asText()).isEqualTo("error_message");
            assertThat(down.get("message").asText()).isEqualTo("Something went wrong. Try again.");
            assertThat(down.get("statusUrl").asText()).isEqualTo("https://status.example/uxprobe/#journey-playback");
            assertThat(down.get("text").asText()).isEqualTo("We are seeing playback failures in eu-west since 12:04 UTC; "
                    + "users may see 'Something went wrong. Try again.'. Status: https://status.example/uxprobe/#journey-playback");
            assertThat(receiver.accepted.get(0).contentType()).isEqualTo("application/json; charset=utf-8");

            JsonNode up = json(receiver.bodies().get(1));
            assertThat(up.get("state").asText()).isEqualTo("up");
            assertThat(up.get("previousState").asText()).isEqualTo("down");
            assertThat(up.get("since").asText()).isEqualTo("2025-06-01T12:12:00Z");
            assertThat(up.get("step").isNull()).isTrue();
            assertThat(up.get("message").isNull()).isTrue();
            assertThat(up.get("text").asText()).isEqualTo("playback works again in eu-west since 12:12 UTC. Status: https://status.example/uxprobe/#journey-playback");
        }
        assertThat(logged.toString()).contains("webhook delivery failed, will retry").contains("error=\"HTTP 503\"")
                .contains("webhook delivered").contains("attempts=4");
    }

    @Test
    void messagesWaitInOrderWhileTheReceiverIsDownAndArriveWhenItIsBack() throws Exception {
        notifier(1000);
        int port = Receiver.freePort();
        notify("playback", Webhook.json(URI.create("http://127.0.0.1:" + port + "/hook")));
        outage("playback", "eu-west");
        outage("playback", "eu-west");

        Receiver.await(() -> logged.toString().split("will retry", -1).length > 3, WAIT, () -> "no failed attempts logged:\n" + logged);
        assertThat(logged.toString()).contains("ConnectException");
        try (Receiver receiver = Receiver.on(port)) {
            receiver.awaitAccepted(4, WAIT);
            List<String> states = receiver.bodies().stream().map(b -> b.replaceAll(".*\"state\":\"(\\w+)\".*", "$1")).toList();
            assertThat(states).containsExactly("down", "up", "down", "up");
            assertThat(receiver.attempts.get()).as("nothing posted twice").isEqualTo(4);
        }
        assertThat(notifier.dropped()).isZero();
    }

    @Test
    void aFullQueueDropsTheOldestAndSaysSo() throws Exception {
        notifier(2);
        int port = Receiver.freePort();
        notify("playback", Webhook.json(URI.create("http://127.0.0.1:" + port + "/hook")));
        outage("playback", "eu-west");
        outage("playback", "eu-west");
        Receiver.await(() -> notifier.dropped() == 2, WAIT, () -> "dropped " + notifier.dropped() + "\n" + logged);

        try (Receiver receiver = Receiver.on(port)) {
            receiver.awaitAccepted(2, WAIT);
            Thread.sleep(100);
            List<String> states = receiver.bodies().stream().map(b -> b.replaceAll(".*\"state\":\"(\\w+)\".*", "$1")).toList();
            assertThat(states).as("the newest two, in order").containsExactly("down", "up");
            assertThat(receiver.accepted).hasSize(2);
        }
        assertThat(logged.toString()).contains("webhook message dropped").contains("the queue is full (2 messages)").contains("droppedTotal=2");
    }

    @Test
    void stoppingWhileTheReceiverIsDownGivesUpAfterTheGracePeriodAndSaysWhatWasLost() throws Exception {
        notifier(1000);
        notify("playback", Webhook.json(URI.create("http://127.0.0.1:" + Receiver.freePort() + "/hook")));
        outage("playback", "eu-west");
        long start = System.nanoTime();
        notifier.close(Duration.ofMillis(200));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(notifier.dropped()).isEqualTo(2);
        assertThat(logged.toString()).contains("the agent stopped before the webhook took it");
    }

    @Test
    void aRefusalRetryingCannotFixIsNotRetried() throws Exception {
        notifier(1000);
        try (Receiver receiver = Receiver.answering(400, 1)) {
            notify("playback", Webhook.json(receiver.url("/hook")));
            outage("playback", "eu-west");
            receiver.awaitAccepted(1, WAIT);
            Thread.sleep(100);
            assertThat(receiver.attempts.get()).isEqualTo(2);
            assertThat(json(receiver.bodies().getFirst()).get("state").asText()).isEqualTo("up");
        }
        assertThat(notifier.dropped()).isEqualTo(1);
        assertThat(logged.toString()).contains("the webhook refused it (HTTP 400); retrying would not help");
    }

    @Test
    void slackGetsTextWithItsMarkupEscapedAndTextGetsThePlainMessage() throws Exception {
        notifier(1000);
        MessageTemplate down = MessageTemplate.parse("{journey} <down> in {regions} since {since} UTC: \"{message}\" at {step} ({reason}) {statusUrl}");
        try (Receiver receiver = Receiver.refusingFirst(0)) {
            notify("playback",
                    new Webhook(receiver.url("/slack"), Map.of(), Webhook.Format.SLACK, Optional.of(down), Optional.empty()),
                    new Webhook(receiver.url("/text"), Map.of(), Webhook.Format.TEXT, Optional.of(down),
                            Optional.of(MessageTemplate.parse("Fixed: {journey} ({state}) since {since} UTC"))));
            outage("playback", "eu-west");
            receiver.awaitAccepted(4, WAIT);

            List<Receiver.Post> slack = receiver.accepted.stream().filter(p -> p.path().equals("/slack")).toList();
            assertThat(slack.getFirst().contentType()).isEqualTo("application/json; charset=utf-8");
            assertThat(json(slack.getFirst().body()).get("text").asText()).isEqualTo(
                    "playback &lt;down&gt; in eu-west since 12:04 UTC: \"Something went wrong. Try again.\" at track (error_message) "
                            + "https://status.example/uxprobe/#journey-playback");
            assertThat(json(slack.getLast().body()).get("text").asText()).startsWith("playback works again in eu-west since 12:12 UTC.");
            assertThat(json(slack.getFirst().body()).size()).isEqualTo(1);

            List<Receiver.Post> text = receiver.accepted.stream().filter(p -> p.path().equals("/text")).toList();
            assertThat(text.getFirst().contentType()).isEqualTo("text/plain; charset=utf-8");
            assertThat(text.getFirst().body()).isEqualTo("playback <down> in eu-west since 12:04 UTC: \"Something went wrong. Try again.\" "
                    + "at track (error_message) https://status.example/uxprobe/#journey-playback");
            assertThat(text.getLast().body()).isEqualTo("Fixed: playback (up) since 12:12 UTC");
        }
    }

    @Test
    void headersAreSentButNeitherTheirValuesNorTheUrlPathEverReachTheLog() throws Exception {
        notifier(1000);
        try (Receiver receiver = Receiver.refusingFirst(2)) {
            Map<String, String> headers = Map.of("Authorization", "Bearer tok-SECRET1", "X-Api-Key", "key-SECRET2");
            notify("playback", new Webhook(receiver.url("/services/T000/SECRET3"), headers, Webhook.Format.JSON, Optional.empty(), Optional.empty()));
            outage("playback", "eu-west");
            receiver.awaitAccepted(2, WAIT);
            assertThat(receiver.accepted.getFirst().headers().get("Authorization")).containsExactly("Bearer tok-SECRET1");
            assertThat(receiver.accepted.getFirst().headers().get("X-api-key")).containsExactly("key-SECRET2");
        }
        String log = logged.toString();
        assertThat(log).contains("webhook delivery failed").contains("webhook=http://127.0.0.1:").contains("webhook delivered");
        assertThat(log).doesNotContain("SECRET").doesNotContain("tok-").doesNotContain("/services");
    }

    @Test
    void anInvalidHeaderIsRefusedWithoutQuotingItsValue() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Webhook(URI.create("https://hooks.example/x"),
                        Map.of("X-Token", "abc\nSECRET"), Webhook.Format.JSON, Optional.empty(), Optional.empty()))
                .hasMessage("webhook header X-Token has a value with a line break or a non-ASCII character, which HTTP cannot carry");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Webhook.json(URI.create("ftp://hooks.example/SECRET")))
                .hasMessage("webhook url must be an absolute http:// or https:// URL, got 'ftp://hooks.example…'");
    }

    @Test
    void aJourneyWithoutWebhooksSendsNothingAndOthersStillDo() throws Exception {
        notifier(1000);
        try (Receiver receiver = Receiver.refusingFirst(0)) {
            notify("login", Webhook.json(receiver.url("/hook")));
            outage("playback", "eu-west");
            outage("login", "eu-west");
            receiver.awaitAccepted(2, WAIT);
            Thread.sleep(100);
            assertThat(receiver.bodies()).hasSize(2).allSatisfy(b -> assertThat(json(b).get("journey").asText()).isEqualTo("login"));
        }
    }

    @Test
    void aDownMessageNamesEveryRegionDownAndTheDefaultLinkIsTheAgents() throws Exception {
        notifier(1000);
        try (Receiver receiver = Receiver.refusingFirst(0)) {
            notifier.configure(Map.of("my journey", new NotifySettings(List.of(Webhook.json(receiver.url("/hook"))), Optional.empty())));
            for (String region : List.of("eu", "us")) {
                board.register("my journey", region, new StatePolicy(1, 1, 0));
                board.record(region, errorMessage("my journey", at(1)), false);
            }
            receiver.awaitAccepted(2, WAIT);
            JsonNode second = json(receiver.bodies().get(1));
            assertThat(second.get("regions").toString()).isEqualTo("[\"eu\",\"us\"]");
            assertThat(second.get("previousState").asText()).isEqualTo("pending");
            assertThat(second.get("text").asText()).startsWith("We are seeing my journey failures in eu, us since 12:04 UTC");
            assertThat(second.get("statusUrl").asText()).isEqualTo("http://agent.local:9109/#journey-x6d79206a6f75726e6579");
        }
    }
}
