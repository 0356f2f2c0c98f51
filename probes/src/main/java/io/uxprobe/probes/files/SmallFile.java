package io.uxprobe.probes.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads the files a user points uxprobe at (journey files, {@code ${file:…}}, secrets' {@code _FILE}, CA and web
 * config files) as a whole, and only when that is safe: a regular file of at most a given size. A FIFO would block
 * the reader forever, {@code /dev/zero} would fill the heap, and a folder is a mistake; each is refused before it is
 * opened, with a sentence that says what the path is.
 */
public final class SmallFile {

    /** How large a journey file, or a file a journey reads, may be: far beyond any real one, and quick to check. */
    public static final long MAX_BYTES = 1 << 20;

    private SmallFile() {}

    /** The bytes of {@code file}, a regular file of at most {@code max}. */
    public static byte[] read(Path file, long max) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        if (!attributes.isRegularFile()) throw new Refused(whatItIs(file, attributes) + ", not a regular file: give the path of a file");
        if (attributes.size() > max) throw new Refused(tooLarge(attributes.size(), max));
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1)); // the file may have grown since it was measured
            if (bytes.length > max) throw new Refused(tooLarge(bytes.length, max));
            return bytes;
        }
    }

    /** The text of {@code file}, a regular file of at most {@code max}, in UTF-8. */
    public static String readUtf8(Path file, long max) throws IOException {
        byte[] bytes = read(file, max);
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    }

    /** Whether {@link #readUtf8} failed because the file is not UTF-8 text. */
    public static boolean notUtf8(IOException e) {
        return e instanceof CharacterCodingException;
    }

    private static String tooLarge(long size, long max) {
        return "the file is larger than " + size(max) + " (" + size(size) + "), the most uxprobe reads: is it the right file?";
    }

    /** {@code 1 MiB}, {@code 52.4 MiB}, {@code 900 KiB}: sizes as the docs write them. */
    static String size(long bytes) {
        if (bytes % (1 << 20) == 0) return bytes / (1 << 20) + " MiB";
        if (bytes >= 1 << 20) return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
        return (bytes + 1023) / 1024 + " KiB";
    }

    private static String whatItIs(Path file, BasicFileAttributes attributes) {
        if (attributes.isDirectory()) return "it is a folder";
        try {
            int type = (Integer) Files.getAttribute(file, "unix:mode") & 0170000;
            return switch (type) {
                case 0010000 -> "it is a FIFO (named pipe)";
                case 0020000 -> "it is a character device";
                case 0060000 -> "it is a block device";
                case 0140000 -> "it is a socket";
                default -> "it is a special file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "it is a special file (a FIFO, device or socket)";
        }
    }

    /** A file uxprobe will not read; the message says why, in words a user acts on. */
    public static final class Refused extends IOException {
        Refused(String why) {
            super(why);
        }
    }
}
