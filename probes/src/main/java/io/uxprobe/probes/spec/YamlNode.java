package io.uxprobe.probes.spec;

import com.fasterxml.jackson.core.JsonToken;
import java.util.List;
import java.util.Optional;

/** A YAML value with the place it was written, so every error can point at it. */
sealed interface YamlNode {

    Position position();

    /** How an error message names what was found: {@code 'fast'}, {@code a list}, {@code a mapping}. */
    String describe();

    /**
     * A plain or quoted scalar.
     *
     * @param token how YAML typed it: {@code VALUE_STRING}, {@code VALUE_NUMBER_INT}, {@code VALUE_TRUE}, …
     * @param textColumn the column where {@code text} starts when it is written verbatim on one line, else 0
     */
    record Scalar(String text, JsonToken token, boolean quoted, int textColumn, Position position) implements YamlNode {

        /** Where the character at {@code offset} of the text is; the scalar itself when the text is not verbatim. */
        public Position at(int offset) {
            return textColumn > 0 ? new Position(position.file(), position.line(), textColumn + offset) : position;
        }

        public boolean isBoolean() {
            return token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE;
        }

        @Override
        public String describe() {
            return "'" + text + "'";
        }
    }

    /** A mapping; keys keep their file order and are unique. */
    record Mapping(List<Entry> entries, Position position) implements YamlNode {

        public record Entry(String key, Position keyPosition, YamlNode value) {}

        public Mapping {
            entries = List.copyOf(entries);
        }

        public Optional<Entry> entry(String key) {
            return entries.stream().filter(e -> e.key().equals(key)).findFirst();
        }

        @Override
        public String describe() {
            return "a mapping";
        }
    }

    record Sequence(List<YamlNode> items, Position position) implements YamlNode {

        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String describe() {
            return "a list";
        }
    }

    /** {@code ~}, {@code null} or nothing at all after a key. */
    record Null(Position position) implements YamlNode {

        @Override
        public String describe() {
            return "nothing";
        }
    }
}
