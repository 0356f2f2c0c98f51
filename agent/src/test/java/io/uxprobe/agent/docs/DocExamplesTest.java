package io.uxprobe.agent.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.uxprobe.agent.cli.Main;
import io.uxprobe.demo.DemoService;
import io.uxprobe.demo.Outage;
import io.uxprobe.probes.template.Environment;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every example in README.md and docs/*.md that runs against the demo, run against the demo, so the docs cannot
 * drift from what uxprobe does. An example is marked by the HTML comment before its fenced block:
 *
 * <pre>
 * &lt;!-- checked against the demo (DocExamplesTest): exits 0 --&gt;
 * &lt;!-- checked against the demo (DocExamplesTest): run with --var base=DEMO, passes --&gt;
 * </pre>
 *
 * A block of commands runs each line through the CLI in-process ({@code uxprobe}, {@code ./uxprobe} or
 * {@code java -jar uxprobe.jar}), with {@code NAME=value} in front as its environment and globs expanded from the
 * repository's root; {@code localhost:8080}, 8081 and 8082 are the demo's three regions. {@code curl -X METHOD URL}
 * sets the demo up (breaks a region) and must get a 2xx answer. Lines after a {@code $ command} are what it prints:
 * each must appear in the output, in order, with times and phase lists free to differ. A YAML block is a journey
 * file, run with {@code --var base=} the demo's first region. The expectation says uxprobe's exit code
 * ({@code passes} is 0, {@code fails} 1), or each command's in order ({@code the first run exits 0, the second exits 1}).
 * Every example starts with every region healthy.
 */
class DocExamplesTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Pattern MARK = Pattern.compile("^<!-- checked against the demo \\(DocExamplesTest\\): (.+) -->$");
    static final Map<String, String> DEMO_ENV = Map.of("UXPROBE_PASSWORD", DemoService.PASSWORD, "UXPROBE_USER", "demo");
    static final List<String> REGIONS = List.of("eu-west", "us-east", "ap-south");

    static DemoService demo;

    @TempDir
    static Path dir;

    /** One marked example: where it is, what it expects, its fence's language and its lines. */
    record Example(Path doc, int line, String expectation, String language, List<String> lines) {
        @Override
        public String toString() {
            return ROOT.relativize(doc) + ":" + line;
        }
    }

    @BeforeAll
    static void startDemo() throws Exception {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String region : REGIONS) ports.put(region, freePort());
        demo = DemoService.start(ports, DemoService.Options.defaults().withBind(InetAddress.getLoopbackAddress()));
    }

    @AfterAll
    static void stopDemo() throws Exception {
        if (demo != null) demo.close();
    }

    @TestFactory
    Stream<DynamicTest> everyMarkedExampleDoesWhatItsTextSays() throws IOException {
        return examples().stream().map(e -> DynamicTest.dynamicTest(e.toString(), () -> check(e)));
    }

    @Test
    void theExamplesAreMarkedWhereTheyAre() throws IOException {
        Map<String, Long> perDoc = new HashMap<>();
        for (Example e : examples()) perDoc.merge(e.doc().getFileName().toString(), 1L, Long::sum);
        assertThat(perDoc).containsEntry("README.md", 2L).containsKey("cli.md").containsKey("journeys.md");
    }

    static List<Example> examples() throws IOException {
        List<Path> docs = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
            files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        List<Example> examples = new ArrayList<>();
        for (Path doc : docs) {
            List<String> lines = Files.readAllLines(doc);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = MARK.matcher(lines.get(i).strip());
                if (!m.matches()) continue;
                String fence = i + 1 < lines.size() ? lines.get(i + 1).strip() : "";
                assertThat(fence).as(doc + ":" + (i + 2) + ": a marked example is followed by a fenced block").startsWith("```");
                List<String> block = new ArrayList<>();
                int j = i + 2;
                while (j < lines.size() && !lines.get(j).strip().equals("```")) block.add(lines.get(j++));
                assertThat(j).as(doc + ":" + (i + 2) + ": the block is closed").isLessThan(lines.size());
                examples.add(new Example(doc, i + 1, m.group(1), fence.substring(3).strip(), block));
                i = j;
            }
        }
        return examples;
    }

    void check(Example e) throws Exception {
        try {
            run(e);
        } finally {
            for (String region : REGIONS) demo.outage(region, Outage.NONE);
        }
    }

    void run(Example e) throws Exception {
        List<Integer> codes = exitCodes(e.expectation());
        int expected = codes.getFirst();
        if (e.language().equals("yaml")) {
            assertThat(e.expectation()).as(e + ": a journey file says how it runs").contains("run with --var base=DEMO");
            Path file = Files.writeString(dir.resolve("example-" + e.line() + ".yaml"), String.join("\n", e.lines()) + "\n");
            Run run = uxprobe(DEMO_ENV, List.of("run", file.toString(), "--var", "base=" + demo.baseUrl("eu-west")));
            assertThat(run.code()).as(e + ": " + run).isEqualTo(expected);
            return;
        }
        List<String> lines = e.lines();
        int commands = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            boolean prompt = line.startsWith("$ ");
            String command = stripComment(prompt ? line.substring(2) : line);
            if (command.isEmpty()) continue;
            List<String> printed = new ArrayList<>();
            while (prompt && i + 1 < lines.size() && !lines.get(i + 1).strip().startsWith("$ ")) printed.add(lines.get(++i));
            Run run = execute(e, command);
            if (!command.startsWith("curl ")) expected = codes.get(Math.min(commands++, codes.size() - 1));
            assertThat(run.code()).as(e + ": " + command + "\n" + run).isEqualTo(command.startsWith("curl ") ? 0 : expected);
            assertPrinted(e, printed, run.out() + run.err());
        }
    }

    record Run(int code, String out, String err) {}

    Run execute(Example e, String command) throws Exception {
        List<String> words = words(demoUrls(command));
        Map<String, String> env = new HashMap<>();
        while (!words.isEmpty() && words.getFirst().matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
            String assignment = words.removeFirst();
            env.put(assignment.substring(0, assignment.indexOf('=')), assignment.substring(assignment.indexOf('=') + 1));
        }
        assertThat(words).as(e + ": a command").isNotEmpty();
        String program = words.removeFirst();
        if (program.equals("curl")) return curl(e, words);
        if (program.equals("java")) {
            assertThat(words.subList(0, 2)).as(e + ": java -jar uxprobe.jar").containsExactly("-jar", "uxprobe.jar");
            words = new ArrayList<>(words.subList(2, words.size()));
        } else {
            assertThat(program).as(e + ": uxprobe, ./uxprobe, java -jar uxprobe.jar or curl").isIn("uxprobe", "./uxprobe");
        }
        return uxprobe(env, expandGlobs(words));
    }

    static Run uxprobe(Map<String, String> env, List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), Environment.of(env), args.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    /** {@code curl -X METHOD URL}: exits 0 on a 2xx answer, 22 otherwise (as {@code curl --fail}). */
    static Run curl(Example e, List<String> args) throws Exception {
        String method = "GET";
        String url = null;
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("-X")) method = args.get(++i);
            else if (!args.get(i).startsWith("-")) url = args.get(i);
        }
        assertThat(url).as(e + ": curl needs a URL").isNotNull();
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        return new Run(r.statusCode() / 100 == 2 ? 0 : 22, r.body(), "");
    }

    /** Each line the doc shows after a {@code $ command} appears in what it printed, in order; times and phases may differ. */
    static void assertPrinted(Example e, List<String> shown, String printed) {
        // paths the test made absolute read as the docs write them: from the repository's root
        List<String> actual = printed.replace(ROOT + "/", "").lines().map(DocExamplesTest::shape).toList();
        int from = 0;
        for (String line : shown) {
            String wanted = shape(demoUrls(line));
            int at = actual.subList(from, actual.size()).indexOf(wanted);
            assertThat(at).as(e + ": the doc shows\n  " + wanted + "\nbut uxprobe printed\n  " + String.join("\n  ", actual)).isNotNegative();
            from += at + 1;
        }
    }

    /** A printed line with its measurements blanked: durations, phase lists, sizes and rates, trace ids. */
    static String shape(String line) {
        return line.strip()
                .replaceAll("\\((dns|connect|tls|request|ttfb|transfer) [^)]*\\)", "(phases)")
                .replaceAll("\\b\\d+(\\.\\d+)?(ms|s)\\b", "T")
                .replaceAll("\\b\\d+(\\.\\d+)?(B|KiB|MiB)(/s)?\\b", "N")
                .replaceAll("\\btrace [0-9a-f]{32}\\b", "trace ID"); // a new trace every run
    }

    /** The exit codes of the example's uxprobe commands, in order; one code stands for all of them. */
    static List<Integer> exitCodes(String expectation) {
        if (expectation.endsWith("passes")) return List.of(0);
        if (expectation.endsWith("fails")) return List.of(1);
        List<Integer> codes = new ArrayList<>();
        Matcher m = Pattern.compile("exits (\\d)").matcher(expectation);
        while (m.find()) codes.add(Integer.parseInt(m.group(1)));
        assertThat(codes).as("an expectation: 'exits N' (once, or once per command), 'passes' or 'fails', not '" + expectation + "'").isNotEmpty();
        return codes;
    }

    /** The demo's default addresses in the docs, pointed at the demo this test started. */
    static String demoUrls(String text) {
        String out = text;
        for (int i = 0; i < REGIONS.size(); i++) {
            String base = demo.baseUrl(REGIONS.get(i));
            out = out.replace("http://localhost:" + (8080 + i), base).replace("http://127.0.0.1:" + (8080 + i), base);
        }
        return out;
    }

    static String stripComment(String line) {
        int hash = line.indexOf(" #");
        return (hash < 0 ? line : line.substring(0, hash)).strip();
    }

    /** Shell words: split at spaces, with '…' and "…" quoting. */
    static List<String> words(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char quote = 0;
        boolean inWord = false;
        for (char c : command.toCharArray()) {
            if (quote != 0) {
                if (c == quote) quote = 0;
                else word.append(c);
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) words.add(word.toString());
                word.setLength(0);
                inWord = false;
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) words.add(word.toString());
        return words;
    }

    /** {@code examples/journeys/*.yaml} as the shell expands it in the repository's root, where the docs are read. */
    static List<String> expandGlobs(List<String> words) throws IOException {
        List<String> out = new ArrayList<>();
        for (String w : words) {
            if (!w.contains("*") || w.startsWith("-")) {
                out.add(w.startsWith("examples/") ? ROOT.resolve(w).toString() : w);
                continue;
            }
            Path folder = ROOT.resolve(w.substring(0, w.lastIndexOf('/')));
            PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + w.substring(w.lastIndexOf('/') + 1));
            try (Stream<Path> files = Files.list(folder)) {
                files.filter(p -> glob.matches(p.getFileName())).sorted().forEach(p -> out.add(p.toString()));
            }
        }
        return out;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
