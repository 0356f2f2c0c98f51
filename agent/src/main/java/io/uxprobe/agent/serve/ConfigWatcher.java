package io.uxprobe.agent.serve;

import java.io.IOException;
import io.uxprobe.agent.config.JourneyFiles;
import io.uxprobe.probes.files.SmallFile;
import io.uxprobe.probes.spec.SpecException;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Reloads when a journey file's content changes. Watches the files' folders, not the files, because editors
 * and Kubernetes ConfigMaps replace files (rename, symlink swap) rather than write into them.
 */
final class ConfigWatcher implements AutoCloseable {

    /** Editors save in bursts of events; wait for the burst to end. */
    private static final long SETTLE_MILLIS = 300;

    /** After a failure of the watch itself, how long to wait before watching on: no hot loop on a broken disk. */
    private static final long RETRY_MILLIS = 1000;

    private final List<Path> files;
    private final Runnable onChange;
    private final Consumer<Throwable> onError;
    private final WatchService watcher;
    private final Thread thread;
    private String lastDigest;

    /**
     * @param files journey files, or folders of them (as the command line named them)
     * @param onError told of anything that went wrong in a round of watching; the watch goes on
     */
    ConfigWatcher(List<Path> files, Runnable onChange, Consumer<Throwable> onError) throws IOException {
        this.files = files.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        this.onChange = onChange;
        this.onError = onError;
        this.watcher = FileSystems.getDefault().newWatchService();
        Set<Path> folders = new LinkedHashSet<>();
        for (Path f : this.files) folders.add(Files.isDirectory(f) ? f : f.getParent());
        for (Path folder : folders) {
            folder.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
        }
        this.lastDigest = digest();
        this.thread = Thread.ofVirtual().name("journey file watch").start(this::watch);
    }

    /** Until closed: nothing a round throws, not even an Error, ends the watch. */
    private void watch() {
        try {
            while (true) {
                try {
                    round();
                } catch (RuntimeException | Error e) {
                    if (e instanceof ClosedWatchServiceException) throw e;
                    onError.accept(e);
                    Thread.sleep(RETRY_MILLIS);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: the agent is stopping
        }
    }

    /** Waits for a burst of changes to end, then reloads if the files' content changed. */
    private void round() throws InterruptedException {
        WatchKey key = watcher.take();
        do {
            key.pollEvents();
            key.reset();
        } while ((key = watcher.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS)) != null);
        String now = digest();
        if (!now.equals(lastDigest)) {
            lastDigest = now;
            onChange.run();
        }
    }

    /** One digest over every file's bytes (a folder's files as a load would read them); a missing file counts as a change too. */
    private String digest() {
        List<Path> current;
        try {
            current = JourneyFiles.expand(files);
        } catch (SpecException e) {
            current = files; // an empty or unreadable folder: a reload will say so
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path f : current) {
                sha.update(f.toString().getBytes(StandardCharsets.UTF_8));
                try {
                    sha.update(SmallFile.read(f, SmallFile.MAX_BYTES)); // never a FIFO or a device: those would block or fill the heap
                } catch (IOException e) {
                    sha.update(String.valueOf(e.getMessage()).getBytes(StandardCharsets.UTF_8));
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        watcher.close();
        thread.interrupt();
    }
}
