package io.uxprobe.probes.errors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** In XML, the error the answer carries is its message: a SOAP fault, S3's {@code <Error>}; an error among data is not. */
class XmlErrorFieldsTest {

    private final ErrorDetector detector = ErrorDetector.catalogOnly();

    @Test
    void aSoapFaultsFaultstringIsTheMessageAndItsDetailIsNot() {
        String fault = """
                <?xml version='1.0' encoding='utf-8'?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/">\
                <soapenv:Body><soapenv:Fault><faultcode>soapenv:Server</faultcode>\
                <faultstring>Exception occurred while trying to invoke service method getPolicyDetails</faultstring>\
                <detail><Exception>org.apache.axis2.AxisFault: Service Unavailable
                	at org.apache.axis2.AxisFault.makeFault(AxisFault.java:430)</Exception></detail>\
                </soapenv:Fault></soapenv:Body></soapenv:Envelope>""";

        var match = detector.read("text/xml", fault, io.uxprobe.probes.deadline.Deadline.none()).message();
        assertThat(match).map(Samples::named)
                .hasValue(Samples.named("xml_error", "Exception occurred while trying to invoke service method getPolicyDetails"));
        assertThat(match.orElseThrow().where()).isEqualTo("/Envelope/Body/Fault/faultstring");
    }

    @Test
    void aSoap12FaultsReasonIsTheMessage() {
        String fault = """
                <env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"><env:Body><env:Fault>\
                <env:Code><env:Value>env:Receiver</env:Value></env:Code>\
                <env:Reason><env:Text xml:lang="en">Service temporarily unavailable</env:Text></env:Reason>\
                </env:Fault></env:Body></env:Envelope>""";

        assertThat(detector.detect("application/soap+xml", fault)).map(Samples::named)
                .hasValue(Samples.named("service_unavailable", "Service temporarily unavailable"));
    }

    @Test
    void anS3ErrorsMessageIsTheMessage() {
        String s3 = """
                <?xml version="1.0" encoding="UTF-8"?>
                <Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message><RequestId>4442587FB7D0A2F9</RequestId></Error>""";

        assertThat(detector.detect("application/xml", s3)).map(Samples::named)
                .hasValue(Samples.named("rate_limited", "Slow Down: Please reduce your request rate."));
    }

    @Test
    void awsQueryApiErrorsInTheirEnvelopeAreMessages() {
        String ec2 = """
                <Response><Errors><Error><Code>RequestLimitExceeded</Code><Message>Request limit exceeded.</Message></Error></Errors>\
                <RequestID>ea966190-f9aa-478e-9ede-example</RequestID></Response>""";
        String sts = """
                <ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>ExpiredToken</Code>\
                </Error><RequestId>1</RequestId></ErrorResponse>""";

        assertThat(detector.detect("text/xml", ec2)).map(Samples::named).hasValue(Samples.named("xml_error", "Request Limit Exceeded: Request limit exceeded."));
        assertThat(detector.detect("text/xml", sts)).map(Samples::named).hasValue(Samples.named("xml_error", "ExpiredToken"));
    }

    @Test
    void anErrorsCodeInWordsNamesItWhereItsMessageOnlyExplains() {
        String oss = "<Error><Code>AccessDenied</Code><Message>You have no right to access this object because of bill overdue.</Message></Error>";

        assertThat(detector.detect("application/xml", oss)).map(Samples::named)
                .hasValue(Samples.named("access_denied", "Access Denied: You have no right to access this object because of bill overdue."));
    }

    @Test
    void anXmlAnswerWithoutContentTypeIsReadAsXml() {
        assertThat(detector.detect("", "<?xml version=\"1.0\"?><Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>"))
                .map(ErrorMatch::signature).hasValue("access_denied");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // a feed whose items are about errors
        "<rss version=\"2.0\"><channel><title>Tunes</title><item><title>Internal Server Error</title></item>"
                + "<item><title>Error</title></item><item><title>Fault Lines</title></item><item><title>x</title></item></channel></rss>",
        // a status document that says there is none
        "<status><errors>0</errors><uptime>3600</uptime></status>",
        "<result><error/><items><item>1</item></items></result>",
        // a successful SOAP answer
        "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><GetTrackResponse><title>Fault</title>"
                + "</GetTrackResponse></soap:Body></soap:Envelope>"
    })
    void dataAboutErrorsIsNotAnError(String xml) {
        assertThat(detector.detect("application/xml", xml)).isEmpty();
    }

    @Test
    void anXmlAnswerWithoutAnErrorFieldIsReadAsTextWithoutItsMarkup() {
        assertThat(detector.detect("text/xml", "<message>Service Unavailable</message>")).map(ErrorMatch::signature).hasValue("service_unavailable");
    }
}
