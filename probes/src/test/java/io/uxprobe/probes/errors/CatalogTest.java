package io.uxprobe.probes.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CatalogTest {

    @Test
    void idsAreTheDocumentedStableLabels() {
        // These are Prometheus label values: changing or dropping one breaks users' dashboards and alerts; new ones are added.
        assertThat(Catalog.ids()).containsExactlyInAnyOrder(
                "framework_error_page", "stack_trace", "database_error", "cdn_error", "upstream_error",
                "bad_gateway", "gateway_timeout", "service_unavailable", "maintenance", "application_error",
                "internal_server_error", "rate_limited", "something_went_wrong", "error_occurred",
                "unexpected_error", "technical_difficulties", "try_again_later", "json_error", "graphql_error",
                // added with the corpus (issue 10)
                "access_denied", "page_not_found", "cant_play", "taking_too_long", "timed_out", "failed_to_load",
                "network_error", "try_refreshing", "alert_error",
                // added with XML answers
                "xml_error");
    }

    @Test
    void idsAreSnakeCaseAndLeaveTheDocsExampleIdsToUsers() {
        assertThat(Catalog.ids()).allMatch(id -> id.matches("[a-z][a-z0-9]*(_[a-z0-9]+)*"))
                .doesNotContain("try_again", "oops");
    }

    @Test
    void everyBuiltInRegexCompiles() {
        // the detector compiles a regex only when a page first could match it: a broken one must fail here, not on a page
        assertThat(Catalog.builtIn()).filteredOn(Catalog.Entry::regex)
                .allSatisfy(e -> assertThatCode(() -> Pattern.compile(e.phrase())).as(e.phrase()).doesNotThrowAnyException());
    }

    @Test
    void everyBuiltInSignatureUsesAListedId() {
        assertThat(Catalog.builtIn()).extracting(Catalog.Entry::id).allMatch(Catalog.ids()::contains);
    }
}
