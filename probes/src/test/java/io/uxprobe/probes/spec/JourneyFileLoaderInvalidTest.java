package io.uxprobe.probes.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.uxprobe.probes.template.Environment;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file under {@code spec/invalid/} with the exact error it must produce, {@code {file}} standing for its path.
 * Nothing in the environment is set, so {@code ${env:…}} and {@code ${secret:…}} references fail.
 */
class JourneyFileLoaderInvalidTest {

    private static final Path DIR = Path.of("src/test/resources/spec/invalid");

    static Stream<Arguments> invalidFiles() {
        return Stream.of(
                invalid("browser-with-expect",
                        "{file}:6:9: 'expect' is for HTTP steps; step 'play' has browser:, so check the page with actions (expectText, expectNoText, waitFor), or make it a step of its own"),
                invalid("browser-bad-key",
                        "{file}:8:22: 'Return' is not a key press knows: use one character, or one of ArrowDown, ArrowLeft, ArrowRight, ArrowUp, Backspace, Delete, End, Enter, Escape, Home, PageDown, PageUp, Space, Tab"),
                invalid("browser-two-actions",
                        "{file}:9:15: one action per list item: this one has click and waitFor; start a new item with '- waitFor:'"),
                invalid("browser-wait-two-conditions",
                        "{file}:8:38: waitFor takes exactly one of text, selector and url"),
                invalid("browser-fill-without-value",
                        "{file}:8:15: missing required key 'value' in the fill action of step 'play'"),
                invalid("browser-relative-open",
                        "{file}:5:26: '/player' is not an absolute http(s) URL: write it like https://example.com/player, or start it with a variable such as ${base}"),
                invalid("step-without-request",
                        "{file}:4:9: step 'play' needs request: (an HTTP request) or browser: (a page in a browser)"),
                invalid("browser-extract-jsonpath",
                        "{file}:7:20: unknown key 'jsonPath' in extract 'title' of step 'play'; expected one of: text, attribute, selector, url, secret"),
                invalid("agent-not-mapping",
                        "{file}:1:8: expected a mapping for 'agent', got 'eu-west'"),
                invalid("alias",
                        "{file}:3:8: aliases such as '*b' are not supported: write the value out"),
                invalid("bad-agent-region",
                        "{file}:2:11: 'eu west' is not a valid region name: use letters, digits, '_', '.', ':' or '-' (it becomes a metric label)"),
                invalid("bad-bool",
                        "{file}:3:22: expected true or false for 'followRedirects', got 'maybe'"),
                invalid("bad-dns",
                        "{file}:3:10: '10.0.0.2:dns' is not a DNS server: write a host or IP address, with a port if it is not 53, like 10.0.0.2, dns.internal:5353 or [fd00::53]:53"),
                invalid("bad-duration",
                        "{file}:2:12: 'fast' is not a duration: write it like 250ms, 5s or 1m"),
                invalid("bad-error-signatures-switch",
                        "{file}:5:26: expected on or off for 'errorSignatures', got 'sometimes'"),
                invalid("bad-journey-name",
                        "{file}:2:11: 'my journey' is not a valid journey name: use letters, digits, '_', '.', ':' or '-' (it becomes a metric label)"),
                invalid("bad-jsonpath",
                        "{file}:9:13: '$.items[0' is not a valid JSONPath: Could not parse token starting at position 7. Expected ?, ', 0-9, * (write it like $.token or $.items[0].id)"),
                invalid("bad-method",
                        "{file}:5:57: 'GET ME' is not an HTTP method: write GET, POST, PUT, PATCH, DELETE, HEAD or OPTIONS"),
                invalid("bad-proxy-scheme",
                        "{file}:3:12: 'ftp://proxy-eu:21' is not a proxy URL: write it like http://proxy:3128, https://proxy:3128 or socks5://proxy:1080"),
                invalid("bad-regex",
                        "{file}:7:29: 'Welcome (back' is not a valid regex for 'bodyMatches': Unclosed group at index 13"),
                invalid("bad-region-name",
                        "{file}:2:11: 'eu/west' is not a valid region name: use letters, digits, '_', '.', ':' or '-' (it becomes a metric label)"),
                invalid("bad-signature-id",
                        "{file}:2:9: 'Try-Again' is not a valid signature id: use lowercase letters, digits and '_', starting with a letter (it becomes a metric label)"),
                invalid("bad-signature-regex",
                        "{file}:3:12: 'Oops[a-' is not a valid regex for 'regex': Illegal character range at index 7"),
                invalid("bad-size",
                        "{file}:5:22: 'lots' is not a size: write it like 512B, 64KiB or 10MiB"),
                invalid("bad-status-code",
                        "{file}:6:27: 700 is not an HTTP status: use a code from 100 to 599"),
                invalid("bad-status-text",
                        "{file}:6:33: 'ok' is not a status: write a code such as 200, a class such as 2xx, or a list such as [200, 206]"),
                invalid("default-header-extracted",
                        "{file}:3:28: undefined variable ${token}: define it under vars: or pass --var token=... (headers here go with every step, so they cannot use extracted values)"),
                invalid("dns-not-string",
                        "{file}:3:10: expected a string for 'dns', got a list"),
                invalid("dns-with-socks",
                        "{file}:4:5: 'dns' does not go with a socks5 proxy in region 'us-east': the proxy resolves host names itself; remove dns, or use an http:// proxy"),
                invalid("duplicate-header",
                        "{file}:9:13: duplicate header 'accept' (first at {file}:8:13; header names ignore case)"),
                invalid("duplicate-journey",
                        "{file}:6:11: duplicate journey name 'login' (first at {file}:2:11)"),
                invalid("duplicate-key",
                        "{file}:7:9: duplicate key 'timeout' (first at {file}:5:9)"),
                invalid("duplicate-region",
                        "{file}:4:11: duplicate region name 'eu-west' (first at {file}:2:11)"),
                invalid("duplicate-signature-id",
                        "{file}:4:9: duplicate signature id 'oops' (first at {file}:2:9)"),
                invalid("duplicate-step",
                        "{file}:6:15: duplicate step name 'home' (first at {file}:4:15)"),
                invalid("duration-without-unit",
                        "{file}:5:18: '5' is not a duration: write it like 250ms, 5s or 1m"),
                invalid("empty-journeys",
                        "{file}:1:11: 'journeys' is empty: add at least one journey with a name and steps"),
                invalid("empty-regions",
                        "{file}:1:10: 'regions' is empty: list at least one region with a name and a proxy, or remove regions:"),
                invalid("empty-steps",
                        "{file}:3:12: 'steps' is empty: journey 'login' needs at least one step"),
                invalid("empty",
                        "{file}:1:1: the file is empty: expected a journeys: list"),
                invalid("extract-bad-group",
                        "{file}:7:43: group 2 does not exist: the regex has 1 group (0 is the whole match)"),
                invalid("extract-group-without-regex",
                        "{file}:7:31: 'group' only goes with regex, and extract 'id' uses header"),
                invalid("extract-two-sources",
                        "{file}:7:39: extract 'token' takes only one of jsonPath, regex, header and cookie; it has jsonPath and header"),
                invalid("json-and-form",
                        "{file}:8:11: only one of json, form and body is allowed in a request; this one has json and form"),
                invalid("jsonpath-no-matcher",
                        "{file}:7:23: jsonPath '$.token' needs at least one of: exists, equals, matches, gt, gte, lt, lte, length"),
                invalid("length-two-comparisons",
                        "{file}:7:44: 'length' takes one comparison, such as { gt: 0 } or { lte: 10 }"),
                invalid("missing-ca-file",
                        "{file}:2:18: CA file src/test/resources/spec/invalid/no-such-ca.pem: no such file: give the path of a PEM file of CA certificates"
                                + " (relative to the journey file's folder)"),
                invalid("ca-file-holds-a-key",
                        "{file}:2:18: CA file src/test/resources/spec/ca-key.pem: it holds a private key, not a certificate: give the CA's"
                                + " certificate (-----BEGIN CERTIFICATE-----), never a key"),
                invalid("missing-journeys",
                        "{file}:1:1: missing 'journeys': a journey file needs a journeys: list with at least one journey"),
                invalid("missing-url",
                        "{file}:6:11: missing required key 'url' in request of step 'login'"),
                invalid("proxy-undefined-variable",
                        "{file}:3:20: undefined variable ${proxyHost}: define it under vars: or pass --var proxyHost=..."),
                invalid("proxy-unset-secret",
                        "{file}:3:26: secret UXPROBE_NO_PROXY_PW is not set: set the environment variable UXPROBE_NO_PROXY_PW, or UXPROBE_NO_PROXY_PW_FILE to a file that holds it"),
                invalid("proxy-user-without-password",
                        "{file}:3:12: proxy 'http://probe@proxy-eu:3128' needs its credentials as user:password@"),
                invalid("proxy-with-path",
                        "{file}:3:12: proxy 'http://proxy-eu:3128/path' has a path or query: a proxy is only scheme, host and port"),
                invalid("proxy-without-port",
                        "{file}:3:12: proxy 'http://proxy-eu' needs a port from 1 to 65535: write it like http://proxy:3128, https://proxy:3128 or socks5://proxy:1080"),
                invalid("proxy-without-scheme",
                        "{file}:3:12: 'proxy-eu:3128' is not a proxy URL: write it like http://proxy:3128, https://proxy:3128 or socks5://proxy:1080"),
                invalid("region-without-name",
                        "{file}:2:5: missing required key 'name' in region #1"),
                invalid("region-var-not-in-vars",
                        "{file}:5:44: 'api' in the vars of region 'eu-west' is not a var of the file: define it under vars: first, and the region gives it its own value"),
                invalid("zero-failure-threshold",
                        "{file}:2:21: 'failureThreshold' must be at least 1, not 0"),
                invalid("bad-webhook-format",
                        "{file}:4:15: 'teams' is not a webhook format: use json, slack or text"),
                invalid("regions-not-list",
                        "{file}:2:3: expected a list for 'regions', got a mapping"),
                invalid("relative-url",
                        "{file}:5:25: '/api/login' is not an absolute URL: write it like https://example.com/path, or start it with a variable such as ${base}"),
                invalid("request-not-mapping",
                        "{file}:5:18: expected a mapping for 'request', got 'x'"),
                invalid("signature-text-and-regex",
                        "{file}:2:29: error signature 'oops' takes only one of text and regex"),
                invalid("socks-credentials",
                        "{file}:3:12: proxy 'socks5://probe:***@proxy-us:1080' has credentials, and uxprobe cannot send them to a socks5 proxy: use an http:// proxy for a proxy that needs a password, or a socks5 proxy without one"),
                invalid("status-nested-list",
                        "{file}:7:25: expected a number for 'status', got a list"),
                invalid("steps-not-list",
                        "{file}:4:7: expected a list for 'steps', got a mapping"),
                invalid("timeout-over-interval",
                        "{file}:5:15: timeout 20s is longer than interval 10s: a run must end before the next one starts"),
                invalid("undefined-variable-multiline",
                        "{file}:8:16: undefined variable ${token}: define it under vars:, pass --var token=..., or extract it in an earlier step"),
                invalid("undefined-variable",
                        "{file}:7:39: undefined variable ${token}: define it under vars:, pass --var token=..., or extract it in an earlier step"),
                invalid("unknown-agent-key",
                        "{file}:2:3: unknown key 'listen' in agent; expected one of: region"),
                invalid("unknown-expect-key",
                        "{file}:6:32: unknown key 'bodyContain' in expect of step 'login'; expected one of: status, maxDuration, bodyContains, bodyNotContains, bodyMatches, jsonPath, headers (did you mean 'bodyContains'?)"),
                invalid("unknown-journey-key",
                        "{file}:3:5: unknown key 'intervall' in journey 'login'; expected one of: name, steps, interval, timeout, stepTimeout, headers, maxBodySize, followRedirects, reuseConnections, tls, failureThreshold, successThreshold, retries, traceContext (did you mean 'interval'?)"),
                invalid("unknown-region-key",
                        "{file}:3:5: unknown key 'proxi' in region 'eu-west'; expected one of: name, proxy, dns, vars (did you mean 'proxy'?)"),
                invalid("unknown-request-key",
                        "{file}:7:11: unknown key 'header' in request of step 'login'; expected one of: method, url, query, headers, json, form, body, followRedirects, allowInsecureRedirects (did you mean 'headers'?)"),
                invalid("unknown-step-key",
                        "{file}:6:9: unknown key 'expct' in step 'login'; expected one of: name, request, browser, expect, extract, stream, errorSignatures, timeout, maxBodySize (did you mean 'expect'?)"),
                invalid("unknown-template-source",
                        "{file}:5:46: unknown source 'vault' in '${vault:x}': expected env, file or secret"),
                invalid("unknown-top-key",
                        "{file}:1:1: unknown key 'region' at the top level; expected one of: vars, defaults, errorSignatures, journeys, agent, regions, notify (did you mean 'regions'?)"),
                invalid("unset-env",
                        "{file}:7:26: environment variable UXPROBE_NOBODY is not set (write ${env:UXPROBE_NOBODY:-default} to give a default)"),
                invalid("unset-secret",
                        "{file}:2:13: secret UXPROBE_NO_SECRET is not set: set the environment variable UXPROBE_NO_SECRET, or UXPROBE_NO_SECRET_FILE to a file that holds it"),
                invalid("var-defined-later",
                        "{file}:2:8: variable ${base} is defined further down: vars are rendered in file order, so move 'base' above 'api'"),
                invalid("variable-before-extract",
                        "{file}:7:45: variable ${token} is extracted by step 'login', which runs after this step: extract it in an earlier step, or move this step after that one"),
                invalid("variable-own-step",
                        "{file}:6:34: variable ${token} is extracted by this step, so it has no value until the step has run: use it in a later step, or extract it in an earlier one"),
                invalid("yaml-syntax",
                        "{file}:5:3: invalid YAML: expected ',' or ']', but got - (while parsing a flow sequence at {file}:3:12)"));
    }

    private static Arguments invalid(String name, String message) {
        return Arguments.of(name, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidFiles")
    void rejectsWithExactMessage(String name, String message) {
        Path file = DIR.resolve(name + ".yaml");
        assertThatThrownBy(() -> new JourneyFileLoader().load(file, Map.of(), Environment.of(Map.of())))
                .isInstanceOf(SpecException.class)
                .hasMessage(message.replace("{file}", file.toString()));
    }

    @Test
    void everyInvalidFileIsInTheTable() throws Exception {
        try (Stream<Path> files = java.nio.file.Files.list(DIR)) {
            assertThat(files.map(p -> p.getFileName().toString().replaceFirst("\\.yaml$", "")))
                    .containsExactlyInAnyOrderElementsOf(invalidFiles().map(a -> (String) a.get()[0]).toList());
        }
    }

    @Test
    void aMissingFileIsNamed() {
        Path file = DIR.resolve("no-such-file.yaml");
        assertThatThrownBy(() -> new JourneyFileLoader().load(file))
                .isInstanceOf(SpecException.class)
                .hasMessage(file + ": no such file");
    }
}
