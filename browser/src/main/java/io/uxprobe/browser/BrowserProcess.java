package io.uxprobe.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.bidi.log.LogLevel;
import org.openqa.selenium.bidi.module.LogInspector;
import org.openqa.selenium.bidi.module.Network;
import org.openqa.selenium.bidi.module.Script;
import org.openqa.selenium.bidi.network.BaseParameters;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * One running Chromium, driven through Debian's chromedriver over WebDriver BiDi, and the processes and profile folder
 * it owns. Page events (console errors, failed requests) are subscribed once for the whole browser and handed to the
 * page that caused them. {@link #close()} leaves no process and no folder behind, even when the browser hangs.
 */
final class BrowserProcess implements AutoCloseable {

    /** Selenium logs through java.util.logging; the agent reports what matters itself. Held so the level sticks. */
    private static final Logger SELENIUM_LOG = Logger.getLogger("org.openqa.selenium");
    private static final String PAGE_SCRIPT = read("page.js");
    /** The isolated world uxprobe's page script runs in: the page's own scripts cannot see or change it. */
    static final String SANDBOX = "uxprobe";

    final ChromeDriver driver;
    final Script script;
    private final ChromeDriverService service;
    private final ProcessHandle chromedriver;
    private final ProcessHandle chromium;
    private final Path profile;
    private final LogInspector logs;
    private final Network network;
    private final Map<String, PageEvents> pages = new ConcurrentHashMap<>();
    /** What the visits on this browser give back when they end, or when the browser is closed under them. */
    private final Set<Runnable> held = ConcurrentHashMap.newKeySet();
    private volatile boolean broken;
    private boolean closed;

    private BrowserProcess(ChromeDriver driver, ChromeDriverService service, ProcessHandle chromedriver, ProcessHandle chromium, Path profile) {
        this.driver = driver;
        this.service = service;
        this.chromedriver = chromedriver;
        this.chromium = chromium;
        this.profile = profile;
        this.script = new Script(driver);
        this.logs = new LogInspector(driver);
        this.network = new Network(driver);
        script.addPreloadScript(PAGE_SCRIPT, SANDBOX);
        logs.onConsoleEntry(e -> {
            if (e.getLevel() == LogLevel.ERROR) e.getSource().getBrowsingContext().map(pages::get).ifPresent(p -> p.consoleError(e.getText()));
        });
        logs.onJavaScriptException(e -> e.getSource().getBrowsingContext().map(pages::get).ifPresent(p -> p.consoleError("uncaught " + e.getText())));
        network.onResponseCompleted(r -> page(r).ifPresent(p -> {
            int status = r.getResponseData().getStatus();
            if (r.getNavigationId() != null) p.documentStatus(status);
            if (status >= 400 && !favicon(r)) p.failedRequest(r.getRequest().getMethod() + " " + r.getRequest().getUrl() + ": " + status);
        }));
        network.onFetchError(e -> page(e).ifPresent(p -> {
            // a request cut short because the page moved on is no failure a user meets
            if (!e.getErrorText().contains("ERR_ABORTED") && !favicon(e)) {
                p.failedRequest(e.getRequest().getMethod() + " " + e.getRequest().getUrl() + ": " + e.getErrorText());
            }
        }));
    }

    /** Starts chromedriver and, through it, Chromium with a fresh profile. */
    static BrowserProcess start(ChromiumSettings settings) throws IOException {
        for (Path p : List.of(settings.chromium(), settings.chromedriver())) {
            if (!Files.isExecutable(p)) {
                throw new IOException(p + " is not installed: browser steps need Debian's chromium and chromium-driver "
                        + "(apt-get install chromium chromium-driver), or UXPROBE_CHROMIUM and UXPROBE_CHROMEDRIVER");
            }
        }
        SELENIUM_LOG.setLevel(Level.OFF);
        Path profile = Files.createTempDirectory("uxprobe-chromium-");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(settings.chromedriver().toFile())
                .withLogOutput(OutputStream.nullOutputStream())
                .build();
        ProcessHandle chromedriver = null;
        try {
            Set<Long> before = childPids();
            service.start();
            chromedriver = ProcessHandle.current().children().filter(p -> !before.contains(p.pid()))
                    .filter(p -> p.info().command().map(c -> c.endsWith("chromedriver")).orElse(false)).findFirst()
                    .orElseThrow(() -> new IOException("chromedriver started but its process cannot be found"));
            ChromeOptions options = new ChromeOptions().setBinary(settings.chromium().toFile()).enableBiDi();
            options.addArguments(settings.flags(profile));
            ChromeDriver driver = new ChromeDriver(service, options);
            ProcessHandle chromium = chromedriver.children().findFirst()
                    .orElseThrow(() -> new IOException("Chromium started but its process cannot be found"));
            return new BrowserProcess(driver, service, chromedriver, chromium, profile);
        } catch (Throwable e) {
            // whatever failed (an Error too), nothing of this attempt may outlive it
            if (chromedriver != null) kill(Stream.concat(Stream.of(chromedriver), chromedriver.descendants()).toList());
            bounded(service::stop, 2);
            deleteTree(profile);
            if (e instanceof IOException io) throw io;
            throw new IOException("cannot start Chromium: " + e, e);
        }
    }

    /** Holds something for a visit (its page slot): the returned action gives it back once, or {@link #close()} does. */
    Runnable hold(Runnable giveBack) {
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        Runnable once = new Runnable() {
            @Override
            public void run() {
                if (done.compareAndSet(false, true)) {
                    held.remove(this);
                    giveBack.run();
                }
            }
        };
        held.add(once);
        if (broken) once.run(); // the browser broke meanwhile: nothing to hold
        return once;
    }

    /** Hands the page events of a browsing context to {@code events} until {@link #forget}. */
    void watch(String context, PageEvents events) {
        pages.put(context, events);
    }

    void forget(String context) {
        pages.remove(context);
    }

    /** Whether the browser can still be driven: its processes live and no page found it broken. */
    boolean alive() {
        return !broken && running();
    }

    /** Whether chromedriver and Chromium still run (a crashed or killed browser does not, even before it is reaped). */
    boolean running() {
        return runs(chromedriver) && runs(chromium);
    }

    /** Alive and not a zombie: a killed Chromium stays "alive" until chromedriver reaps it. */
    private static boolean runs(ProcessHandle p) {
        return p.isAlive() && state(p) != 'Z';
    }

    /** Stopped (SIGSTOP, a debugger): it will answer nothing. */
    private static boolean stopped(ProcessHandle p) {
        char s = state(p);
        return s == 'T' || s == 't';
    }

    /** The process's state letter from /proc ('R', 'S', 'Z', 'T', ...); '?' where there is no /proc. */
    private static char state(ProcessHandle p) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(p.pid()), "stat"));
            int end = stat.lastIndexOf(')');
            return end < 0 || end + 2 >= stat.length() ? '?' : stat.charAt(end + 2);
        } catch (IOException | RuntimeException noProc) {
            return '?';
        }
    }

    /** Whether the browser answers a trivial command within {@code within}: a hung or stopped one does not. */
    boolean answers(java.time.Duration within) {
        if (!alive() || stopped(chromium)) return false;
        CompletableFuture<Boolean> ping = CompletableFuture.supplyAsync(() -> {
            new org.openqa.selenium.bidi.module.Browser(driver).getUserContexts();
            return true;
        }, r -> Thread.ofVirtual().start(r));
        try {
            return ping.get(within.toNanos(), TimeUnit.NANOSECONDS);
        } catch (Exception noAnswer) {
            ping.cancel(true);
            return false;
        }
    }

    /** A page found the browser crashed or hung: the next visit gets a new one. */
    void broke() {
        broken = true;
    }

    /** The browser's processes now, for tests and for {@link #close()}. */
    List<ProcessHandle> processes() {
        List<ProcessHandle> all = new ArrayList<>();
        all.add(chromedriver);
        chromedriver.descendants().forEach(all::add);
        if (!all.contains(chromium)) all.add(chromium);
        chromium.descendants().filter(p -> !all.contains(p)).forEach(all::add);
        return all;
    }

    /**
     * Quits the browser politely for a moment when it still answers, then kills whatever of it is left (a hung or
     * crashed one at once), and deletes its profile.
     */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        boolean polite = alive();
        broken = true;
        List<ProcessHandle> tree = processes();
        if (polite) bounded(driver::quit, 3);
        kill(tree);
        List.copyOf(held).forEach(Runnable::run); // visits still blocked on the dead browser give their pages back
        bounded(service::stop, 2);
        deleteTree(profile);
    }

    /** Runs {@code work} for at most {@code seconds}; what it does not finish, the kill that follows does. */
    private static void bounded(Runnable work, int seconds) {
        CompletableFuture<Void> done = CompletableFuture.runAsync(() -> {
            try {
                work.run();
            } catch (RuntimeException alreadyGone) {
                // a crashed browser cannot be quit politely; it is killed
            }
        }, r -> Thread.ofVirtual().start(r));
        try {
            done.get(seconds, TimeUnit.SECONDS);
        } catch (Exception hung) {
            // killed next
        }
    }

    private static void kill(List<ProcessHandle> tree) {
        tree.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle p : tree) {
            try {
                p.onExit().get(2, TimeUnit.SECONDS);
            } catch (Exception stillThere) {
                // nothing more can be done from here
            }
        }
    }

    private Optional<PageEvents> page(BaseParameters event) {
        return Optional.ofNullable(event.getBrowsingContextId()).map(pages::get);
    }

    /** Chromium asks for /favicon.ico on its own; a site without one has no failed request a user would notice. */
    private static boolean favicon(BaseParameters event) {
        return event.getRequest().getUrl().endsWith("/favicon.ico");
    }

    private static Set<Long> childPids() {
        Set<Long> pids = new HashSet<>();
        ProcessHandle.current().children().forEach(p -> pids.add(p.pid()));
        return pids;
    }

    static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException gone) {
            // already gone, or half-gone: nothing else uses it
        }
    }

    static String firstLine(String message) {
        if (message == null) return "no detail";
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).strip();
    }

    private static String read(String resource) {
        try (InputStream in = BrowserProcess.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException(resource + " is missing from the jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
