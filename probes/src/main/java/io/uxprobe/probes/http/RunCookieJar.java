package io.uxprobe.probes.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.Cookie;
import okhttp3.CookieJar;
import okhttp3.HttpUrl;

/** The cookies of one journey run, as a browser tab would keep them; gone when the run ends. */
final class RunCookieJar implements CookieJar {

    private final List<Cookie> cookies = new ArrayList<>();

    @Override
    public synchronized void saveFromResponse(HttpUrl url, List<Cookie> received) {
        for (Cookie c : received) {
            cookies.removeIf(old -> old.name().equals(c.name()) && old.domain().equals(c.domain()) && old.path().equals(c.path()));
            if (c.expiresAt() > System.currentTimeMillis()) cookies.add(c);
        }
    }

    @Override
    public synchronized List<Cookie> loadForRequest(HttpUrl url) {
        long now = System.currentTimeMillis();
        cookies.removeIf(c -> c.expiresAt() <= now);
        return cookies.stream().filter(c -> c.matches(url)).toList();
    }

    /** Every cookie the run holds now, for a browser step to start with. */
    synchronized List<Cookie> all() {
        long now = System.currentTimeMillis();
        cookies.removeIf(c -> c.expiresAt() <= now);
        return List.copyOf(cookies);
    }

    /** Cookies a browser step ended with, replacing those of the same name, domain and path. */
    synchronized void putAll(List<Cookie> received) {
        for (Cookie c : received) {
            cookies.removeIf(old -> old.name().equals(c.name()) && old.domain().equals(c.domain()) && old.path().equals(c.path()));
            if (c.expiresAt() > System.currentTimeMillis()) cookies.add(c);
        }
    }

    /** Name to value of the cookies this jar would send to {@code url}. */
    synchronized Map<String, String> valuesFor(HttpUrl url) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Cookie c : loadForRequest(url)) out.putIfAbsent(c.name(), c.value());
        return out;
    }
}
