package io.uxprobe.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** A plain client for the tests: no retries, so a reset is seen as one; and the whole response read at once. */
final class Http {

    static final OkHttpClient CLIENT = new OkHttpClient.Builder()
            .retryOnConnectionFailure(false)
            .readTimeout(Duration.ofSeconds(10))
            .build();

    /** A response read whole. */
    record Answer(int code, String contentType, String body, okhttp3.Headers headers) {
        String header(String name) {
            return headers.get(name);
        }
    }

    private Http() {}

    static Answer get(String url) {
        return send(new Request.Builder().url(url).build());
    }

    static Answer get(String url, String header, String value) {
        return send(new Request.Builder().url(url).header(header, value).build());
    }

    static Answer postJson(String url, String json) {
        return send(new Request.Builder().url(url).post(RequestBody.create(json, MediaType.get("application/json"))).build());
    }

    static Answer post(String url) {
        return send(new Request.Builder().url(url).post(RequestBody.create(new byte[0])).build());
    }

    static Answer send(Request request) {
        try (Response r = CLIENT.newCall(request).execute()) {
            return new Answer(r.code(), r.header("Content-Type", ""), r.body().string(), r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
