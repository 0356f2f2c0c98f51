package io.uxprobe.demo;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Logs users in (any name, the password {@code let-me-listen}; not a common word, since uxprobe masks a secret wherever it appears) and remembers whose each token is. */
final class Sessions {

    static final String PASSWORD = DemoService.PASSWORD;
    /** A probe logs in every run for days: forget the oldest tokens rather than grow without end. */
    private static final int MAX_TOKENS = 10_000;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, String> users = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > MAX_TOKENS;
        }
    });

    /** @return a new token, or empty when the name is blank or the password is wrong */
    Optional<String> login(String user, String password) {
        if (user == null || user.isBlank() || !PASSWORD.equals(password)) return Optional.empty();
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        users.put(token, user);
        return Optional.of(token);
    }

    Optional<String> user(String token) {
        return Optional.ofNullable(users.get(token));
    }
}
