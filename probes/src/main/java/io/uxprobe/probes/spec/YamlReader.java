package io.uxprobe.probes.spec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/** Reads YAML text into a {@link YamlNode} tree that remembers where each value was written. */
final class YamlReader {

    private static final YAMLFactory FACTORY = YAMLFactory.builder().build();

    private final Path file;
    private final String source;

    private YamlReader(Path file, String source) {
        this.file = file;
        this.source = source;
    }

    /** The document in {@code source}; fails on YAML syntax errors, duplicate keys, aliases and empty files. */
    static YamlNode read(Path file, String source) throws SpecException {
        return new YamlReader(file, source).document();
    }

    private YamlNode document() throws SpecException {
        try (JsonParser parser = FACTORY.createParser(source)) {
            JsonToken first = parser.nextToken();
            YamlNode root = first == null ? new YamlNode.Null(new Position(file, 1, 1)) : value(parser);
            if (root instanceof YamlNode.Null) {
                throw new SpecException(new Position(file, 1, 1), "the file is empty: expected a journeys: list");
            }
            if (parser.nextToken() != null) {
                throw new SpecException(position(parser), "a journey file holds one YAML document: remove the second '---' and what follows");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw syntaxError(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading from a String does not fail
        }
    }

    private YamlNode value(JsonParser parser) throws IOException, SpecException {
        Position at = position(parser);
        JsonToken token = parser.currentToken();
        if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            throw new SpecException(at, "aliases such as '*" + parser.getText() + "' are not supported: write the value out");
        }
        return switch (token) {
            case START_OBJECT -> mapping(parser, at);
            case START_ARRAY -> sequence(parser, at);
            case VALUE_NULL -> new YamlNode.Null(at);
            default -> scalar(parser, token, at);
        };
    }

    private YamlNode mapping(JsonParser parser, Position at) throws IOException, SpecException {
        List<YamlNode.Mapping.Entry> entries = new ArrayList<>();
        Map<String, Position> seen = new HashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            Position keyAt = position(parser);
            Position first = seen.putIfAbsent(key, keyAt);
            if (first != null) throw new SpecException(keyAt, "duplicate key '" + key + "' (first at " + first + ")");
            parser.nextToken();
            entries.add(new YamlNode.Mapping.Entry(key, keyAt, value(parser)));
        }
        return new YamlNode.Mapping(entries, at);
    }

    private YamlNode sequence(JsonParser parser, Position at) throws IOException, SpecException {
        List<YamlNode> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) items.add(value(parser));
        return new YamlNode.Sequence(items, at);
    }

    private YamlNode scalar(JsonParser parser, JsonToken token, Position at) throws IOException {
        String text = parser.getText();
        int offset = (int) parser.currentTokenLocation().getCharOffset();
        char first = offset >= 0 && offset < source.length() ? source.charAt(offset) : ' ';
        boolean quoted = first == '"' || first == '\'';
        // an empty plain value ("key:" with nothing after it) means null, as in YAML itself
        if (text.isEmpty() && !quoted) return new YamlNode.Null(at);
        int start = offset + (quoted ? 1 : 0);
        boolean verbatim = offset >= 0 && text.indexOf('\n') < 0 && source.startsWith(text, start);
        int textColumn = verbatim ? at.column() + (quoted ? 1 : 0) : 0;
        return new YamlNode.Scalar(text, token, quoted, textColumn, at);
    }

    private Position position(JsonParser parser) {
        JsonLocation l = parser.currentTokenLocation();
        return new Position(file, l.getLineNr(), l.getColumnNr());
    }

    private SpecException syntaxError(JsonProcessingException e) {
        JsonLocation l = e.getLocation();
        Position at = l == null ? Position.unknown(file) : new Position(file, l.getLineNr(), l.getColumnNr());
        if (e.getCause() instanceof MarkedYAMLException yaml) {
            // snakeyaml's mark is where the problem is; Jackson's location can be the end of the last good token
            if (yaml.getProblemMark() != null) at = position(yaml.getProblemMark());
            String context = yaml.getContext() == null || yaml.getContextMark() == null ? ""
                    : " (" + yaml.getContext() + " at " + position(yaml.getContextMark()) + ")";
            return new SpecException(at, "invalid YAML: " + yaml.getProblem() + context);
        }
        return new SpecException(at, "invalid YAML: " + e.getOriginalMessage());
    }

    private Position position(Mark mark) {
        return new Position(file, mark.getLine() + 1, mark.getColumn() + 1);
    }
}
