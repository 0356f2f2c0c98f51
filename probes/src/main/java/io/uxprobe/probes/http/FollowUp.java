package io.uxprobe.probes.http;

import io.uxprobe.probes.journey.Failure;
import io.uxprobe.probes.journey.FailureReason;
import java.util.List;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;

/**
 * What a step does with an answer that may be a redirect: stop there, follow it as a browser would, or refuse it.
 * Following changes the method where browsers do (303; 301 and 302 after a POST), and a request that goes to
 * another origin (scheme, host or port) leaves behind every header that may carry a credential.
 */
final class FollowUp {

    /** Redirects followed before giving up: Chrome's, Firefox's and OkHttp's limit. */
    static final int MAX = 20;

    /** Headers whose name says they carry a credential: Authorization, Cookie, X-Api-Key, X-Auth-Token, … */
    private static final Pattern CREDENTIAL_NAME = Pattern.compile(".*(auth|cookie|key|token|secret|passw|session|credential).*",
            Pattern.CASE_INSENSITIVE);

    /** Headers that describe a body, dropped with it. */
    private static final List<String> BODY_HEADERS = List.of("Content-Type", "Content-Length", "Transfer-Encoding",
            "Content-Encoding", "Content-Language", "Content-Location");

    sealed interface Next {}

    /** The answer is the step's answer. */
    record Stop() implements Next {}

    /** Send this request next. */
    record Follow(Request request) implements Next {}

    /** The redirect goes where the step may not: the step fails. */
    record Refuse(Failure failure) implements Next {}

    private FollowUp() {}

    static Next after(Response response, Request sent, Redirects policy) {
        if (!policy.follow() || !isRedirect(response.code())) return new Stop();
        String location = response.header("Location");
        HttpUrl to = location == null ? null : sent.url().resolve(location);
        if (to == null) return new Stop(); // no Location, or not http(s): the 3xx is the answer, as in a browser
        HttpUrl from = sent.url();
        if (from.isHttps() && !to.isHttps() && !policy.allowInsecure()) {
            return new Refuse(Failure.of(FailureReason.TLS, "refused the redirect to " + shown(to)
                    + ": it leaves HTTPS, so the request and its answer would travel unencrypted"
                    + " (allowInsecureRedirects: true in the request, or check --allow-insecure-redirects, follows it)"));
        }
        Request.Builder next = sent.newBuilder().url(to);
        String method = sent.method();
        boolean toGet = (response.code() == 303 && !method.equals("GET") && !method.equals("HEAD"))
                || (response.code() <= 302 && method.equals("POST"));
        if (toGet) {
            next.method("GET", null);
            BODY_HEADERS.forEach(next::removeHeader);
        }
        if (!sameOrigin(from, to)) {
            for (String name : sent.headers().names()) {
                if (carriesCredential(name, policy)) next.removeHeader(name);
            }
        }
        return new Follow(next.build());
    }

    static boolean isRedirect(int code) {
        return code == 300 || code == 301 || code == 302 || code == 303 || code == 307 || code == 308;
    }

    private static boolean carriesCredential(String header, Redirects policy) {
        return CREDENTIAL_NAME.matcher(header).matches() || policy.secretHeaders().contains(header);
    }

    private static boolean sameOrigin(HttpUrl a, HttpUrl b) {
        return a.scheme().equals(b.scheme()) && a.host().equals(b.host()) && a.port() == b.port();
    }

    /** Where a redirect goes, as failures show it: no user info, no query. */
    static String shown(HttpUrl url) {
        return url.newBuilder().username("").password("").query(null).fragment(null).build().toString();
    }
}
