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
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HTTP basic auth against bcrypt hashes, as {@code basic_auth_users} in Prometheus's web config.
 *
 * <p>bcrypt is slow on purpose (~50–100 ms at cost 10), so a login that passed is remembered: Prometheus scraping
 * every 15 s costs one bcrypt, not one per scrape. The memory holds an HMAC-SHA-256 of user, hash and password under
 * a key made for this instance, never the password. Like exporter-toolkit: one bcrypt at a time, so a flood of bad
 * passwords takes at most one core, and an unknown user is checked against a decoy hash, so timing does not tell
 * which users exist. Nothing here logs.
 */
final class BasicAuth extends Authenticator {

    static final String REALM = "uxprobe";
    static final String CHALLENGE = "Basic realm=\"" + REALM + "\"";
    /** bcrypt reads 72 bytes of password; Go's bcrypt, and so Prometheus, refuses longer ones rather than cut them. */
    static final int MAX_PASSWORD_BYTES = 72;
    private static final int REMEMBERED_LOGINS = 256;

    private final Map<String, byte[]> hashes = new HashMap<>();
    private final byte[] decoy;
    private final BCrypt.Verifyer verifyer = BCrypt.verifyer(null, LongPasswordStrategies.none());
    private final Object oneBcryptAtATime = new Object();
    private final AtomicInteger bcryptRuns = new AtomicInteger();
    private final Mac mac;
    private final Map<String, Boolean> passed = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_LOGINS;
        }
    };

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

    @Override
    public Result authenticate(HttpExchange exchange) {
        Optional<Login> login = Login.from(exchange.getRequestHeaders().getFirst("Authorization"));
        if (login.isPresent() && check(login.get())) return new Success(new HttpPrincipal(login.get().user(), REALM));
        exchange.getResponseHeaders().set("WWW-Authenticate", CHALLENGE);
        return new Retry(401);
    }

    /** Whether the user exists and the password matches their hash. */
    boolean check(Login login) {
        byte[] hash = hashes.get(login.user());
        boolean known = hash != null;
        if (!known) hash = decoy;
        if (login.password().length > MAX_PASSWORD_BYTES) return false;
        String key = key(login, hash);
        synchronized (passed) {
            if (known && passed.containsKey(key)) return true;
        }
        boolean verified;
        synchronized (oneBcryptAtATime) {
            verified = verifyer.verify(login.password(), hash).verified;
            bcryptRuns.incrementAndGet();
        }
        if (!known || !verified) return false;
        synchronized (passed) {
            passed.put(key, Boolean.TRUE);
        }
        return true;
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
