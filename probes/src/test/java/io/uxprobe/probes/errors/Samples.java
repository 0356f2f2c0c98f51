package io.uxprobe.probes.errors;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the sample responses under src/test/resources/errors/. */
final class Samples {

    private Samples() {}

    /** What a test compares of a match: its signature and snippet, as "signature: snippet". */
    static String named(ErrorMatch m) {
        return named(m.signature(), m.snippet());
    }

    static String named(String signature, String snippet) {
        return signature + ": " + snippet;
    }

    static String read(String name) {
        try (InputStream in = Samples.class.getResourceAsStream("/errors/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample /errors/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
