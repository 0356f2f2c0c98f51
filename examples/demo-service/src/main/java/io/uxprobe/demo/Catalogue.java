package io.uxprobe.demo;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The built-in catalogue: a few made-up tracks, several of them jazz, and track 42 that the playback journey plays. */
final class Catalogue {

    private static final List<Track> TRACKS = List.of(
            new Track("42", "Blue Hour Walk", "The Quiet Quartet", "jazz", 214),
            new Track("7", "Midnight in Lisbon", "Ana Ribeiro Trio", "jazz", 248),
            new Track("13", "Slow Rain Bossa", "Ana Ribeiro Trio", "jazz", 197),
            new Track("56", "Brass on Bleecker", "Hudson Street Brass", "jazz", 231),
            new Track("88", "Jazz for Sleepy Mornings", "The Quiet Quartet", "jazz", 265),
            new Track("3", "Paper Lanterns", "Kite Season", "indie", 203),
            new Track("5", "Northbound", "Kite Season", "indie", 189),
            new Track("11", "Static Bloom", "Neon Harbor", "electronic", 276),
            new Track("17", "Low Tide Signal", "Neon Harbor", "electronic", 242),
            new Track("23", "Sonata in Grey", "Clara Weiss", "classical", 301),
            new Track("29", "Dust Road Home", "The Long Fences", "folk", 222),
            new Track("31", "Red Clay Blues", "Willie Mae Barnes", "blues", 254),
            new Track("37", "Ceiling Fan Summer", "Loose Change", "pop", 181),
            new Track("64", "Monsoon Raga", "Delta Strings", "world", 289));

    Optional<Track> track(String id) {
        return TRACKS.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** The home shelf: the first tracks of the catalogue, as the web player shows them before any search. */
    List<Track> shelf(int size) {
        return TRACKS.subList(0, Math.min(size, TRACKS.size()));
    }

    /** Tracks whose title, artist or genre contains every word of the query, case folded; in catalogue order. */
    List<Track> search(String query) {
        List<String> words = List.of(fold(query).split("\\s+")).stream().filter(w -> !w.isEmpty()).toList();
        if (words.isEmpty()) return List.of();
        return TRACKS.stream()
                .filter(t -> words.stream().allMatch(w -> fold(t.title() + " " + t.artist() + " " + t.genre()).contains(w)))
                .toList();
    }

    private static String fold(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
