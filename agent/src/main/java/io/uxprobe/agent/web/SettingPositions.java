package io.uxprobe.agent.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each setting of a web config file is written, by dotted path ({@code tls_server_config.key_file},
 * {@code basic_auth_users.alice}), so a problem found after parsing still points at its line and column.
 */
final class SettingPositions {

    private final Path file;
    private final Map<String, JsonLocation> keys = new HashMap<>();

    private SettingPositions(Path file) {
        this.file = file;
    }

    /** The keys of {@code text}; a YAML error stops the scan, since the real parse reports it. */
    static SettingPositions scan(Path file, String text, JsonFactory yaml) {
        SettingPositions settings = new SettingPositions(file);
        try (JsonParser parser = yaml.createParser(text)) {
            if (parser.nextToken() != null) settings.value(parser, "");
        } catch (IOException e) {
            // keep the keys seen so far
        }
        return settings;
    }

    private void value(JsonParser parser, String path) throws IOException {
        if (parser.currentToken() == JsonToken.START_OBJECT) {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = path.isEmpty() ? parser.currentName() : path + "." + parser.currentName();
                keys.putIfAbsent(key, parser.currentTokenLocation());
                parser.nextToken();
                value(parser, key);
            }
        } else if (parser.currentToken() == JsonToken.START_ARRAY) {
            for (int i = 0; parser.nextToken() != JsonToken.END_ARRAY; i++) value(parser, path + "[" + i + "]");
        }
    }

    Path file() {
        return file;
    }

    /** {@code file:line:column: setting: problem}, at the setting or, if it is not written, the nearest section that is. */
    WebConfigException problem(String setting, String problem) {
        return problem(setting, setting, problem);
    }

    /** A problem placed at the key {@code at} and told as one with {@code setting}: {@code file:3:3: setting: problem}. */
    WebConfigException problem(String at, String setting, String problem) {
        String message = setting.isEmpty() ? problem : setting + ": " + problem;
        for (String s = at; !s.isEmpty(); s = parent(s)) {
            JsonLocation l = keys.get(s);
            if (l != null) return new WebConfigException(file, l.getLineNr(), l.getColumnNr(), message);
        }
        return new WebConfigException(file, message);
    }

    private static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.endsWith("]") ? path.lastIndexOf('[') : -1);
        return cut < 0 ? "" : path.substring(0, cut);
    }
}
