package io.uxprobe.probes.errors;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The built-in error signatures: messages real services show when they break. Ids are metric labels, so they are
 * fixed here and never change. Order matters: the first match wins, so specific pages (a CDN's, a framework's)
 * come before the generic banners they also contain.
 *
 * <p>Regexes are written in lower case and run on folded text (one space for any whitespace, ASCII quotes and
 * dashes). Gaps are bounded ({@code .{0,120}?}) and no quantifier is nested, so each runs in linear time.
 */
public final class Catalog {

    /** A JSON error field ({@code error}, {@code message} next to {@code "status":"error"}, …) that no signature names. */
    public static final String JSON_ERROR = "json_error";

    /** A GraphQL {@code errors[]} entry that no signature names. */
    public static final String GRAPHQL_ERROR = "graphql_error";

    private static final List<Signature> BUILT_IN = List.of(
            // Spring Boot, ASP.NET, Tomcat, Express default pages.
            text("framework_error_page", "Whitelabel Error Page"),
            regex("framework_error_page", "\\bserver error in '[^']{1,200}' application\\b"),
            regex("framework_error_page", "\\bhttp status 5\\d\\d - "),
            // Express's whole page is "Cannot GET /path" under the title "Error": anchored, so prose never matches.
            regex("framework_error_page", "^(?:error )?cannot (?:get|post|put|patch|delete|head|options) /[^ ]*$"),
            regex("framework_error_page", "\\ban application error occurred on the server\\b"),

            // Exception dumps: Python, Java, PHP, Go.
            text("stack_trace", "Traceback (most recent call last)"),
            regex("stack_trace", "\\bat (?:[a-z_$][a-z0-9_$]*\\.){2,}[a-z0-9_$<>]+\\([a-z0-9_$]+\\.(?:java|kt|scala|groovy):\\d+\\)"),
            regex("stack_trace", "\\bexception in thread \""),
            regex("stack_trace", "\\b(?:php )?(?:fatal|parse) error: .{1,300}? on line \\d+"),
            regex("stack_trace", "\\bfatal error: uncaught "),
            regex("stack_trace", "\\bgoroutine \\d+ \\[running\\]:"),

            text("database_error", "Error establishing a database connection"),
            regex("database_error", "\\bsqlstate\\[[0-9a-z]{5}\\]"),
            regex("database_error", "\\b(?:could not|couldn't|unable to|cannot|can't|failed to) connect to (?:the )?"
                    + "(?:database|mysql|postgres|postgresql|mongodb|redis)\\b"),

            // Cloudflare, CloudFront, Akamai, Varnish, Fastly, Azure Front Door.
            regex("cdn_error", "\\berror(?: code)?:? 5(?:2\\d|30)\\b"),
            text("cdn_error", "Web server is down"),
            text("cdn_error", "Web server is returning an unknown error"),
            text("cdn_error", "The request could not be satisfied"),
            text("cdn_error", "An error occurred while processing your request"),
            regex("cdn_error", "\\breference #\\d{1,3}\\.[0-9a-f]{4,16}\\.\\d{6,12}\\.[0-9a-f]{4,16}\\b"),
            text("cdn_error", "Guru Meditation"),
            text("cdn_error", "Backend fetch failed"),
            regex("cdn_error", "\\bfastly error: "),
            text("cdn_error", "Our services aren't available right now"),

            // Service meshes, gateways and routers with no healthy backend behind them.
            text("upstream_error", "upstream connect error or disconnect/reset before headers"),
            text("upstream_error", "no healthy upstream"),
            text("upstream_error", "No server is available to handle this request"),
            regex("upstream_error", "^no available server$"),
            text("upstream_error", "Application is not available"),
            text("upstream_error", "An invalid response was received from the upstream server"),
            text("upstream_error", "failure to get a peer from the ring-balancer"),

            regex("bad_gateway", "\\bbad gateway\\b"),
            regex("bad_gateway", "\\berror:? 502\\b"),
            text("bad_gateway", "The proxy server received an invalid response from an upstream server"),
            text("bad_gateway", "received an invalid response while acting as a gateway or proxy server"),

            regex("gateway_timeout", "\\bgateway time-?out\\b"),
            regex("gateway_timeout", "\\berror:? 504\\b"),
            text("gateway_timeout", "upstream request timeout"),
            text("gateway_timeout", "The proxy server did not receive a timely response from the upstream server"),

            regex("service_unavailable", "\\bservice (?:is )?(?:temporarily |currently )?unavailable\\b"),
            regex("service_unavailable", "\\berror:? 503\\b"),
            text("service_unavailable", "The server is temporarily unable to service your request"),
            regex("service_unavailable", "\\b(?:site|website|server|service) is (?:currently |temporarily )?(?:unavailable|down|offline)\\b"),

            // Not bare "scheduled maintenance": healthy sites and status pages announce upcoming windows.
            regex("maintenance", "\\b(?:down|offline|closed|unavailable) for (?:some )?(?:scheduled |planned |routine |essential )?maintenance\\b"),
            regex("maintenance", "\\b(?:under|undergoing|performing|doing) (?:some )?(?:scheduled |planned |routine |essential )?maintenance\\b"),
            regex("maintenance", "\\bscheduled maintenance (?:is )?(?:in progress|underway)\\b"),
            regex("maintenance", "\\bwe(?:'ll| will) be (?:back|up|online)(?: and running)?(?: online| up)? (?:soon|shortly)\\b"),
            regex("maintenance", "\\bwe(?:'ll| will) be right back\\b"),

            // Heroku, Rails and Next.js pages: the platform's own words for "the app crashed".
            regex("application_error", "^application error$"), // Heroku's page: the title over an iframe, nothing else
            text("application_error", "An error occurred in the application and your page could not be served"),
            text("application_error", "We're sorry, but something went wrong"),
            regex("application_error", "\\bapplication error: a (?:client|server)-side exception has occurred\\b"),

            regex("internal_server_error", "\\binternal server error\\b"),
            text("internal_server_error", "The server encountered an internal error"),
            regex("internal_server_error", "\\bserver error \\(500\\)"),
            regex("internal_server_error", "\\berror:? 500\\b"),
            regex("internal_server_error", "\\b50[0-4]\\. that's an error\\b"),

            regex("rate_limited", "\\btoo many requests\\b"),
            regex("rate_limited", "\\brate limit exceeded\\b"),

            regex("something_went_wrong", "\\bsomething went wrong\\b"),
            regex("something_went_wrong", "\\bsomething(?:'s| has| had| seems to have)? gone wrong\\b"),
            regex("something_went_wrong", "\\bsomething (?:unexpected|bad) (?:happened|went wrong)\\b"),

            // Not a bare "an error occurred": help pages say that too; the banner tells the user what to do next.
            regex("error_occurred", "\\berror (?:has |had )?occurr?ed\\b.{0,120}?\\b(?:try again|retry|try later|refresh|reload)\\b"),
            regex("error_occurred", "\\b(?:sorry|oops|whoops)[,.!]* (?:an? )?(?:unexpected |unknown )?error (?:has )?occurr?ed\\b"),
            regex("error_occurred", "\\bthere (?:was|has been) (?:a problem|an error|an issue) "
                    + "(?:loading|processing|connecting|fetching|completing|with your request)\\b"),

            regex("unexpected_error", "\\bunexpected error\\b"),

            regex("technical_difficulties", "\\btechnical (?:difficulties|difficulty)\\b"),
            regex("technical_difficulties", "\\bwe(?:'re| are|'ve been| have been| seem to be)(?: currently)? (?:having|experiencing|facing) "
                    + "(?:some )?(?:technical )?(?:trouble|difficulties|issues|problems)\\b"),
            regex("technical_difficulties", "\\b(?:is|are) (?:currently )?experiencing (?:an? )?(?:technical )?"
                    + "(?:difficulties|issues|problems|outage|service disruption)\\b"),

            regex("try_again_later", "\\btry again later\\b"),
            regex("try_again_later", "\\btry again in (?:a few|a couple of|a|some|\\d+) (?:minutes?|moments?|seconds?|hours?|while|bit)\\b"),
            regex("try_again_later", "\\bretry later\\b"),
            regex("try_again_later", "\\bcheck your (?:internet |network )?connection and try again\\b"));

    private static final Set<String> IDS = collectIds();

    private Catalog() {}

    /** The built-in signatures, in the order they are tried; several may share an id. */
    public static List<Signature> builtIn() {
        return BUILT_IN;
    }

    /**
     * Every signature id the detector can report for the built-in catalog, in catalog order, including
     * {@link #JSON_ERROR} and {@link #GRAPHQL_ERROR}: the agent creates their counters at zero up front.
     */
    public static Set<String> ids() {
        return IDS;
    }

    private static Set<String> collectIds() {
        Set<String> ids = new LinkedHashSet<>();
        BUILT_IN.forEach(s -> ids.add(s.id()));
        ids.add(JSON_ERROR);
        ids.add(GRAPHQL_ERROR);
        return Collections.unmodifiableSet(ids);
    }

    private static Signature text(String id, String text) {
        return new Signature.Text(id, text);
    }

    private static Signature regex(String id, String regex) {
        return new Signature.Regex(id, Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }
}
