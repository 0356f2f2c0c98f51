package io.uxprobe.agent.web;

import io.uxprobe.probes.files.SmallFile;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads a web config file in the format of Prometheus's {@code --web.config.file} and checks all of it — keys,
 * bcrypt hashes, headers, certificates and keys — before the server starts. The first problem is thrown as a
 * {@link WebConfigException} naming the file, the place or setting, and what was expected.
 */
public final class WebConfigLoader {

    private static final YAMLFactory YAML = YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final ObjectMapper MAPPER = new ObjectMapper(YAML)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** Set by the server itself: a config that sets them would break responses or the login challenge. */
    private static final Set<String> SERVER_HEADERS = Set.of(
            "content-length", "content-type", "content-encoding", "transfer-encoding", "connection", "date", "www-authenticate");
    /** The headers whose values Prometheus checks, with the values it allows. */
    private static final Map<String, List<String>> HEADER_VALUES = Map.of(
            "x-content-type-options", List.of("nosniff"),
            "x-frame-options", List.of("deny", "sameorigin"));

    /** What a setting holds, where saying only "a mapping" would leave the reader guessing. */
    private static final Map<String, String> EXPECTED = Map.of(
            "basic_auth_users", "a mapping of user name to bcrypt hash",
            "http_server_config.headers", "a mapping of header name to value");

    private WebConfigLoader() {}

    /** Loads {@code file}; an empty file (or one of only comments) turns nothing on, as in Prometheus. */
    public static WebConfig load(Path file) throws WebConfigException {
        String text = read(file);
        SettingPositions settings = SettingPositions.scan(file, text, YAML);
        WebConfigFile raw = parse(settings, text);
        if (raw.rateLimit() != null) {
            throw settings.problem("rate_limit", "not supported by uxprobe; limit requests in front of the agent if you need to");
        }
        Map<String, String> users = users(settings, raw.basicAuthUsers());
        Map<String, String> headers = headers(settings, raw.http());
        Optional<ServerTls> tls = new TlsSettingsReader(settings).read(raw.tls());

        return new WebConfig(Optional.of(file), tls.map(ServerTls::configurator),
                users.isEmpty() ? Optional.empty() : Optional.of(new BasicAuth(users)), headers, describe(tls, users, headers));
    }

    /** {@code TLS (TLSv1.2, TLSv1.3), basic auth (2 users), headers X-Frame-Options}: for the startup log. */
    private static String describe(Optional<ServerTls> tls, Map<String, String> users, Map<String, String> headers) {
        List<String> parts = new ArrayList<>();
        tls.ifPresentOrElse(t -> parts.add("TLS (" + String.join(", ", t.protocols())
                        + (t.clientAuth() == ServerTls.ClientAuth.NO_CLIENT_CERT ? "" : "; client certificates: " + t.clientAuth().configName) + ")"),
                () -> parts.add("plain HTTP"));
        parts.add(users.isEmpty() ? "no basic auth" : "basic auth (" + users.size() + (users.size() == 1 ? " user)" : " users)"));
        if (!headers.isEmpty()) parts.add("headers " + String.join(", ", headers.keySet()));
        return String.join(", ", parts);
    }

    private static String read(Path file) throws WebConfigException {
        try {
            return SmallFile.readUtf8(file, SmallFile.MAX_BYTES);
        } catch (NoSuchFileException e) {
            throw new WebConfigException(file, "no such file");
        } catch (SmallFile.Refused e) {
            throw new WebConfigException(file, e.getMessage());
        } catch (IOException e) {
            if (SmallFile.notUtf8(e)) throw new WebConfigException(file, "the file is not UTF-8 text");
            throw new WebConfigException(file, "cannot read the file: " + e.getMessage());
        }
    }

    private static WebConfigFile parse(SettingPositions settings, String text) throws WebConfigException {
        try (JsonParser parser = MAPPER.createParser(text)) {
            if (parser.nextToken() == null) return new WebConfigFile(null, null, null, null);
            WebConfigFile raw = MAPPER.readValue(parser, WebConfigFile.class);
            return raw == null ? new WebConfigFile(null, null, null, null) : raw;
        } catch (JsonProcessingException e) {
            throw parseProblem(settings, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading from a String does not fail
        }
    }

    private static WebConfigException parseProblem(SettingPositions settings, JsonProcessingException e) {
        JsonLocation l = e.getLocation();
        int line = l == null ? 0 : l.getLineNr();
        int column = l == null ? 0 : l.getColumnNr();
        String message;
        if (e instanceof UnrecognizedPropertyException u) {
            String where = path(u.getPath().subList(0, u.getPath().size() - 1));
            String problem = "unknown key '" + u.getPropertyName() + "'" + (where.isEmpty() ? " at the top level" : "")
                    + "; expected one of: " + String.join(", ", keys(u.getReferringClass()));
            return settings.problem(path(u.getPath()), where, problem);
        } else if (e instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
            String where = path(m.getPath());
            return settings.problem(where, "expected " + EXPECTED.getOrDefault(where, shape(m.getTargetType())));
        } else if (e instanceof MismatchedInputException m) {
            message = "expected " + shape(m.getTargetType());
        } else if (e instanceof JsonMappingException m) {
            message = path(m.getPath()) + ": " + m.getOriginalMessage();
        } else if (e.getCause() instanceof MarkedYAMLException yaml) {
            // snakeyaml's mark is where the problem is; Jackson's location can be the end of the last good token
            if (yaml.getProblemMark() != null) {
                line = yaml.getProblemMark().getLine() + 1;
                column = yaml.getProblemMark().getColumn() + 1;
            }
            message = "invalid YAML: " + yaml.getProblem();
        } else if (e.getOriginalMessage().startsWith("Duplicate field ")) {
            if (e.getProcessor() instanceof JsonParser p) { // point at the key, not past it
                line = p.currentTokenLocation().getLineNr();
                column = p.currentTokenLocation().getColumnNr();
            }
            message = "duplicate key " + e.getOriginalMessage().substring("Duplicate field ".length());
        } else {
            message = "invalid YAML: " + e.getOriginalMessage();
        }
        return new WebConfigException(settings.file(), line, column, message);
    }

    /** {@code tls_server_config.cipher_suites[2]}: the setting a Jackson path points at, as the file spells it. */
    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder s = new StringBuilder();
        for (JsonMappingException.Reference r : references) {
            if (r.getFieldName() != null) {
                s.append(s.isEmpty() ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                s.append('[').append(r.getIndex()).append(']');
            }
        }
        return s.toString();
    }

    /** The keys a section may have, in the order {@link WebConfigFile} lists them. */
    private static List<String> keys(Class<?> section) {
        RecordComponent[] components = section.getRecordComponents();
        if (components == null) return List.of();
        return Arrays.stream(components).map(c -> c.getAccessor().getAnnotation(JsonProperty.class).value()).toList();
    }

    private static String shape(Class<?> type) {
        if (type == null) return "another kind of value";
        if (type == WebConfigFile.class) return "a mapping with some of: " + String.join(", ", keys(type).subList(0, 3));
        if (type.isRecord() || Map.class.isAssignableFrom(type)) return "a mapping";
        if (List.class.isAssignableFrom(type)) return "a list";
        if (type == Boolean.class || type == boolean.class) return "true or false";
        if (type == String.class) return "a single value";
        return "a " + type.getSimpleName();
    }

    private static Map<String, String> users(SettingPositions settings, Map<String, String> users) throws WebConfigException {
        if (users == null) return Map.of();
        for (Map.Entry<String, String> user : users.entrySet()) {
            String setting = "basic_auth_users." + user.getKey();
            if (user.getKey().contains(":")) {
                throw settings.problem(setting, "a user name cannot contain ':': basic auth splits user and password there");
            }
            if (user.getValue() == null || user.getValue().isBlank()) {
                throw settings.problem(setting, "needs a bcrypt hash of the password (make one with: htpasswd -nBC 10 \"\" | tr -d ':\\n')");
            }
            Optional<String> problem = BasicAuth.checkHash(user.getValue());
            if (problem.isPresent()) throw settings.problem(setting, problem.get());
        }
        return users;
    }

    private static Map<String, String> headers(SettingPositions settings, WebConfigFile.Http http) throws WebConfigException {
        if (http == null || http.headers() == null) return Map.of();
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map.Entry<String, String> header : http.headers().entrySet()) {
            String name = header.getKey();
            String value = header.getValue();
            String setting = "http_server_config.headers." + name;
            String lower = name.toLowerCase(Locale.ROOT);
            if (!name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
                throw settings.problem(setting, "not a valid HTTP header name");
            }
            if (SERVER_HEADERS.contains(lower)) {
                throw settings.problem(setting, "this header is set by the server itself and cannot be configured");
            }
            if (value == null || value.isBlank()) throw settings.problem(setting, "needs a value");
            if (value.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
                throw settings.problem(setting, "the value holds a line break or other control character");
            }
            List<String> allowed = HEADER_VALUES.get(lower);
            if (allowed != null && !allowed.contains(value)) {
                throw settings.problem(setting, "invalid value '" + value + "'; expected one of: "
                        + allowed.stream().collect(Collectors.joining(", ")) + " (as Prometheus allows)");
            }
            headers.put(name, value);
        }
        return headers;
    }
}
