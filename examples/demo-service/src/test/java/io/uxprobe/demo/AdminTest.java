package io.uxprobe.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AdminTest {

    private static DemoService demo;
    private static String eu;
    private static String us;

    @BeforeAll
    static void start() throws IOException {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("eu-west", 0);
        ports.put("us-east", 0);
        demo = DemoService.start(ports);
        eu = demo.baseUrl("eu-west");
        us = demo.baseUrl("us-east");
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    @AfterEach
    void heal() {
        demo.regions().forEach(r -> demo.outage(r, Outage.NONE));
    }

    @Test
    void getListsEveryRegionsModeInRegionOrder() {
        demo.outage("us-east", Outage.SLOW);
        Http.Answer a = Http.get(eu + "/admin/outage");
        assertThat(a.code()).isEqualTo(200);
        assertThat(a.contentType()).isEqualTo("application/json");
        assertThat(a.body()).isEqualTo("{\"eu-west\":\"none\",\"us-east\":\"slow\"}");
    }

    @Test
    void postSwitchesThePortsOwnRegionByDefault() {
        Http.Answer a = Http.post(us + "/admin/outage?mode=soft_json");
        assertThat(a.code()).isEqualTo(200);
        assertThat(a.body()).isEqualTo("{\"eu-west\":\"none\",\"us-east\":\"soft_json\"}");
        assertThat(demo.outage("us-east")).isEqualTo(Outage.SOFT_JSON);
    }

    @Test
    void postSwitchesAnyRegionFromAnyPortAndNoneHeals() {
        Http.post(us + "/admin/outage?region=eu-west&mode=gateway_503");
        assertThat(Http.get(eu + "/api/search?q=jazz").code()).isEqualTo(503);

        Http.post(us + "/admin/outage?region=eu-west&mode=none");
        assertThat(Http.get(eu + "/api/search?q=jazz").code()).isEqualTo(200);
    }

    @Test
    void theAdminEndpointWorksInTheRegionItBroke() {
        Http.post(eu + "/admin/outage?mode=reset");
        assertThat(Http.post(eu + "/admin/outage?mode=none").code()).isEqualTo(200);
        assertThat(Http.get(eu + "/api/search?q=jazz").code()).isEqualTo(200);
    }

    @Test
    void badRequestsSayWhatToDo() {
        Http.Answer noMode = Http.post(eu + "/admin/outage");
        assertThat(noMode.code()).isEqualTo(400);
        assertThat(noMode.body()).contains("mode=none|soft_html|");

        Http.Answer badMode = Http.post(eu + "/admin/outage?mode=broken");
        assertThat(badMode.code()).isEqualTo(400);
        assertThat(badMode.body()).contains("unknown outage mode 'broken': use one of none, soft_html, soft_json, graphql, gateway_503, slow, reset, stall, empty_search");

        Http.Answer badRegion = Http.post(eu + "/admin/outage?region=mars&mode=slow");
        assertThat(badRegion.code()).isEqualTo(400);
        assertThat(badRegion.body()).contains("Unknown region 'mars': the demo serves eu-west, us-east.");

        assertThat(Http.get(eu + "/admin/other").code()).isEqualTo(404);
        assertThat(demo.outages()).containsOnly(Map.entry("eu-west", Outage.NONE), Map.entry("us-east", Outage.NONE));
    }

    @Test
    void theJavaApiRejectsUnknownRegions() {
        assertThatThrownBy(() -> demo.outage("mars", Outage.SLOW)).hasMessage("unknown region 'mars': the demo serves eu-west, us-east");
        assertThatThrownBy(() -> demo.port("mars")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void modesParseFromTheirIds() {
        assertThat(Outage.parse("soft_html")).isEqualTo(Outage.SOFT_HTML);
        assertThat(Outage.parse("GATEWAY_503")).isEqualTo(Outage.GATEWAY_503);
        assertThat(Outage.EMPTY_SEARCH.id()).isEqualTo("empty_search");
    }
}
