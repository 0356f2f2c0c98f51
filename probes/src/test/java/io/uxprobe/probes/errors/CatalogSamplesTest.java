package io.uxprobe.probes.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Real error pages, each named by the catalog; real healthy pages, named by nothing. */
class CatalogSamplesTest {

    private final ErrorDetector detector = ErrorDetector.catalogOnly();

    record Sample(String file, String contentType, String signature, String snippetContains) {
        @Override
        public String toString() {
            return file + " -> " + signature;
        }
    }

    static List<Sample> samples() {
        return List.of(
                new Sample("spring-whitelabel.html", "text/html", "framework_error_page", "Whitelabel Error Page"),
                new Sample("aspnet-ysod.html", "text/html", "framework_error_page", "Server Error in '/' Application"),
                new Sample("tomcat-500.html", "text/html", "internal_server_error", "HTTP Status 500 – Internal Server Error"),
                new Sample("express-404.html", "text/html", "framework_error_page", "Cannot GET /api/tracks/42"),
                new Sample("python-traceback.txt", "text/plain", "stack_trace", "Traceback (most recent call last)"),
                new Sample("java-stacktrace.txt", "text/plain", "stack_trace", "at io.example.tunes.player.TrackService.streamUrl(TrackService.java:57)"),
                new Sample("php-fatal.html", "text/html", "stack_trace", "Fatal error: Uncaught Error"),
                new Sample("go-panic.txt", "", "stack_trace", "goroutine 1 [running]:"),
                new Sample("wordpress-db-error.html", "text/html", "database_error", "Error establishing a database connection"),
                new Sample("pdo-error.txt", "text/plain", "database_error", "SQLSTATE[HY000]"),
                new Sample("cloudflare-521.html", "text/html", "cdn_error", "Web server is down Error code 521"),
                new Sample("cloudfront-502.html", "text/html", "cdn_error", "The request could not be satisfied"),
                new Sample("akamai-error.html", "text/html", "cdn_error", "Reference #97.5c2f1402.1709460930.1a2b3c4d"),
                new Sample("akamai-access-denied.html", "text/html", "access_denied", "Access Denied"),
                new Sample("varnish-503.html", "text/html", "cdn_error", "Guru Meditation"),
                new Sample("azure-front-door.html", "text/html", "cdn_error", "Our services aren't available right now"),
                new Sample("envoy-upstream-reset.txt", "text/plain", "upstream_error", "upstream connect error or disconnect/reset before headers"),
                new Sample("envoy-no-healthy-upstream.txt", "text/plain", "upstream_error", "no healthy upstream"),
                new Sample("haproxy-503.html", "text/html", "upstream_error", "No server is available to handle this request"),
                new Sample("traefik-503.txt", "text/plain", "upstream_error", "no available server"),
                new Sample("openshift-503.html", "text/html", "upstream_error", "Application is not available"),
                new Sample("nginx-502.html", "text/html", "bad_gateway", "502 Bad Gateway"),
                new Sample("apache-502-proxy.html", "text/html", "bad_gateway", "The proxy server received an invalid response"),
                new Sample("nginx-504.html", "text/html", "gateway_timeout", "504 Gateway Time-out"),
                new Sample("envoy-upstream-timeout.txt", "text/plain", "gateway_timeout", "upstream request timeout"),
                new Sample("nginx-503.html", "text/html", "service_unavailable", "503 Service Temporarily Unavailable"),
                new Sample("apache-503.html", "text/html", "service_unavailable", "Service Unavailable"),
                new Sample("maintenance.html", "text/html", "maintenance", "We’ll be back soon!"),
                new Sample("down-for-maintenance.txt", "text/plain", "maintenance", "Down for maintenance"),
                new Sample("heroku-application-error.html", "text/html", "application_error", "Application Error"),
                new Sample("heroku-application-error-inline.html", "text/html", "application_error", "Application Error"),
                new Sample("rails-500.html", "text/html", "application_error", "We're sorry, but something went wrong"),
                new Sample("nextjs-client-exception.html", "text/html", "application_error", "Application error: a client-side exception has occurred"),
                new Sample("flask-500.html", "text/html", "internal_server_error", "500 Internal Server Error"),
                new Sample("django-500.html", "text/html", "internal_server_error", "Server Error (500)"),
                new Sample("nginx-429.html", "text/html", "rate_limited", "429 Too Many Requests"),
                new Sample("streaming-something-went-wrong.html", "text/html", "something_went_wrong", "Something went wrong. Try again."),
                new Sample("laravel-whoops.html", "text/html", "something_went_wrong", "looks like something went wrong"),
                new Sample("error-occurred-try-again.html", "text/html", "error_occurred", "An error occurred while loading your library. Please try again."),
                new Sample("unexpected-error.html", "text/html", "unexpected_error", "An unexpected error has occurred."),
                new Sample("technical-difficulties.html", "text/html", "cant_play", "We’re having trouble playing this title right now."),
                new Sample("try-again-later.txt", "text/plain", "try_again_later", "Please try again in a few minutes."));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void eachSampleIsNamedByItsSignatureWithWhatTheUserSaw(Sample sample) {
        var match = detector.detect(sample.contentType(), Samples.read(sample.file()));

        assertThat(match).hasValueSatisfying(m -> {
            assertThat(m.signature()).isEqualTo(sample.signature());
            assertThat(m.snippet()).contains(sample.snippetContains()).hasSizeLessThanOrEqualTo(Snippet.MAX_CHARS);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"healthy-home.html", "healthy-status-page.html"})
    void ordinaryPagesWithErrorishWordsAreNotErrors(String file) {
        assertThat(detector.detect("text/html", Samples.read(file))).isEmpty();
    }

    @Test
    void anHtmlPageIsReadAsAPageEvenWhenTheTypeIsMissingOrPlain() {
        String nginx = Samples.read("nginx-502.html");
        String spa = Samples.read("spa-shell.html");

        assertThat(Stream.of("", "text/plain").map(type -> detector.detect(type, nginx).orElseThrow().signature()))
                .containsOnly("bad_gateway");
        assertThat(detector.detect("", spa)).isEmpty();
        assertThat(detector.detect("text/plain", spa)).isEmpty();
    }
}
