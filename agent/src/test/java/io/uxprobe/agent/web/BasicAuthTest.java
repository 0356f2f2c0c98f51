package io.uxprobe.agent.web;

import static org.assertj.core.api.Assertions.assertThat;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.uxprobe.agent.web.BasicAuth.Login;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class BasicAuthTest {

    private static String hash(BCrypt.Version version, String password) {
        return new String(BCrypt.with(version).hash(4, password.getBytes(StandardCharsets.UTF_8)), StandardCharsets.US_ASCII);
    }

    private static Login login(String user, String password) {
        return new Login(user, password.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aLoginThatPassedIsRememberedSoScrapesDoNotRunBcryptAgain() {
        BasicAuth auth = new BasicAuth(Map.of("prometheus", hash(BCrypt.Version.VERSION_2Y, "scrape")));

        for (int scrape = 0; scrape < 5; scrape++) assertThat(auth.check(login("prometheus", "scrape"))).isTrue();
        assertThat(auth.bcryptRuns()).isEqualTo(1);
    }

    @Test
    void aRepeatedWrongPasswordCostsOneBcryptAndNeverHidesTheRightOne() {
        BasicAuth auth = new BasicAuth(Map.of("prometheus", hash(BCrypt.Version.VERSION_2Y, "scrape")));

        for (int attempt = 0; attempt < 5; attempt++) assertThat(auth.check(login("prometheus", "guess"))).isFalse();
        assertThat(auth.bcryptRuns()).isEqualTo(1);
        assertThat(auth.check(login("prometheus", "other guess"))).isFalse();
        assertThat(auth.bcryptRuns()).as("a new wrong password costs its own bcrypt").isEqualTo(2);
        assertThat(auth.check(login("prometheus", "scrape"))).isTrue();
    }

    @Test
    void aLoginThatCannotHaveBcryptSoonIsToldToComeBack() throws Exception {
        BasicAuth auth = new BasicAuth(Map.of("prometheus", hash(BCrypt.Version.VERSION_2Y, "scrape")));
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread hog = Thread.ofPlatform().start(() -> {
            var lock = auth.bcryptLockForTests();
            lock.lock();
            holding.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                lock.unlock();
            }
        });
        holding.await();
        long start = System.nanoTime();
        assertThat(auth.verdict(login("prometheus", "scrape"))).isEqualTo(BasicAuth.Verdict.BUSY);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(BasicAuth.BCRYPT_WAIT.minusMillis(100),
                BasicAuth.BCRYPT_WAIT.plusSeconds(2));
        release.countDown();
        hog.join();
        assertThat(auth.verdict(login("prometheus", "scrape"))).isEqualTo(BasicAuth.Verdict.PASSED);
    }

    @Test
    void anUnknownUserCostsABcryptLikeAKnownOne() {
        // so response time does not tell an attacker which user names exist
        BasicAuth auth = new BasicAuth(Map.of("prometheus", hash(BCrypt.Version.VERSION_2Y, "scrape")));

        assertThat(auth.check(login("mallory", "scrape"))).isFalse();
        assertThat(auth.bcryptRuns()).isEqualTo(1);
    }

    @Test
    void rememberingOnePasswordDoesNotLetAnotherUserIn() {
        String shared = hash(BCrypt.Version.VERSION_2Y, "same");
        BasicAuth auth = new BasicAuth(Map.of("alice", shared, "bob", hash(BCrypt.Version.VERSION_2Y, "other")));

        assertThat(auth.check(login("alice", "same"))).isTrue();
        assertThat(auth.check(login("bob", "same"))).isFalse();
    }

    @Test
    void everyBcryptVersionPrometheusAccepts() {
        BasicAuth auth = new BasicAuth(Map.of(
                "a", hash(BCrypt.Version.VERSION_2A, "pw"),
                "b", hash(BCrypt.Version.VERSION_2B, "pw"),
                "y", hash(BCrypt.Version.VERSION_2Y, "pw")));

        assertThat(auth.check(login("a", "pw"))).isTrue();
        assertThat(auth.check(login("b", "pw"))).isTrue();
        assertThat(auth.check(login("y", "pw"))).isTrue();
    }

    @Test
    void aHashFromPrometheusDocsAndGoChecksOut() {
        // the decoy hash in Prometheus exporter-toolkit: "fakepassword", $2y$ at cost 10, as htpasswd writes it
        String go = "$2y$10$QOauhQNbBCuQDKes6eFzPeMqBSjb7Mr5DUmpZ/VcEd00UAV/LDeSi";
        assertThat(BasicAuth.checkHash(go)).isEmpty();
        assertThat(new BasicAuth(Map.of("prometheus", go)).check(login("prometheus", "fakepassword"))).isTrue();
    }

    @Test
    void passwordsAreTheBytesTheClientSent() {
        BasicAuth auth = new BasicAuth(Map.of("jürgen", hash(BCrypt.Version.VERSION_2Y, "straße")));
        String header = "Basic " + Base64.getEncoder().encodeToString("jürgen:straße".getBytes(StandardCharsets.UTF_8));

        assertThat(auth.check(Login.from(header).orElseThrow())).isTrue();
    }

    @Test
    void passwordsOver72BytesAreRefusedNotCut() {
        // bcrypt reads 72 bytes; Go's bcrypt, and so Prometheus, refuses longer passwords rather than ignore the rest
        String seventyTwo = "p".repeat(72);
        BasicAuth auth = new BasicAuth(Map.of("prometheus", hash(BCrypt.Version.VERSION_2Y, seventyTwo)));

        assertThat(auth.check(login("prometheus", seventyTwo))).isTrue();
        assertThat(auth.check(login("prometheus", seventyTwo + "and more"))).isFalse();
    }

    @Test
    void theAuthorizationHeader() {
        assertThat(Login.from("Basic " + Base64.getEncoder().encodeToString("alice:pass:word".getBytes())))
                .get().satisfies(l -> {
                    assertThat(l.user()).isEqualTo("alice");
                    assertThat(new String(l.password(), StandardCharsets.UTF_8)).isEqualTo("pass:word");
                });
        assertThat(Login.from("basic " + Base64.getEncoder().encodeToString("alice:".getBytes()))).isPresent();
        assertThat(Login.from("Basic " + Base64.getEncoder().encodeToString("no colon".getBytes()))).isEmpty();
        assertThat(Login.from("Basic %%%")).isEmpty();
        assertThat(Login.from("Bearer token")).isEmpty();
        assertThat(Login.from(null)).isEmpty();
    }
}
