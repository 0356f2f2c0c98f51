package io.uxprobe.probes.errors;

import static org.assertj.core.api.Assertions.assertThat;

import io.uxprobe.probes.deadline.Deadline;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The labelled corpus (src/test/resources/corpus, see its README): real products' error pages and healthy pages that
 * carry error words as content. Prints precision and recall per category, by language too, and fails below 100 %
 * on either; every error page must be named by one of its acceptable signatures. docs/journeys.md carries the table.
 */
class CorpusTest {

    record Page(String file, boolean error, String category, int status, String contentType, Set<String> signatures, String lang,
            String source) {}

    record Verdict(Page page, Detection detection) {
        boolean flagged() {
            return detection.message().isPresent();
        }

        boolean right() {
            return page.error() ? flagged() && page.signatures().contains(detection.message().get().signature()) : !flagged();
        }

        String describe() {
            String what = detection.message()
                    .map(m -> "flagged " + m.signature() + " by " + m.rule() + " (" + m.why() + ") at " + m.where() + ": \"" + m.snippet() + "\"")
                    .orElse("not flagged" + (detection.mentions().isEmpty() ? "" : "; ignored: " + detection.mentions().stream()
                            .map(m -> m.signature() + " [" + m.rule() + ": " + m.why() + "] \"" + m.snippet() + "\"")
                            .collect(Collectors.joining("; "))));
            return page.file() + " (" + (page.error() ? "error, wants " + String.join("|", page.signatures()) : "healthy") + "): " + what;
        }
    }

    static final ErrorDetector DETECTOR = ErrorDetector.catalogOnly().explaining();
    static List<Verdict> verdicts;

    @BeforeAll
    static void readEveryPage() {
        verdicts = manifest().stream().map(p -> new Verdict(p, DETECTOR.read(p.contentType(), read(p.file()), Deadline.none()))).toList();
    }

    @Test
    void everyErrorPageIsFoundAndNamedAndNoHealthyPageIsFlagged() throws IOException {
        List<String> wrong = verdicts.stream().filter(v -> !v.right()).map(Verdict::describe).toList();

        System.out.println(table());
        Files.writeString(Path.of("target", "corpus-wrong.txt"), String.join("\n\n", wrong)); // the whole list, for whoever tunes the rules
        assertThat(wrong).as("pages read wrong").isEmpty();
    }

    @Test
    void theCorpusIsAsLargeAndAsVariedAsPromised() {
        List<Page> pages = verdicts.stream().map(Verdict::page).toList();
        List<Page> errors = pages.stream().filter(Page::error).toList();
        List<Page> healthy = pages.stream().filter(p -> !p.error()).toList();

        assertThat(errors).hasSizeGreaterThanOrEqualTo(80);
        assertThat(errors.stream().map(p -> product(p.file())).distinct().count()).as("distinct products").isGreaterThanOrEqualTo(40);
        assertThat(healthy).hasSizeGreaterThanOrEqualTo(80);
        assertThat(healthy.stream().filter(p -> !p.category().equals("plain")).count()).as("healthy pages with error words as content")
                .isGreaterThanOrEqualTo(40);
        assertThat(errors.stream().map(Page::lang).collect(Collectors.toSet()))
                .contains("de", "fr", "es", "it", "pt", "nl", "pl", "sv", "tr", "ja", "ko", "zh");
        assertThat(healthy.stream().map(Page::lang).collect(Collectors.toSet()))
                .contains("de", "fr", "es", "it", "pt", "nl", "pl", "sv", "tr", "ja", "ko", "zh");
    }

    @Test
    void docsCarryTheTableAsItStands() throws IOException {
        String docs = Files.readString(Path.of("..", "docs", "journeys.md"));

        assertThat(docs).as("docs/journeys.md's corpus table; replace it with the one printed above").contains(table());
    }

    /** The Markdown table: per category, then overall precision and recall. */
    static String table() {
        StringBuilder t = new StringBuilder("| category | kind | pages | read right | errors missed | false alarms | precision | recall |\n"
                + "|---|---|---|---|---|---|---|---|\n");
        Map<String, List<Verdict>> byCategory = new TreeMap<>(verdicts.stream().collect(Collectors.groupingBy(v ->
                (v.page().error() ? "0 " : "1 ") + v.page().category())));
        byCategory.forEach((key, vs) -> t.append(row(key.substring(2), vs.getFirst().page().error() ? "error" : "healthy", vs)));
        Map<String, List<Verdict>> byLang = new TreeMap<>(verdicts.stream().filter(v -> !v.page().lang().equals("en"))
                .collect(Collectors.groupingBy(v -> v.page().lang())));
        t.append(row("all, English", "both", verdicts.stream().filter(v -> v.page().lang().equals("en")).toList()));
        t.append(row("all, other languages (" + String.join(", ", byLang.keySet()) + ")", "both",
                verdicts.stream().filter(v -> !v.page().lang().equals("en")).toList()));
        t.append(row("**all**", "both", verdicts));
        return t.toString();
    }

    private static String row(String name, String kind, List<Verdict> vs) {
        long truePositive = vs.stream().filter(v -> v.page().error() && v.right()).count();
        long flagged = vs.stream().filter(Verdict::flagged).count();
        long errors = vs.stream().filter(v -> v.page().error()).count();
        long right = vs.stream().filter(Verdict::right).count();
        long falseAlarms = vs.stream().filter(v -> !v.page().error() && v.flagged()).count();
        // a healthy category has nothing to find: its precision is that of what was flagged in it (100 % when nothing was)
        String precision = errors == 0 ? (falseAlarms == 0 ? "100 %" : "0 %") : percent(truePositive, truePositive + falseAlarms);
        String recall = errors == 0 ? "—" : percent(truePositive, errors);
        long missed = vs.stream().filter(v -> v.page().error() && !v.flagged()).count();
        return "| " + name + " | " + kind + " | " + vs.size() + " | " + right + " | " + (errors == 0 ? "—" : missed) + " | "
                + (errors == vs.size() ? "—" : falseAlarms) + " | " + precision + " | " + recall + " |\n";
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "—" : Math.round(100.0 * part / whole) + " %";
    }

    /** A page's product: its file name up to the first dash ({@code error/nginx-502.html} is nginx). */
    static String product(String file) {
        String name = file.substring(file.lastIndexOf('/') + 1).replaceFirst("^heldout2?-", "");
        int dash = name.indexOf('-');
        return dash > 0 ? name.substring(0, dash) : name;
    }

    static List<Page> manifest() {
        List<Page> pages = new ArrayList<>();
        String[] lines = read("manifest.tsv").split("\n");
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) continue;
            String[] c = lines[i].split("\t", -1);
            if (c.length != 8) throw new IllegalStateException("manifest.tsv line " + (i + 1) + ": expected 8 columns, got " + c.length);
            Set<String> signatures = c[5].equals("-") ? Set.of() : new LinkedHashSet<>(Arrays.asList(c[5].split("\\|")));
            pages.add(new Page(c[0], c[1].equals("error"), c[2], Integer.parseInt(c[3]), c[4], signatures, c[6], c[7]));
        }
        return pages;
    }

    static String read(String file) {
        try (InputStream in = CorpusTest.class.getResourceAsStream("/corpus/" + file)) {
            if (in == null) throw new IllegalArgumentException("no corpus file " + file);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
