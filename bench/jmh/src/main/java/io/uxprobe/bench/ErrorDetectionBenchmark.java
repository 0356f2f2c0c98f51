package io.uxprobe.bench;

import io.uxprobe.probes.errors.ErrorDetector;
import io.uxprobe.probes.errors.ErrorMatch;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link ErrorDetector#detect}: what every received response costs before its expectations are checked. The built-in
 * catalog alone ({@link ErrorDetector#catalogOnly()}), as for a journey file without {@code errorSignatures}.
 * HTML goes through jsoup to its visible text, JSON through its error fields; then the catalog's signatures are tried.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m", "--sun-misc-unsafe-memory-access=allow"})
@State(Scope.Benchmark)
public class ErrorDetectionBenchmark {

    private ErrorDetector detector;
    // fields, not constants, so the JIT cannot fold the inputs
    private String smallHtml;
    private String largeSpaHtml;
    private String soft200Html;
    private String jsonOk;
    private String jsonError;
    private String graphqlError;

    @Setup
    public void setUp() {
        detector = ErrorDetector.catalogOnly();
        smallHtml = Bodies.SMALL_HTML;
        largeSpaHtml = Bodies.LARGE_SPA_HTML;
        soft200Html = Bodies.SOFT_200_HTML;
        jsonOk = Bodies.JSON_OK;
        jsonError = Bodies.JSON_ERROR;
        graphqlError = Bodies.GRAPHQL_ERROR;
        // the bodies must still mean what the benchmark names say
        expect("text/html", smallHtml, null);
        expect("text/html", largeSpaHtml, null);
        expect("text/html", soft200Html, "something_went_wrong");
        expect("application/json", jsonOk, null);
        expect("application/json", jsonError, "something_went_wrong");
        expect("application/json", graphqlError, "graphql_error");
    }

    private void expect(String type, String body, String signature) {
        Optional<ErrorMatch> m = detector.detect(type, body);
        String got = m.map(ErrorMatch::signature).orElse(null);
        if (signature == null ? got != null : !signature.equals(got)) {
            throw new IllegalStateException("a " + body.length() + "-char " + type + " body gave " + m + ", expected " + signature);
        }
    }

    /** A healthy page of about 1 KiB: jsoup parse, visible text, every signature tried and none found. */
    @Benchmark
    public Optional<ErrorMatch> healthySmallHtml() {
        return detector.detect("text/html", smallHtml);
    }

    /** A healthy single-page app of about 100 KiB (half inline script and JSON state, half markup; hidden error text). */
    @Benchmark
    public Optional<ErrorMatch> healthyLargeSpaHtml() {
        return detector.detect("text/html", largeSpaHtml);
    }

    /** A 200 whose page says "Something went wrong. Try again.": found, with its snippet. */
    @Benchmark
    public Optional<ErrorMatch> soft200Html() {
        return detector.detect("text/html", soft200Html);
    }

    /** An API answer of about 1.5 KiB with {@code "error": null} and {@code "errors": []}: no error. */
    @Benchmark
    public Optional<ErrorMatch> jsonOk() {
        return detector.detect("application/json", jsonOk);
    }

    /** {@code {"error": {"message": "Something went wrong. Try again."}}}: found. */
    @Benchmark
    public Optional<ErrorMatch> jsonError() {
        return detector.detect("application/json", jsonError);
    }

    /** A GraphQL answer with {@code errors[].message}: found as graphql_error. */
    @Benchmark
    public Optional<ErrorMatch> graphqlError() {
        return detector.detect("application/json", graphqlError);
    }
}
