package io.uxprobe.probes.errors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** In JSON, only the fields a client would surface to its user are messages. */
class JsonErrorFieldsTest {

    private final ErrorDetector detector = ErrorDetector.catalogOnly();

    @Test
    void aSoft200ErrorObjectIsNamedByTheCatalog() {
        var match = detector.detect("application/json", """
                {"error": {"code": "E_UPSTREAM", "message": "Something went wrong. Try again."}}""");

        assertThat(match).map(Samples::named).hasValue(Samples.named("something_went_wrong", "Something went wrong. Try again."));
    }

    @Test
    void aGraphqlErrorNoSignatureNamesIsAGraphqlError() {
        var match = detector.detect("application/graphql-response+json", """
                {"data": null, "errors": [{"message": "Cannot query field \\"tracks\\" on type \\"Query\\".", "locations": [{"line": 1, "column": 3}]}]}""");

        assertThat(match).map(Samples::named).hasValue(Samples.named("graphql_error", "Cannot query field \"tracks\" on type \"Query\"."));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            error string                 | {"error": "Track not available"}                                        | json_error          | Track not available
            error true                   | {"error": true}                                                         | json_error          | error: true
            error object without message | {"error": {"code": 42}}                                                 | json_error          | {"code":42}
            message next to status error | {"status": "error", "message": "Service temporarily unavailable"}       | service_unavailable | Service temporarily unavailable
            message next to success false| {"success": false, "message": "Card declined"}                          | json_error          | Card declined
            message next to ok false     | {"ok": false, "message": "Session expired"}                             | json_error          | Session expired
            oauth error                  | {"error": "invalid_grant", "error_description": "Bad credentials"}      | json_error          | invalid_grant; Bad credentials
            apigee fault                 | {"fault": {"faultstring": "Gateway Timeout", "detail": {"errorcode": "x"}}} | gateway_timeout | Gateway Timeout
            validation errors object     | {"errors": {"email": ["is invalid"]}}                                   | json_error          | {"email":["is invalid"]}
            graphql several errors       | {"errors": [{"message": "A"}, {"message": "B"}], "data": {"me": null}}  | graphql_error       | A; B
            cut off at the capture limit | {"error": "Upstream failed", "data": {"tracks": [1, 2,                   | json_error          | Upstream failed
            """)
    void errorFieldsAClientWouldShowAreErrors(String what, String json, String signature, String snippet) {
        assertThat(detector.detect("application/json", json)).map(Samples::named).hasValue(Samples.named(signature, snippet));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"error\": null, \"data\": {\"track\": {\"id\": 42, \"title\": \"Something went wrong\"}}}",
        "{\"errors\": [], \"data\": {\"me\": {\"name\": \"x\"}}}",
        "{\"title\": \"Error\", \"artist\": \"x\"}",
        "{\"error\": \"\", \"error_code\": 0}",
        "{\"error\": false, \"message\": \"Track saved\"}",
        "{\"error\": {}, \"message\": \"ok\"}",
        "{\"message\": \"Something went wrong, said nobody\"}",
        "{\"items\": [{\"error\": null}, {\"error\": \"Something went wrong\"}], \"meta\": {\"errors\": [\"x\"]}}",
        "[{\"error\": \"Something went wrong\"}]",
        "{\"status\": \"ok\", \"message\": \"Internal server error count: 0\"}"
    })
    void ordinaryDataIsNotAnError(String json) {
        assertThat(detector.detect("application/json", json)).isEmpty();
    }

    @Test
    void problemJsonTitleAndDetailAreTheMessage() {
        String problem = """
                {"type": "about:blank", "title": "Service Unavailable", "status": 503, "detail": "Catalog is warming up"}""";

        assertThat(detector.detect("application/problem+json", problem))
                .map(Samples::named).hasValue(Samples.named("service_unavailable", "Service Unavailable; Catalog is warming up"));
    }

    @Test
    void aNamespacedErrorFieldIsReadAsItsName() {
        String odata = """
                {"odata.error": {"code": "-2147024860, Microsoft.SharePoint.SPQueryThrottledException", "message": {"lang": "en-US", \
                "value": "The attempted operation is prohibited because it exceeds the list view threshold."}}}""";

        assertThat(detector.detect("application/json", odata)).map(Samples::named)
                .hasValue(Samples.named("json_error", "The attempted operation is prohibited because it exceeds the list view threshold."));
        assertThat(detector.detect("application/json", "{\"odata.count\": 2, \"value\": [{\"Title\": \"Error\"}]}")).isEmpty();
    }

    @Test
    void anAnswerInNestedEnvelopesIsReadWhereItSitsAndItsStatusFlagsIt() {
        String nested = """
                {"response": {"header": {"status": "ERROR", "result": {"code": "E5001", "message": "Payment could not be completed"}}, "body": null}}""";

        assertThat(detector.detect("application/json", nested)).map(Samples::named)
                .hasValue(Samples.named("json_error", "Payment could not be completed"));
        assertThat(detector.detect("application/json", """
                {"response": {"header": {"status": "OK", "result": {"code": "S0000", "message": "Payment completed"}}}}""")).isEmpty();
    }

    @Test
    void frameworksOwnErrorShapesAreErrors() {
        // FastAPI's and Django REST's lone detail, problem+json's shape under application/json (Javalin), a negative code (Binance)
        assertThat(detector.detect("application/json", "{\"detail\": \"Inventory service is temporarily unavailable. Please try again later.\"}"))
                .map(ErrorMatch::signature).hasValue("service_unavailable");
        assertThat(detector.detect("application/json", "{\"title\": \"Endpoint GET /api/v2/labels not found\", \"status\": 404, \"type\": \"https://javalin.io\"}"))
                .map(Samples::named).hasValue(Samples.named("json_error", "Endpoint GET /api/v2/labels not found"));
        assertThat(detector.detect("application/json", "{\"code\": -1003, \"msg\": \"Too much request weight used; current limit is 6000.\"}"))
                .map(ErrorMatch::signature).hasValue("json_error");
        assertThat(detector.detect("application/json", "{\"code\": 0, \"msg\": \"success\", \"data\": {\"title\": \"Error\"}}")).isEmpty();
    }

    @Test
    void moreErrorShapesOfRealApis() {
        // an API gateway's fault, gRPC's status as JSON, a debug exception, a message keyed by language, a top-level list of errors
        assertThat(detector.detect("application/json", "{\"fault\": {\"code\": 101503, \"message\": \"Runtime Error\", \"description\": \"Error connecting to the back end\"}}"))
                .map(Samples::named).hasValue(Samples.named("json_error", "Runtime Error"));
        assertThat(detector.detect("application/json", "{\"code\": 14, \"message\": \"connection error: connect: connection refused\", \"details\": []}"))
                .map(ErrorMatch::signature).isPresent();
        assertThat(detector.detect("application/json", "{\"code\": 0, \"message\": \"OK\", \"details\": []}")).isEmpty();
        assertThat(detector.detect("application/json", "{\"exception\": \"pymysql.err.OperationalError: (2013, 'Lost connection to MySQL server during query')\"}"))
                .map(ErrorMatch::signature).hasValue("database_error");
        assertThat(detector.detect("application/json", """
                {"response": {"status": {"error": {"errorCode": "SRV-503", "message": {"en": "The service is temporarily unavailable.", "ar": "الخدمة غير متاحة مؤقتاً."}}}, "data": null}}"""))
                .map(Samples::named).hasValue(Samples.named("service_unavailable", "The service is temporarily unavailable."));
        assertThat(detector.detect("application/json", "[{\"message\": \"Session expired or invalid\", \"errorCode\": \"INVALID_SESSION_ID\"}]"))
                .map(Samples::named).hasValue(Samples.named("json_error", "Session expired or invalid"));
        assertThat(detector.detect("application/json", "{\"status\": false, \"httpstatus\": 200, \"messages\": [\"系统忙，请稍后重试\"]}"))
                .map(ErrorMatch::signature).isPresent();
        assertThat(detector.detect("application/json", "[{\"id\": 1, \"message\": \"Your order shipped\", \"code\": \"SHIPPED\", \"at\": 1, \"by\": 2}]")).isEmpty();
    }

    @Test
    void fieldNamesAreReadWhateverTheirCaseAndSeparators() {
        assertThat(detector.detect("application/json", "{\"isSuccessful\": false, \"resultCode\": \"TT-500\", \"resultMessage\": \"Beklenmeyen bir hata oluştu.\", \"data\": null}"))
                .map(ErrorMatch::signature).isPresent();
        assertThat(detector.detect("application/json", """
                {"ResponseStatus": {"Ack": "Failure", "Errors": [{"Message": "System busy", "ErrorCode": "10001"}]}, "data": null}"""))
                .map(Samples::named).hasValue(Samples.named("json_error", "System busy"));
        assertThat(detector.detect("application/json", """
                {"meta": {"requestId": "b6f1"}, "result": {"departures": null, "status": {"error": {"returnCode": "ERROR_COMM", "errorText": "Departures could not be fetched in time."}}}}"""))
                .map(Samples::named).hasValue(Samples.named("json_error", "Departures could not be fetched in time."));
        assertThat(detector.detect("application/json", "{\"title\": \"Serviço indisponível\", \"detail\": \"Tente novamente em alguns minutos.\", \"violacoes\": []}"))
                .map(ErrorMatch::signature).isPresent();
        assertThat(detector.detect("application/json", "{\"code\": 0, \"message\": \"Error in workflow\", \"stacktrace\": \"NodeApiError: x\\n    at run (a.js:1:1)\"}"))
                .map(Samples::named).hasValue(Samples.named("json_error", "Error in workflow"));
        assertThat(detector.detect("application/json", "{\"IsSuccessful\": true, \"ResultMessage\": \"Saved\"}")).isEmpty();
    }

    @Test
    void anAnswerThatSaysItFailedHasItsErrorFoundBelow() {
        String failed = """
                {"success": false, "requestId": "b7e2", "payload": {"search": {"error": {"code": "SEARCH_UPSTREAM_TIMEOUT", \
                "message": "Die Suche ist vorübergehend nicht verfügbar."}, "results": []}}}""";
        String meta = """
                {"data": null, "meta": {"response": {"error": {"code": "SERVICE_BUSY", "message": "Our servers are taking a nap."}}}}""";

        assertThat(detector.detect("application/json", failed)).map(Samples::named)
                .hasValue(Samples.named("json_error", "Die Suche ist vorübergehend nicht verfügbar."));
        assertThat(detector.detect("application/json", meta)).map(Samples::named).hasValue(Samples.named("json_error", "Our servers are taking a nap."));
        assertThat(detector.detect("application/json", "{\"success\": true, \"payload\": {\"error\": {\"message\": \"x\"}}}")).isEmpty();
    }

    @Test
    void aJsonObjectWithoutContentTypeIsReadAsJson() {
        assertThat(detector.detect("", "{\"error\": \"Too many requests, slow down\"}"))
                .map(ErrorMatch::signature).hasValue("rate_limited");
        assertThat(detector.detect("", "{\"title\": \"Something went wrong\", \"artist\": \"x\"}")).isEmpty();
    }

    @Test
    void anHtmlErrorPageBehindAJsonContentTypeIsStillSeen() {
        assertThat(detector.detect("application/json", Samples.read("nginx-502.html")))
                .map(ErrorMatch::signature).hasValue("bad_gateway");
        assertThat(detector.detect("application/json", "Internal Server Error"))
                .map(ErrorMatch::signature).hasValue("internal_server_error");
    }
}
