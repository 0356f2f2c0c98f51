package io.uxprobe.agent.web;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import com.sun.net.httpserver.Authenticator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HTTP basic auth against bcrypt hashes, as {@code basic_auth_users} in Prometheus's web config.
 *
 * <p>bcrypt is slow on purpose (~50–100 ms at cost 10), so a login that passed is remembered: Prometheus scraping
 * every 15 s costs one bcrypt, not one per scrape. A wrong password is remembered too (apart, so a flood of new
 * wrong passwords never pushes out a good login): a client that repeats one, misconfigured or hostile, costs one
 * bcrypt, not one per request. The memory holds an HMAC-SHA-256 of user, hash and password under a key made for this
 * instance, never the password. Like exporter-toolkit: one bcrypt at a time, so a flood of bad passwords takes at
 * most one core; logins wait their turn in order, and one that would wait longer than {@link #BCRYPT_WAIT} is told to
 * come back (503) instead of holding its request. An unknown user is checked against a decoy hash, so timing does
 * not tell which users exist. Nothing here logs.
 */
final class BasicAuth extends Authenticator {

    static final String REALM = "uxprobe";
    static final String CHALLENGE = "Basic realm=\"" + REALM + "\"";
    /** bcrypt reads 72 bytes of password; Go's bcrypt, and so Prometheus, refuses longer ones rather than cut them. */
    static final int MAX_PASSWORD_BYTES = 72;
    private static final int REMEMBERED_LOGINS = 256;
    private static final int REMEMBERED_FAILURES = 1024;
    /** The longest a login waits for its turn at bcrypt: well inside Prometheus's 10 s scrape timeout. */
    static final Duration BCRYPT_WAIT = Duration.ofSeconds(3);

    /** What a login came to. */
    enum Verdict { PASSED, FAILED, BUSY }

    private final Map<String, byte[]> hashes = new HashMap<>();
    private final byte[] decoy;
    private final BCrypt.Verifyer verifyer = BCrypt.verifyer(null, LongPasswordStrategies.none());
    private final ReentrantLock oneBcryptAtATime = new ReentrantLock(true); // fair: first come, first checked
    private final AtomicInteger bcryptRuns = new AtomicInteger();
    private final Mac mac;
    private final Map<String, Boolean> passed = remembering(REMEMBERED_LOGINS);
    private final Map<String, Boolean> failed = remembering(REMEMBERED_FAILURES);

    /** @param hashes user name -> bcrypt hash, already checked by {@link #checkHash} */
    BasicAuth(Map<String, String> hashes) {
        hashes.forEach((user, hash) -> this.hashes.put(user, hash.getBytes(StandardCharsets.US_ASCII)));
        int cost = hashes.values().stream().mapToInt(BasicAuth::cost).max().orElse(10);
        byte[] random = new byte[32];
        SecureRandom secureRandom = new SecureRandom();
        secureRandom.nextBytes(random);
        this.decoy = BCrypt.withDefaults().hash(cost, HexFormat.of().formatHex(random).toCharArray());
        secureRandom.nextBytes(random);
        try {
            this.mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(random, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Empty when {@code hash} is a bcrypt hash Prometheus accepts; else what is wrong, without repeating the value. */
    static Optional<String> checkHash(String hash) {
        String expected = "; expected a bcrypt hash: $2a$, $2b$ or $2y$, a cost of 04 to 31, $ and 53 characters"
                + " of salt and hash, 60 in all (make one with: htpasswd -nBC 10 \"\" | tr -d ':\\n')";
        if (!hash.matches("\\$2[aby]\\$.*")) {
            return Optional.of("not a bcrypt hash: it does not start with $2a$, $2b$ or $2y$ (a plain password does not work here)" + expected);
        }
        if (!hash.matches("\\$2[aby]\\$\\d\\d\\$[./A-Za-z0-9]{53}")) return Optional.of("not a bcrypt hash" + expected);
        try {
            BCrypt.Version.VERSION_2A.parser.parse(hash.getBytes(StandardCharsets.US_ASCII));
        } catch (Exception e) {
            return Optional.of("not a bcrypt hash: " + e.getMessage());
        }
        int cost = cost(hash);
        if (cost < 4 || cost > 31) return Optional.of("bcrypt cost " + cost + " is out of range" + expected);
        return Optional.empty();
    }

    private static int cost(String hash) {
        return Integer.parseInt(hash.substring(4, 6));
    }

    private static Map<String, Boolean> remembering(int most) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > most;
            }
        };
    }

    @Override
    public Result authenticate(HttpExchange exchange) {
        Optional<Login> login = Login.from(exchange.getRequestHeaders().getFirst("Authorization"));
        Verdict verdict = login.isPresent() ? verdict(login.get()) : Verdict.FAILED;
        if (verdict == Verdict.PASSED) return new Success(new HttpPrincipal(login.get().user(), REALM));
        if (verdict == Verdict.BUSY) {
            exchange.getResponseHeaders().set("Retry-After", "1");
            return new Retry(503);
        }
        exchange.getResponseHeaders().set("WWW-Authenticate", CHALLENGE);
        return new Retry(401);
    }

    /** Whether the user exists and the password matches their hash. */
    boolean check(Login login) {
        return verdict(login) == Verdict.PASSED;
    }

    /** Passed or failed, from memory or from bcrypt; busy when bcrypt was not free within {@link #BCRYPT_WAIT}. */
    Verdict verdict(Login login) {
        byte[] hash = hashes.get(login.user());
        boolean known = hash != null;
        if (!known) hash = decoy;
        if (login.password().length > MAX_PASSWORD_BYTES) return Verdict.FAILED;
        String key = key(login, hash);
        Optional<Verdict> remembered = remembered(key, known);
        if (remembered.isPresent()) return remembered.get();
        try {
            if (!oneBcryptAtATime.tryLock(BCRYPT_WAIT.toNanos(), TimeUnit.NANOSECONDS)) return Verdict.BUSY;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Verdict.BUSY;
        }
        boolean verified;
        try {
            remembered = remembered(key, known); // the same login may have been checked while this one waited
            if (remembered.isPresent()) return remembered.get();
            verified = verifyer.verify(login.password(), hash).verified;
            bcryptRuns.incrementAndGet();
        } finally {
            oneBcryptAtATime.unlock();
        }
        boolean ok = known && verified;
        Map<String, Boolean> memory = ok ? passed : failed;
        synchronized (memory) {
            memory.put(key, Boolean.TRUE);
        }
        return ok ? Verdict.PASSED : Verdict.FAILED;
    }

    private Optional<Verdict> remembered(String key, boolean known) {
        synchronized (passed) {
            if (known && passed.containsKey(key)) return Optional.of(Verdict.PASSED);
        }
        synchronized (failed) {
            if (failed.containsKey(key)) return Optional.of(Verdict.FAILED);
        }
        return Optional.empty();
    }

    /** The lock every bcrypt takes; for tests of a login that waits too long. */
    ReentrantLock bcryptLockForTests() {
        return oneBcryptAtATime;
    }

    /** How many passwords were checked with bcrypt rather than remembered; for tests of the memory. */
    int bcryptRuns() {
        return bcryptRuns.get();
    }

    private String key(Login login, byte[] hash) {
        byte[] user = login.user().getBytes(StandardCharsets.UTF_8);
        // lengths first, so no two (user, hash, password) triples run together into the same bytes
        ByteBuffer input = ByteBuffer.allocate(12 + user.length + hash.length + login.password().length)
                .putInt(user.length).put(user).putInt(hash.length).put(hash).putInt(login.password().length).put(login.password());
        synchronized (mac) {
            return HexFormat.of().formatHex(mac.doFinal(input.array()));
        }
    }

    /**
     * User and password from {@code Authorization: Basic …}. The password stays the bytes the client sent, as Go
     * compares them; the user name is read as UTF-8.
     */
    record Login(String user, byte[] password) {

        static Optional<Login> from(String authorization) {
            if (authorization == null || authorization.length() < 6
                    || !authorization.substring(0, 6).toLowerCase(Locale.ROOT).equals("basic ")) {
                return Optional.empty();
            }
            byte[] decoded;
            try {
                decoded = Base64.getDecoder().decode(authorization.substring(6).trim());
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            for (int i = 0; i < decoded.length; i++) {
                if (decoded[i] == ':') {
                    String user = new String(decoded, 0, i, StandardCharsets.UTF_8);
                    byte[] password = Arrays.copyOfRange(decoded, i + 1, decoded.length);
                    return Optional.of(new Login(user, password));
                }
            }
            return Optional.empty();
        }
    }
}
