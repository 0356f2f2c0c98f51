package io.uxprobe.agent.browser;

import io.uxprobe.probes.browser.Evidence;
import io.uxprobe.probes.journey.JourneyResult;
import io.uxprobe.probes.journey.StepResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Saves the evidence of failed browser steps ({@code --artifacts DIR}): {@code JOURNEY[@REGION]-STEP-TIME.png} and
 * {@code .txt}. Keeps the newest {@link #KEEP} of each journey, region and step, so an always-on agent's folder stays small.
 */
public final class ArtifactStore {

    /** Evidence kept per journey, region and step; older files are deleted. */
    public static final int KEEP = 5;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);
    /** What a saved file's name may be: the names come from the journey file (letters, digits, '_', '.', ':', '-'). */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.:@-]+\\.(png|txt)");

    private final Path dir;

    public ArtifactStore(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /**
     * Saves the evidence of every failed browser step of a run.
     *
     * @param title the journey's name, with {@code @region} when the run came from one of the file's regions
     * @throws IOException when the folder cannot be written; the run's result stands all the same
     */
    public List<SavedEvidence> save(String title, JourneyResult result) throws IOException {
        List<SavedEvidence> saved = new ArrayList<>();
        for (StepResult step : result.steps()) {
            Optional<Evidence> evidence = step.page().flatMap(p -> p.evidence());
            if (evidence.isEmpty()) continue;
            Files.createDirectories(dir);
            String base = (title + "-" + step.name()).replace('/', '_');
            String stamp = TIME.format(result.startedAt());
            Path text = dir.resolve(base + "-" + stamp + ".txt");
            Files.writeString(text, evidence.get().visibleText(), StandardCharsets.UTF_8);
            Optional<Path> png = Optional.empty();
            if (evidence.get().hasScreenshot()) {
                png = Optional.of(Files.write(dir.resolve(base + "-" + stamp + ".png"), evidence.get().screenshotPng()));
            }
            prune(base);
            saved.add(new SavedEvidence(step.name(), png, text));
        }
        return saved;
    }

    /** The file a status page link names, if it is one of ours. */
    public Optional<Path> file(String name) {
        if (!NAME.matcher(name).matches()) return Optional.empty();
        Path p = dir.resolve(name);
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    private void prune(String base) throws IOException {
        for (String ext : List.of(".png", ".txt")) {
            List<Path> files;
            try (Stream<Path> all = Files.list(dir)) {
                files = all.filter(p -> {
                    String n = p.getFileName().toString();
                    return n.startsWith(base + "-") && n.endsWith(ext) && n.length() == base.length() + 1 + 20 + ext.length();
                }).sorted(Comparator.comparing(Path::toString).reversed()).toList();
            }
            for (Path old : files.subList(Math.min(KEEP, files.size()), files.size())) Files.deleteIfExists(old);
        }
    }
}
