package io.uxprobe.probes.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/** A secret is masked in every form it takes on the wire, as a server may echo it back. */
class RedactorTest {

    static final String SECRET = "S3cr3t+V@l/ue \"q\" & 100% €\\ 😀";

    final Redactor redactor = Redactor.of(List.of(SECRET));

    @Test
    void asIs() {
        assertThat(redactor.redact("pw=" + SECRET + ".")).isEqualTo("pw=***.");
    }

    @Test
    void queryParameterAsOkHttpEncodesIt() {
        HttpUrl url = HttpUrl.get("https://example.com/").newBuilder().addQueryParameter("pw", SECRET).build();
        String echoed = "GET " + url.encodedPath() + "?" + url.encodedQuery();
        assertThat(echoed).doesNotContain(SECRET);
        assertThat(redactor.redact(echoed)).isEqualTo("GET /?pw=***");
    }

    @Test
    void formFieldAsOkHttpEncodesIt() throws Exception {
        Buffer body = new Buffer();
        new FormBody.Builder(StandardCharsets.UTF_8).add("pw", SECRET).add("next", "1").build().writeTo(body);
        assertThat(redactor.redact(body.readUtf8())).isEqualTo("pw=***&next=1");
    }

    @Test
    void formEncodingWithPlusForSpaceAndLowerCaseHex() {
        String plus = URLEncoder.encode(SECRET, StandardCharsets.UTF_8);
        assertThat(plus).contains("+");
        assertThat(redactor.redact("pw=" + plus)).isEqualTo("pw=***");
        assertThat(redactor.redact("pw=" + plus.replace("%E2%82%AC", "%e2%82%ac"))).isEqualTo("pw=***");
        // a client that encodes only what it must: a mix of raw and encoded characters
        assertThat(redactor.redact("pw=" + SECRET.replace("@", "%40").replace(" ", "%20"))).isEqualTo("pw=***");
    }

    @Test
    void userInfoAsOkHttpEncodesIt() {
        HttpUrl url = HttpUrl.get("https://example.com/").newBuilder().username("probe").password(SECRET).build();
        assertThat(url.toString()).doesNotContain(SECRET);
        assertThat(redactor.redact(url.toString())).isEqualTo("https://probe:***@example.com/");
    }

    @Test
    void jsonEscapedAsJacksonWritesIt() throws Exception {
        ObjectMapper json = new ObjectMapper();
        String plain = json.writeValueAsString(java.util.Map.of("pw", SECRET));
        assertThat(plain).doesNotContain(SECRET);
        assertThat(redactor.redact(plain)).isEqualTo("{\"pw\":\"***\"}");
        ObjectMapper ascii = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
        String escaped = ascii.writeValueAsString(java.util.Map.of("pw", SECRET));
        assertThat(escaped).contains("\\u20AC", "\\uD83D\\uDE00");
        assertThat(redactor.redact(escaped)).isEqualTo("{\"pw\":\"***\"}");
        assertThat(redactor.redact(escaped.replace("/", "\\/").replace("\\u20AC", "\\u20ac")))
                .as("an escaped slash, lower-case hex").isEqualTo("{\"pw\":\"***\"}");
    }

    @Test
    void whitespaceFoldedOrChanged() {
        Redactor spaced = Redactor.of(List.of("correct  horse\tbattery"));
        assertThat(spaced.redact("said correct horse battery staple")).isEqualTo("said *** staple");
        assertThat(spaced.redact("said correct\n\n  horse   battery staple")).isEqualTo("said *** staple");
        assertThat(spaced.redact("q=correct+horse%20battery")).isEqualTo("q=***");
        assertThat(spaced.redact("{\"q\":\"correct\\n horse\\tbattery\"}")).isEqualTo("{\"q\":\"***\"}");
        assertThat(spaced.redact("correcthorsebattery")).as("a space is part of the secret").isEqualTo("correcthorsebattery");
        assertThat(Redactor.of(List.of("  padded\n")).redact("x padded y")).isEqualTo("x *** y");
    }

    @Test
    void longestSecretMaskedWhole() {
        Redactor r = Redactor.of(List.of("abc", "abcdef"));
        assertThat(r.redact("xabcdefx abcx")).isEqualTo("x***x ***x");
    }

    @Test
    void textWithoutSecretsIsReturnedAsIs() {
        String text = "nothing to see % \\ + here";
        assertThat(redactor.redact(text)).isSameAs(text);
        assertThat(redactor.finds(text)).isFalse();
        assertThat(redactor.finds("x" + URLEncoder.encode(SECRET, StandardCharsets.UTF_8))).isTrue();
        assertThat(Redactor.of(List.of(" ", "")).redact("a b")).as("blank secrets hide nothing").isEqualTo("a b");
    }

    @Test
    void andAddsSecrets() {
        Redactor more = redactor.and(Set.of("tok-1"));
        assertThat(more.redact("tok-1 " + SECRET)).isEqualTo("*** ***");
        assertThat(more.and(Set.of("tok-1"))).isSameAs(more);
    }
}
