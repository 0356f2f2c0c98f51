package io.uxprobe.agent.status;

import io.uxprobe.probes.journey.StatePolicy;
import io.uxprobe.probes.journey.JourneyResult;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The state of every journey in every region, from the runs the agent records. Thread-safe: probes record from
 * their own threads; the page and the API take snapshots.
 *
 * <p>Per journey and region: a run (its last attempt, once retries are done) counts as failed or good; after
 * {@code failureThreshold} failed runs in a row the state goes DOWN, after {@code successThreshold} good ones it
 * goes back UP. Each such change is given to the listeners once, on the recording thread, in order: a listener
 * must be quick (the {@link Notifier} only queues). DEGRADED is shown, never notified (see {@link State}).
 */
public final class StatusBoard {

    /** Runs kept per journey and region when not told otherwise. */
    public static final int DEFAULT_HISTORY = 50;

    private final int historySize;
    private final Clock clock;
    /** journey -> region -> cell; sorted so pages and messages read the same every time. */
    private final Map<String, Map<String, Cell>> cells = new TreeMap<>();
    private final List<Consumer<StateChange>> listeners = new CopyOnWriteArrayList<>();

    public StatusBoard() {
        this(DEFAULT_HISTORY, Clock.systemUTC());
    }

    public StatusBoard(int historySize, Clock clock) {
        if (historySize < 1) throw new IllegalArgumentException("history size must be 1 or more, got " + historySize);
        this.historySize = historySize;
        this.clock = clock;
    }

    public void addListener(Consumer<StateChange> listener) {
        listeners.add(listener);
    }

    /** Adds the journey in the region (PENDING until it runs), or on a reload keeps its state and takes the new thresholds. */
    public synchronized void register(String journey, String region, StatePolicy thresholds) {
        Cell cell = cells.computeIfAbsent(journey, j -> new TreeMap<>()).get(region);
        if (cell == null) cells.get(journey).put(region, new Cell(journey, region, thresholds, clock.instant()));
        else cell.thresholds = thresholds;
    }

    /** A reload dropped the journey in the region: forget it, history and all. No event. */
    public synchronized void remove(String journey, String region) {
        Map<String, Cell> regions = cells.get(journey);
        if (regions == null) return;
        regions.remove(region);
        if (regions.isEmpty()) cells.remove(journey);
    }

    /**
     * One attempt of a journey in a region. {@code retry} is false for a scheduled run and true for each re-run of a
     * failed attempt; a failed attempt counts only once the retries allowed are spent (or the next scheduled run
     * comes). Results of a journey not registered in that region are ignored, so a run finishing after a reload
     * removed its journey does not bring it back.
     */
    public synchronized void record(String region, JourneyResult result, boolean retry) {
        record(region, result, retry, List.of());
    }

    /** @param evidence the saved screenshots and texts of the run's failed browser steps */
    public synchronized void record(String region, JourneyResult result, boolean retry, List<io.uxprobe.agent.browser.SavedEvidence> evidence) {
        Map<String, Cell> regions = cells.get(result.journey());
        Cell cell = regions == null ? null : regions.get(region);
        if (cell == null) return;
        if (!retry && cell.awaiting.isPresent()) settle(cell, cell.awaiting.get());
        int attempt = retry && cell.awaiting.isPresent() ? cell.awaiting.get().attempt() + 1 : 1;
        Run run = Run.of(region, result, attempt, evidence);
        if (attempt == 1) cell.firstAttemptStart = run.startedAt();
        cell.keep(run, historySize);
        if (run.passed() || attempt > cell.thresholds.retries()) settle(cell, run);
        else cell.awaiting = Optional.of(run);
    }

    /** Everything now, journeys and regions by name. */
    public synchronized StatusSnapshot snapshot() {
        TreeSet<String> regions = new TreeSet<>();
        List<JourneyStatus> journeys = new ArrayList<>();
        cells.forEach((journey, byRegion) -> {
            List<CellStatus> row = byRegion.values().stream().map(Cell::status).toList();
            regions.addAll(byRegion.keySet());
            journeys.add(new JourneyStatus(journey, JourneyStatus.summarize(row), row));
        });
        return new StatusSnapshot(clock.instant(), List.copyOf(regions), journeys);
    }

    /** The run is the last attempt of a scheduled run: count it, and change state when a threshold is reached. */
    private void settle(Cell cell, Run run) {
        cell.awaiting = Optional.empty();
        Instant started = cell.firstAttemptStart;
        if (run.passed()) {
            if (cell.successes++ == 0) cell.streakStart = started;
            cell.failures = 0;
            if (cell.confirmed == State.PENDING) cell.change(State.UP, cell.streakStart);
            else if (cell.confirmed == State.DOWN && cell.successes >= cell.thresholds.successThreshold()) emit(cell, State.UP, run);
        } else {
            if (cell.failures++ == 0) cell.streakStart = started;
            cell.successes = 0;
            if (cell.confirmed != State.DOWN && cell.failures >= cell.thresholds.failureThreshold()) emit(cell, State.DOWN, run);
        }
    }

    private void emit(Cell cell, State to, Run run) {
        State from = cell.confirmed;
        cell.change(to, cell.streakStart);
        List<String> regions = to == State.DOWN
                ? cells.get(cell.journey).values().stream().filter(c -> c.confirmed == State.DOWN).map(c -> c.region).toList()
                : List.of(cell.region);
        StateChange change = new StateChange(cell.journey, cell.region, from, to, cell.since, regions, run);
        for (Consumer<StateChange> listener : listeners) listener.accept(change);
    }

    /** One journey in one region; guarded by the board. */
    private static final class Cell {
        final String journey;
        final String region;
        StatePolicy thresholds;
        /** PENDING, UP or DOWN: what notifications have said. */
        State confirmed = State.PENDING;
        Instant since;
        int failures;
        int successes;
        /** Start of the first run of the current failure or success streak. */
        Instant streakStart;
        Instant firstAttemptStart;
        /** A failed attempt whose retry is still to come. */
        Optional<Run> awaiting = Optional.empty();
        Optional<Run> lastRun = Optional.empty();
        Optional<Run> lastFailure = Optional.empty();
        final ArrayDeque<Run> history = new ArrayDeque<>();

        Cell(String journey, String region, StatePolicy thresholds, Instant registered) {
            this.journey = journey;
            this.region = region;
            this.thresholds = thresholds;
            this.since = registered;
        }

        void keep(Run run, int historySize) {
            lastRun = Optional.of(run);
            if (!run.passed()) lastFailure = Optional.of(run);
            history.addLast(run);
            while (history.size() > historySize) history.removeFirst();
        }

        void change(State to, Instant at) {
            confirmed = to;
            since = at;
        }

        /** DEGRADED when not confirmed down but the latest attempt failed. */
        CellStatus status() {
            boolean failing = lastRun.map(r -> !r.passed()).orElse(false);
            State shown = confirmed == State.DOWN ? State.DOWN : failing ? State.DEGRADED : confirmed;
            Instant shownSince = shown == State.DEGRADED ? failingSince() : since;
            return new CellStatus(journey, region, shown, shownSince, thresholds, failures, successes, lastRun, lastFailure,
                    List.copyOf(history));
        }

        private Instant failingSince() {
            if (failures > 0) return streakStart;
            return awaiting.map(r -> firstAttemptStart).orElse(since);
        }
    }
}
